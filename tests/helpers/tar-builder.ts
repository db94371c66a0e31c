// Builds .tar.gz archives with any entry type and name, for tests.
import { gzipSync } from "node:zlib";
import tar from "tar-stream";

export type RawTarEntry = { name: string; data?: string | Buffer; type?: tar.Header["type"]; linkname?: string };

export async function buildTar(entries: RawTarEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on("data", (chunk) => chunks.push(chunk as Buffer));
    pack.on("end", () => resolve());
    pack.on("error", reject);
  });
  for (const entry of entries) {
    const type = entry.type ?? "file";
    const data = type === "file" ? Buffer.from(entry.data ?? "") : undefined;
    const header = { name: entry.name, type, linkname: entry.linkname, size: data?.length ?? 0, mode: 0o644 };
    await new Promise<void>((resolve, reject) => {
      const callback = (error?: Error | null) => (error ? reject(error) : resolve());
      pack.entry(header, data ?? "", callback);
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export async function buildTarGz(entries: RawTarEntry[]): Promise<Buffer> {
  return gzipSync(await buildTar(entries));
}
