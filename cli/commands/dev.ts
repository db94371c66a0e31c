import { watch } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { VersionDetail } from "../../lib/registry/schemas";
import type { HubClient } from "../client";
import { CliError } from "../errors";
import { print, type Output } from "../output";
import { headline, publishSource } from "./publish";

const DEBOUNCE_MS = 150;
// What an editor or a build leaves that is not the plugin (publish leaves these out too).
const IGNORED = /(^|\/)(\.git|__pycache__|\.venv|node_modules|dist|build|\.mypy_cache|\.pytest_cache)(\/|$)|\.pyc$|~$|\.sw[px]$/;

/**
 * `dev <dir>`: publishes the folder as a debug release, then again on every save (debounced; one
 * publish at a time, a save during one queues the next), printing where to launch it. Runs until
 * interrupted; a publish the hub refuses is printed and the watch goes on.
 */
export async function dev(client: HubClient, dir: string, output: Output, signal?: AbortSignal): Promise<void> {
  if (!(await stat(dir).catch(() => null))?.isDirectory()) throw new CliError(`${dir} is not a folder.`, 2);
  // The link names the first action; asked once per code@version, so a save is announced the moment it is published.
  const links = new Map<string, string>();
  const launchLink = async (client: HubClient, code: string, version: string) => {
    const key = `${code}@${version}`;
    if (!links.has(key)) {
      const detail = await client.json<VersionDetail>(`/api/v1/plugins/${code}/versions/${encodeURIComponent(version)}`);
      const action = detail.actions[0]?.name;
      const query = `?version=${encodeURIComponent(version)}`;
      links.set(key, action ? `${client.host}/plugins/${code}/run/${encodeURIComponent(action)}${query}` : `${client.host}/plugins/${code}${query}`);
    }
    return links.get(key)!;
  };
  let busy = false;
  let again = false;
  const once = async () => {
    if (busy) return void (again = true);
    busy = true;
    try {
      const body = await publishSource(client, dir, { debug: true, quiet: true });
      const { plugin, version } = body;
      const launch = await launchLink(client, plugin.code, version.version);
      print(output, [`${new Date().toLocaleTimeString()} ${headline(body)}`, `  launch: ${launch}`], { ...body, launch, at: new Date().toISOString() });
    } catch (error) {
      const message = (error as Error).message;
      print(output, `${new Date().toLocaleTimeString()} not published: ${message}`, { error: { message }, at: new Date().toISOString() });
    } finally {
      busy = false;
      if (again) {
        again = false;
        void once();
      }
    }
  };
  await once();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dir, { recursive: true }, (_event, name) => {
    if (name && IGNORED.test(name.split(path.sep).join("/"))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void once(), DEBOUNCE_MS);
  });
  if (!output.json) process.stderr.write(`Watching ${path.resolve(dir)}; Ctrl-C stops.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      watcher.close();
      clearTimeout(timer);
      resolve();
    };
    signal?.addEventListener("abort", stop);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
