import "server-only";
import { AppError } from "@/lib/http/errors";
import { openArchive } from "./archive/open-archive";
import type { ArchiveFormat } from "./archive/detect-format";
import type { ArchiveLimits } from "./archive/limits";
import { parseConfig } from "./config/parse-config";
import type { PluginConfig } from "./config/normalize-config";
import { findConfig } from "./find-config";

const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_README_BYTES = 2 * 1024 * 1024;

export type InspectedArchive = {
  format: ArchiveFormat;
  config: PluginConfig;
  configYaml: string;
  readme: string;
};

/** Checks an archive on disk and reads what the registry stores from it; throws on any problem. */
export async function inspectArchive(file: string, size: number, limits: ArchiveLimits): Promise<InspectedArchive> {
  const archive = await openArchive(file, size, limits);
  try {
    const { root, configPath } = findConfig(archive.files);
    const configBytes = await archive.read(configPath, MAX_CONFIG_BYTES);
    if (!configBytes) throw invalid(configPath, `is larger than ${MAX_CONFIG_BYTES} bytes`);
    const configYaml = decodeUtf8(configBytes, configPath);
    const parsed = parseConfig(configYaml);
    if (!parsed.ok) {
      throw new AppError("config_invalid", `${configPath} has ${parsed.errors.length} problem(s).`, parsed.errors);
    }
    const readmePath = `${root}${parsed.config.readme}`;
    let readme = "";
    if (archive.files.includes(readmePath)) {
      const bytes = await archive.read(readmePath, MAX_README_BYTES);
      if (!bytes) throw invalid("readme", `${parsed.config.readme} is larger than ${MAX_README_BYTES} bytes`);
      readme = decodeUtf8(bytes, "readme");
    } else if (parsed.config.readme !== "README.md") {
      // Only an explicitly named README must exist; the default one is optional.
      throw invalid("readme", `${parsed.config.readme} is not in the archive`);
    }
    return { format: archive.format, config: parsed.config, configYaml, readme };
  } finally {
    await archive.close();
  }
}

function decodeUtf8(bytes: Buffer, path: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalid(path, "is not valid UTF-8 text");
  }
}

function invalid(path: string, message: string): AppError {
  return new AppError("config_invalid", `${path} ${message}.`, [{ path, message }]);
}
