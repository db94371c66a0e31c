import type { Readable } from "node:stream";

/** The longest line an import takes: a task's data, or a file inlined as a `data:` URI. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export type Line = { line: number; text: string } | { line: number; tooLong: true };

/**
 * The lines of a stream, one at a time and never more than one line in memory: a line longer than
 * `maxBytes` is skipped (and reported as too long) instead of buffered. Blank lines are left out but
 * still counted, so line numbers match what an editor shows. A trailing `\r` is dropped.
 */
export async function* readLines(source: Readable, maxBytes = MAX_LINE_BYTES): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 1;
  const finish = (): Line | null => {
    const number = line++;
    if (tooLong) {
      tooLong = false;
      parts = [];
      size = 0;
      return { line: number, tooLong: true };
    }
    let text = Buffer.concat(parts, size).toString("utf8");
    parts = [];
    size = 0;
    if (text.endsWith("\r")) text = text.slice(0, -1);
    return text.trim() === "" ? null : { line: number, text };
  };
  for await (const chunk of source as AsyncIterable<Buffer>) {
    let start = 0;
    while (start < chunk.length) {
      const end = chunk.indexOf(10, start);
      const piece = end === -1 ? chunk.subarray(start) : chunk.subarray(start, end);
      if (!tooLong) {
        size += piece.length;
        if (size > maxBytes) tooLong = true;
        else parts.push(piece);
      }
      if (end === -1) break;
      const done = finish();
      if (done) yield done;
      start = end + 1;
    }
  }
  if (size > 0 || tooLong) {
    const done = finish();
    if (done) yield done;
  }
}
