import { detectFormat, type ArchiveFormat } from "./detect-format";
import type { ArchiveLimits } from "./limits";
import type { ArchiveReader } from "./reader";
import { openTarGz } from "./tar";
import { openZip } from "./zip";

/** Opens and fully checks an archive on disk; throws an `archive_*` AppError on the first problem. */
export async function openArchive(file: string, size: number, limits: ArchiveLimits): Promise<ArchiveReader & { format: ArchiveFormat }> {
  const format = await detectFormat(file, size);
  const reader = format === "zip" ? await openZip(file, size, limits) : await openTarGz(file, size, limits);
  return { ...reader, format };
}
