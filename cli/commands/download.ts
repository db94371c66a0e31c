import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { HubClient } from "../client";
import { CliError } from "../errors";
import { print, progressBar, type Output } from "../output";
import { parseRef } from "./ref";

/** `download <code>[@version] [-o file]`: saves an archive and checks it against its sha256 (the ETag). */
export async function download(client: HubClient, ref: string, out: string | undefined, output: Output): Promise<void> {
  const { code, version } = parseRef(ref, "latest");
  const response = await client.request(`/api/v1/plugins/${encodeURIComponent(code)}/versions/${encodeURIComponent(version)}/archive`);
  const expected = response.headers.get("etag")?.replaceAll('"', "");
  const suggested = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `${code}.zip`;
  const target = path.resolve(out ?? suggested);
  const partial = `${target}.part`;
  const total = Number(response.headers.get("content-length") ?? 0);
  const hash = createHash("sha256");
  const report = progressBar("Downloading");
  let received = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      received += chunk.length;
      report(received, total);
      done(null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(response.body as WebReadableStream), meter, createWriteStream(partial));
  const sha256 = hash.digest("hex");
  if (expected && expected !== sha256) {
    await rm(partial, { force: true });
    throw new CliError(`The download does not match its checksum (expected ${expected}, got ${sha256}); nothing was saved.`);
  }
  await rename(partial, target);
  print(output, `Saved ${target} (${received} bytes, sha256 ${sha256}, verified).`, { file: target, size: received, sha256 });
}
