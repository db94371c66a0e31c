// Writes a generated plugin into a folder for the CLI. It never overwrites: an existing folder must
// be empty, so `create` cannot clobber someone's work.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TemplateFile } from "./render-files";

export class FolderNotEmptyError extends Error {
  constructor(readonly folder: string) {
    super(`${folder} already exists and is not empty; choose another folder (--out) or empty it.`);
  }
}

export async function writeTemplate(folder: string, files: TemplateFile[]): Promise<string[]> {
  const existing = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    if (error.code === "ENOTDIR") throw new FolderNotEmptyError(folder);
    throw error;
  });
  if (existing.length > 0) throw new FolderNotEmptyError(folder);
  for (const file of files) {
    const target = path.join(folder, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content, { flag: "wx" });
  }
  return files.map((f) => f.path);
}
