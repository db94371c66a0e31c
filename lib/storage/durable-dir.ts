import "server-only";
import { mkdir, open, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Creates `dir` and whatever parents are missing, fsyncing the parent of each folder it creates: a
 * new folder's entry lives in its parent, and without that fsync a power loss can drop the folder,
 * and with it a blob whose database row has already committed.
 */
export async function mkdirDurable(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); !(await isDirectory(at)); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error; // another upload made it first; its fsync may not have run yet
    });
    await fsyncPath(path.dirname(folder));
  }
}

/** Makes a file's contents, or a folder's entries, durable. */
export async function fsyncPath(target: string): Promise<void> {
  const handle = await open(target, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function isDirectory(target: string): Promise<boolean> {
  return stat(target).then(
    (info) => info.isDirectory(),
    () => false,
  );
}
