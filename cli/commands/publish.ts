import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { packFolder } from "../../lib/registry/pack/pack-folder";
import type { PublishResult } from "../../lib/registry/schemas";
import type { HubClient } from "../client";
import { CliError } from "../errors";
import { pluginCodeOfFolder, pluginCodeOfZip } from "../plugin-code";
import { print, progressBar, type Output } from "../output";

const ARCHIVE = /\.(zip|tar\.gz|tgz)$/i;

/** `pack <dir> [-o file]`: builds the archive `publish` would upload, without uploading it. */
export async function pack(dir: string, out: string | undefined, output: Output): Promise<void> {
  const target = path.resolve(out ?? `${path.basename(path.resolve(dir))}.zip`);
  const files = await packFolder(await folderOrThrow(dir), target);
  const sha256 = await sha256File(target);
  const size = (await stat(target)).size;
  print(output, `Packed ${files.length} files into ${target} (${size} bytes, sha256 ${sha256}).`, { archive: target, files, size, sha256 });
}

/** `publish [dir|archive] [--debug]`: packs a plugin folder (or takes an archive) and publishes it. */
export async function publish(client: HubClient, source: string, output: Output, options: { debug?: boolean } = {}): Promise<void> {
  const body = await publishSource(client, source, options);
  const { plugin, version } = body;
  const url = `${client.host}/plugins/${plugin.code}?version=${encodeURIComponent(version.version)}`;
  print(output, [`${headline(body)}  sha256 ${version.sha256}`, url], { ...body, url });
}

export function headline({ created, replaced, plugin, version }: PublishResult): string {
  const kind = version.debug ? "debug release " : "";
  if (replaced) return `Replaced the ${kind}${plugin.code}@${version.version}`;
  if (created) return `Published ${kind}${plugin.code}@${version.version}`;
  return `Already published (identical archive): ${kind}${plugin.code}@${version.version}`;
}

/** Packs `source` when it is a folder, uploads it and answers the hub's PublishResult. */
export async function publishSource(client: HubClient, source: string, options: { debug?: boolean; quiet?: boolean } = {}): Promise<PublishResult> {
  const info = await stat(source).catch(() => null);
  if (!info) throw new CliError(`${source} does not exist.`, 2);
  let scratch: string | undefined;
  let archive = path.resolve(source);
  let code: string | undefined;
  try {
    if (info.isDirectory()) {
      code = await pluginCodeOfFolder(source);
      scratch = await mkdtemp(path.join(os.tmpdir(), "synapse-hub-publish-"));
      archive = path.join(scratch, `${path.basename(path.resolve(source))}.zip`);
      await packFolder(source, archive);
    } else if (!ARCHIVE.test(source)) {
      throw new CliError(`${source} is neither a plugin folder nor a .zip / .tar.gz archive.`, 2);
    }
    const type = /\.zip$/i.test(archive) ? "application/zip" : "application/gzip";
    if (!code && type === "application/zip") code = await pluginCodeOfZip(archive);
    // Naming the plugin lets the hub refuse a token that may not publish it before the upload starts.
    const query = new URLSearchParams({ ...(code && { plugin: code }), ...(options.debug && { debug: "true" }) });
    const target = `/api/v1/plugins${query.size ? `?${query}` : ""}`;
    const { body } = await client.upload<PublishResult>(target, archive, type, options.quiet ? () => {} : progressBar("Uploading"));
    return body;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

async function folderOrThrow(dir: string): Promise<string> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new CliError(`${dir} is not a folder.`, 2);
  return dir;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
