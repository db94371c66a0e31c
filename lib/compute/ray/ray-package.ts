import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";
import { processSingleton } from "@/lib/process-singleton";
import { RUNTIME_DIR } from "@/lib/compute/local-backend/run-environment";
import type { RayClient } from "./ray-client";

// Bumped when what goes into a package changes, so an old upload is never reused for the new layout.
const LAYOUT = "1";
/** How long an upload is trusted without asking Ray again (Ray drops unused packages after a while). */
const CONFIRMED_MS = 10_000;

const state = processSingleton("ray.packages", () => ({
  runtimeHash: undefined as string | undefined,
  confirmed: new Map<string, number>(),
  building: new Map<string, Promise<string>>(),
}));

/**
 * A version's files as a Ray package: the extracted version's files at the zip's root (Ray unpacks a
 * `gcs://` package as the job's working folder) plus the hub's runtime, so `python -m
 * synapse_hub_runtime` runs there, on any node, without the cluster reaching the hub's disk. Built
 * once per (archive, runtime) into `<root>/ray-packages/`, and uploaded only when Ray lacks it.
 * Returns its `gcs://_ray_pkg_<hash>.zip` URI.
 */
export async function ensureRayPackage(client: RayClient, version: { sha256: string; pluginDir: string }, root: string): Promise<string> {
  const hash = createHash("sha256")
    .update(`${LAYOUT}\0${version.sha256}\0${await runtimeHash()}`)
    .digest("hex")
    .slice(0, 32);
  const uri = `gcs://_ray_pkg_${hash}.zip`;
  const confirmedAt = state.confirmed.get(uri);
  if (confirmedAt && Date.now() - confirmedAt < CONFIRMED_MS) return uri;
  if (!(await client.hasPackage(uri))) {
    const file = await buildOnce(hash, version.pluginDir, root);
    const { size } = await stat(file);
    await client.uploadPackage(uri, Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>);
    console.log(`Uploaded Ray package ${uri} (${(size / 1024).toFixed(0)} KiB)`);
  }
  state.confirmed.set(uri, Date.now());
  return uri;
}

function buildOnce(hash: string, pluginDir: string, root: string): Promise<string> {
  let pending = state.building.get(hash);
  if (!pending) {
    pending = build(hash, pluginDir, root).finally(() => state.building.delete(hash));
    state.building.set(hash, pending);
  }
  return pending;
}

async function build(hash: string, pluginDir: string, root: string): Promise<string> {
  const dir = path.join(root, "ray-packages");
  const final = path.join(dir, `${hash}.zip`);
  if (
    await stat(final).then(
      () => true,
      () => false,
    )
  )
    return final;
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${hash}.${randomBytes(4).toString("hex")}.tmp`);
  const zip = new yazl.ZipFile();
  // Fixed times, so the same inputs give the same bytes.
  const mtime = new Date(Date.UTC(2020, 0, 1));
  for (const file of await filesUnder(pluginDir)) zip.addFile(path.join(pluginDir, file), file, { mtime });
  for (const file of await filesUnder(RUNTIME_DIR)) {
    if (file.startsWith("synapse_hub_runtime/")) zip.addFile(path.join(RUNTIME_DIR, file), file, { mtime });
  }
  zip.end();
  try {
    await pipeline(zip.outputStream, createWriteStream(temp));
    await rename(temp, final);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return final;
}

/** Files under `dir` (relative, `/`-separated, sorted), without Python's caches. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.parentPath.split(path.sep).includes("__pycache__"))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** The runtime's content, so that a changed runtime makes new packages. */
async function runtimeHash(): Promise<string> {
  if (state.runtimeHash) return state.runtimeHash;
  const hash = createHash("sha256");
  for (const file of await filesUnder(RUNTIME_DIR)) hash.update(`${file}\0`).update(await readFile(path.join(RUNTIME_DIR, file)));
  return (state.runtimeHash = hash.digest("hex"));
}
