/**
 * The bytes of a STORE (uncompressed) zip of files whose sizes and CRC-32s are already known, laid
 * out without reading a file: a list of segments, each either header bytes or a slice of one entry's
 * data. Because the layout is a function of the entries alone, the same files always give the same
 * zip, byte for byte, so its length is known before the first byte (Content-Length) and any byte
 * range can be produced on its own (resumable downloads). Entries or offsets past 4 GiB, and more
 * than 65,535 entries, get zip64 records (APPNOTE 4.3.9, 4.3.14, 4.5.3); names are UTF-8 (flag bit 11).
 */

export type ZipEntry<S> = { path: string; size: number; crc32: number; modified: Date; source: S };
export type Segment<S> = { offset: number; length: number } & ({ kind: "bytes"; bytes: Buffer } | { kind: "data"; source: S });
export type ZipLayout<S> = { size: number; segments: Segment<S>[] };

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const UTF8_NAMES = 0x0800;
const UNIX_FILE = (0o100644 << 16) >>> 0;
const MADE_BY_UNIX = 3 << 8;

export function layoutZip<S>(entries: ZipEntry<S>[]): ZipLayout<S> {
  const segments: Segment<S>[] = [];
  let offset = 0;
  const push = (segment: { kind: "bytes"; bytes: Buffer } | { kind: "data"; source: S; length: number }) => {
    const length = segment.kind === "bytes" ? segment.bytes.length : segment.length;
    if (length > 0) segments.push({ ...segment, offset, length } as Segment<S>);
    offset += length;
  };
  const central: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.path, "utf8");
    const headerOffset = offset;
    const zip64 = entry.size >= MAX32;
    const { time, date } = dosDateTime(entry.modified);
    const version = zip64 || headerOffset >= MAX32 ? 45 : 20;

    const localExtra = zip64 ? extra64([entry.size, entry.size]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(version, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(0, 8); // STORE
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(entry.crc32 >>> 0, 14);
    local.writeUInt32LE(zip64 ? MAX32 : entry.size, 18);
    local.writeUInt32LE(zip64 ? MAX32 : entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    push({ kind: "bytes", bytes: Buffer.concat([local, name, localExtra]) });
    push({ kind: "data", source: entry.source, length: entry.size });

    const big = [...(zip64 ? [entry.size, entry.size] : []), ...(headerOffset >= MAX32 ? [headerOffset] : [])];
    const centralExtra = big.length ? extra64(big) : Buffer.alloc(0);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(MADE_BY_UNIX | version, 4);
    header.writeUInt16LE(version, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(entry.crc32 >>> 0, 16);
    header.writeUInt32LE(zip64 ? MAX32 : entry.size, 20);
    header.writeUInt32LE(zip64 ? MAX32 : entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(centralExtra.length, 30);
    // comment length, disk number, internal attributes: 0
    header.writeUInt32LE(UNIX_FILE, 38);
    header.writeUInt32LE(Math.min(headerOffset, MAX32), 42);
    central.push(header, name, centralExtra);
  }
  const centralOffset = offset;
  const centralBytes = Buffer.concat(central);
  push({ kind: "bytes", bytes: centralBytes });
  const needs64 = entries.length > MAX16 - 1 || centralOffset >= MAX32 || centralBytes.length >= MAX32;
  const tail: Buffer[] = [];
  if (needs64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(MADE_BY_UNIX | 45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(centralBytes.length), 40);
    record.writeBigUInt64LE(BigInt(centralOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(needs64 ? MAX16 : entries.length, 8);
  end.writeUInt16LE(needs64 ? MAX16 : entries.length, 10);
  end.writeUInt32LE(needs64 ? MAX32 : centralBytes.length, 12);
  end.writeUInt32LE(needs64 ? MAX32 : centralOffset, 16);
  tail.push(end);
  push({ kind: "bytes", bytes: Buffer.concat(tail) });
  return { size: offset, segments };
}

/** The segments' parts that cover bytes `start..end` (inclusive), each with where in it to begin and how much to take. */
export function* sliceLayout<S>(layout: ZipLayout<S>, start: number, end: number): Generator<{ segment: Segment<S>; from: number; length: number }> {
  const { segments } = layout;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].offset <= start) lo = mid;
    else hi = mid - 1;
  }
  for (let i = lo; i < segments.length && segments[i].offset <= end; i++) {
    const segment = segments[i];
    const from = Math.max(0, start - segment.offset);
    const to = Math.min(segment.length - 1, end - segment.offset);
    if (to >= from) yield { segment, from, length: to - from + 1 };
  }
}

function extra64(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((value, i) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * i));
  return extra;
}

/** MS-DOS time and date, in UTC so the bytes do not depend on the server's time zone; 1980 at the earliest. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}
