import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { access, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/http/errors";
import { processSingleton } from "@/lib/process-singleton";
import type { ArchiveFormat } from "@/lib/registry/archive/detect-format";
import type { ArchiveLimits } from "@/lib/registry/archive/limits";
import { openArchive } from "@/lib/registry/archive/open-archive";
import { findConfig } from "@/lib/registry/find-config";
import { unpackArchive } from "./unpack-archive";

export type ExtractVersionOptions = {
  /** The archive's blob on disk (lib/storage/blob-store.ts `blobPath`). */
  blobPath: string;
  sha256: string;
  /** As recorded at publish; the bytes decide, and a disagreement is refused. */
  format?: ArchiveFormat;
  /** The compute data folder: versions live in `<root>/versions/<sha256>`. */
  root: string;
  limits: ArchiveLimits;
};

const extracting = processSingleton("compute.version-extractions", () => new Map<string, Promise<string>>());

/**
 * Unpacks a published archive once per sha256 into `<root>/versions/<sha256>/`, the folder that holds
 * config.yaml (a single top-level folder is stripped), and returns that folder. The archive is checked
 * again (openArchive) and its hash verified, unpacked into a temp folder and renamed into place, so the
 * folder exists only when complete. Concurrent callers in one process share one extraction; callers
 * in other processes may unpack in parallel, and the first rename wins (the loser's copy is dropped).
 */
export async function extractVersion(options: ExtractVersionOptions): Promise<string> {
  if (!/^[0-9a-f]{64}$/.test(options.sha256)) throw new Error(`not a sha256: ${options.sha256}`);
  const final = path.join(options.root, "versions", options.sha256);
  if (await exists(final)) return final;
  let pending = extracting.get(options.sha256);
  if (!pending) {
    pending = extract(options, final).finally(() => extracting.delete(options.sha256));
    extracting.set(options.sha256, pending);
  }
  return pending;
}

async function extract(options: ExtractVersionOptions, final: string): Promise<string> {
  const { size } = await stat(options.blobPath);
  const actual = await sha256Of(options.blobPath);
  if (actual !== options.sha256) {
    throw new AppError("internal", `The stored archive ${options.sha256} is damaged: its bytes hash to ${actual}.`);
  }
  const archive = await openArchive(options.blobPath, size, options.limits);
  let plan;
  try {
    if (options.format && archive.format !== options.format) {
      throw new AppError("internal", `The stored archive ${options.sha256} is a ${archive.format}, not the ${options.format} recorded at publish.`);
    }
    const { root } = findConfig(archive.files);
    plan = { format: archive.format, files: new Set(archive.files), strip: root, limits: options.limits };
  } finally {
    await archive.close();
  }
  await mkdir(path.dirname(final), { recursive: true });
  await removeOldTemps(path.dirname(final), options.sha256);
  const temp = `${final}.tmp-${randomBytes(6).toString("hex")}`;
  try {
    await mkdir(temp);
    await unpackArchive(options.blobPath, temp, plan);
    await rename(temp, final).catch(async (error: NodeJS.ErrnoException) => {
      // Another process finished first: its copy holds the same bytes.
      if (!(error.code === "ENOTEMPTY" || error.code === "EEXIST") || !(await exists(final))) throw error;
    });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  return final;
}

// Temp folders of an extraction that a crash interrupted. Only old ones: a young one may belong to
// another process extracting the same archive right now.
const OLD_TEMP_MS = 60 * 60 * 1000;
async function removeOldTemps(versions: string, sha256: string): Promise<void> {
  for (const name of await readdir(versions)) {
    if (!name.startsWith(`${sha256}.tmp-`)) continue;
    const info = await stat(path.join(versions, name)).catch(() => null);
    if (info && Date.now() - info.mtimeMs > OLD_TEMP_MS) await rm(path.join(versions, name), { recursive: true, force: true });
  }
}

function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
