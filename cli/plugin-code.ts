// The plugin code a folder or .zip declares, sent with the upload so the hub can refuse a token that
// may not publish it before the archive is uploaded. Best effort: when the config cannot be read
// here, nothing is sent and the hub reports the archive's problems as usual.
import { readFile } from "node:fs/promises";
import path from "node:path";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { parseConfig } from "../lib/registry/config/parse-config";

const CONFIG_NAMES = ["config.yaml", "synapse.yaml"];
const MAX_CONFIG_BYTES = 1024 * 1024;

export async function pluginCodeOfFolder(dir: string): Promise<string | undefined> {
  for (const name of CONFIG_NAMES) {
    const text = await readFile(path.join(dir, name), "utf8").catch(() => null);
    if (text !== null) return codeIn(text);
  }
  return undefined;
}

/** The same choice of config as the hub (lib/registry/find-config.ts): the root, else the single top-level folder. */
export async function pluginCodeOfZip(file: string): Promise<string | undefined> {
  const zip = await new Promise<ZipFile | null>((resolve) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, z) => resolve(error ? null : z)),
  );
  if (!zip) return undefined;
  try {
    const entries = new Map<string, Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: Entry) => {
        entries.set(entry.fileName.replace(/^(\.\/)+/, ""), entry);
        zip.readEntry();
      });
      zip.on("end", resolve);
      zip.on("error", reject);
      zip.readEntry();
    });
    const tops = new Set([...entries.keys()].map((name) => name.split("/")[0]).filter((top) => top !== "__MACOSX"));
    const prefixes = ["", ...(tops.size === 1 ? [`${[...tops][0]}/`] : [])];
    for (const prefix of prefixes) {
      for (const name of CONFIG_NAMES) {
        const entry = entries.get(`${prefix}${name}`);
        if (entry) return entry.uncompressedSize > MAX_CONFIG_BYTES ? undefined : codeIn(await read(zip, entry));
      }
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    zip.close();
  }
}

async function read(zip: ZipFile, entry: Entry): Promise<string> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))));
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function codeIn(text: string): string | undefined {
  const parsed = parseConfig(text);
  return parsed.ok ? parsed.config.code : undefined;
}
