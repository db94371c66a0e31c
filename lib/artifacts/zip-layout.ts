/**
 * The bytes of a STORE (uncompressed) zip of files whose sizes and CRC-32s are already known, laid
 * out without reading a file: a list of segments, each either header bytes or a slice of one entry's
 * data. Because the layout is a function of the entries alone, the same files always give the same
 * zip, byte for byte, so its length is known before the first byte (Content-Length) and any byte
 * range can be produced on its own (resumable downloads). Entries or offsets past 4 GiB, and more
 * than 65,535 entries, get zip64 records (APPNOTE 4.3.9, 4.3.14, 4.5.3); names are UTF-8 (flag bit 11).
 *
 * The headers are written into two buffers (the local headers, the central directory) that the
 * segments slice: a buffer per header made a 50,000-file result wait seconds for its first byte,
 * most of it spent allocating and collecting them.
 */

export type ZipEntry<S> = { path: string; size: number; crc32: number; modified: Date; source: S };
export type Segment<S> = { offset: number; length: number } & ({ kind: "bytes"; bytes: Buffer } | { kind: "data"; source: S });
export type ZipLayout<S> = { size: number; segments: Segment<S>[] };

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const UTF8_NAMES = 0x0800;
const UNIX_FILE = (0o100644 << 16) >>> 0;
const MADE_BY_UNIX = 3 << 8;
const LOCAL = 30;
const CENTRAL = 46;

export function layoutZip<S>(entries: ZipEntry<S>[]): ZipLayout<S> {
  const names = entries.map((entry) => Buffer.byteLength(entry.path, "utf8"));
  const zip64 = entries.map((entry) => entry.size >= MAX32);
  const locals = Buffer.alloc(entries.reduce((sum, _, i) => sum + LOCAL + names[i] + (zip64[i] ? 20 : 0), 0));
  const segments: Segment<S>[] = [];
  const headerOffsets: number[] = [];
  let offset = 0;
  let at = 0;
  entries.forEach((entry, i) => {
    const headerOffset = offset;
    headerOffsets.push(headerOffset);
    const start = at;
    locals.writeUInt32LE(0x04034b50, at);
    writeEntryFields(locals, at + 4, entry, zip64[i] || headerOffset >= MAX32 ? 45 : 20, zip64[i], names[i], zip64[i] ? 20 : 0);
    at += LOCAL;
    at += locals.write(entry.path, at, "utf8");
    if (zip64[i]) at = writeExtra64(locals, at, [entry.size, entry.size]);
    segments.push({ kind: "bytes", bytes: locals.subarray(start, at), offset, length: at - start });
    offset += at - start;
    if (entry.size > 0) segments.push({ kind: "data", source: entry.source, offset, length: entry.size });
    offset += entry.size;
  });

  const centralOffset = offset;
  const bigValues = entries.map((entry, i) => [...(zip64[i] ? [entry.size, entry.size] : []), ...(headerOffsets[i] >= MAX32 ? [headerOffsets[i]] : [])]);
  const central = Buffer.alloc(entries.reduce((sum, _, i) => sum + CENTRAL + names[i] + (bigValues[i].length ? 4 + 8 * bigValues[i].length : 0), 0));
  at = 0;
  entries.forEach((entry, i) => {
    const version = zip64[i] || headerOffsets[i] >= MAX32 ? 45 : 20;
    central.writeUInt32LE(0x02014b50, at);
    central.writeUInt16LE(MADE_BY_UNIX | version, at + 4);
    writeEntryFields(central, at + 6, entry, version, zip64[i], names[i], bigValues[i].length ? 4 + 8 * bigValues[i].length : 0);
    // comment length, disk number, internal attributes: 0
    central.writeUInt32LE(UNIX_FILE, at + 38);
    central.writeUInt32LE(Math.min(headerOffsets[i], MAX32), at + 42);
    at += CENTRAL;
    at += central.write(entry.path, at, "utf8");
    if (bigValues[i].length) at = writeExtra64(central, at, bigValues[i]);
  });
  if (central.length > 0) segments.push({ kind: "bytes", bytes: central, offset, length: central.length });
  offset += central.length;

  const needs64 = entries.length > MAX16 - 1 || centralOffset >= MAX32 || central.length >= MAX32;
  const tail: Buffer[] = [];
  if (needs64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(MADE_BY_UNIX | 45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(central.length), 40);
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
  end.writeUInt32LE(needs64 ? MAX32 : central.length, 12);
  end.writeUInt32LE(needs64 ? MAX32 : centralOffset, 16);
  tail.push(end);
  const tailBytes = Buffer.concat(tail);
  segments.push({ kind: "bytes", bytes: tailBytes, offset, length: tailBytes.length });
  return { size: offset + tailBytes.length, segments };
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

/**
 * The fields a local header and its central directory record share, in the same order (APPNOTE
 * 4.3.7, 4.3.12): version needed, flags, method (STORE), time, date, CRC-32, sizes, name and extra lengths.
 */
function writeEntryFields(
  target: Buffer,
  at: number,
  entry: ZipEntry<unknown>,
  version: number,
  zip64: boolean,
  nameLength: number,
  extraLength: number,
): void {
  const { time, date } = dosDateTime(entry.modified);
  target.writeUInt16LE(version, at);
  target.writeUInt16LE(UTF8_NAMES, at + 2);
  target.writeUInt16LE(0, at + 4);
  target.writeUInt16LE(time, at + 6);
  target.writeUInt16LE(date, at + 8);
  target.writeUInt32LE(entry.crc32 >>> 0, at + 10);
  target.writeUInt32LE(zip64 ? MAX32 : entry.size, at + 14);
  target.writeUInt32LE(zip64 ? MAX32 : entry.size, at + 18);
  target.writeUInt16LE(nameLength, at + 22);
  target.writeUInt16LE(extraLength, at + 24);
}

/** Writes a zip64 extended information field (APPNOTE 4.5.3) with `values` at `at`; returns where it ends. */
function writeExtra64(target: Buffer, at: number, values: number[]): number {
  target.writeUInt16LE(0x0001, at);
  target.writeUInt16LE(8 * values.length, at + 2);
  values.forEach((value, i) => target.writeBigUInt64LE(BigInt(value), at + 4 + 8 * i));
  return at + 4 + 8 * values.length;
}

/** MS-DOS time and date, in UTC so the bytes do not depend on the server's time zone; 1980 at the earliest. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}
