// A generated plugin as zip bytes, built in memory (a template is a few kB): one top-level folder
// named after the code, as the SDK packs a plugin and as Ray's working_dir needs; fixed timestamps,
// so the same variables always give the same bytes (publishing twice is then a no-op, not a conflict).
import yazl from "yazl";
import type { TemplateFile } from "./render-files";

const FIXED_MTIME = new Date("2020-01-01T00:00:00Z");

export async function zipTemplate(folder: string, files: TemplateFile[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const file of files) zip.addBuffer(Buffer.from(file.content, "utf8"), `${folder}/${file.path}`, { mtime: FIXED_MTIME, mode: 0o100644 });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
