/**
 * Turns a child's raw output bytes into text lines that are safe to store and show, whatever the
 * child prints: "\n", "\r\n" and a lone "\r" (progress bars) all end a line; bytes are decoded per
 * line, so a UTF-8 character split across two reads survives, and invalid UTF-8 becomes U+FFFD;
 * control characters that Postgres text or a log viewer cannot hold (NUL above all) become U+FFFD
 * too; and a line never grows past `maxLineBytes`, so a child that prints 1 GB without a newline
 * costs the hub one bounded buffer.
 */

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;
const TRUNCATED = " …[line truncated]";
// Tab and ESC (ANSI colours, which the SDK's console logger always prints) are kept.
const UNSAFE = /[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f]/g;
const decoder = new TextDecoder("utf-8", { fatal: false });

export type LineSplitterOptions = {
  maxLineBytes?: number;
  /**
   * Asked when a pending line reaches `maxLineBytes`: return a larger limit to keep reading it whole
   * (the result JSON between markers is one long line), or null to truncate.
   */
  extendLimit?: (pending: Buffer) => number | null;
};

export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  private limit: number;
  private skipping = false; // inside the tail of a truncated line, until its end
  private afterCr = false; // the previous byte ended a line with "\r": a "\n" right after it is the same end

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly options: LineSplitterOptions = {},
  ) {
    this.limit = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  push(chunk: Buffer): void {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte !== 0x0a && byte !== 0x0d) continue;
      if (byte === 0x0a && this.afterCr && i === start) {
        this.afterCr = false;
        start = i + 1;
        continue;
      }
      this.append(chunk.subarray(start, i));
      this.endLine();
      this.afterCr = byte === 0x0d;
      start = i + 1;
    }
    if (start < chunk.length) {
      this.afterCr = false;
      this.append(chunk.subarray(start));
    }
  }

  /** Emits what is left once the stream has ended (a last line without its newline). */
  end(): void {
    if (this.size > 0) this.endLine();
    this.skipping = false;
  }

  private append(bytes: Buffer): void {
    if (this.skipping || bytes.length === 0) return;
    if (this.size + bytes.length <= this.limit) {
      this.parts.push(bytes);
      this.size += bytes.length;
      return;
    }
    const joined = Buffer.concat([...this.parts, bytes]);
    const extended = this.options.extendLimit?.(joined) ?? null;
    if (extended !== null && extended > this.limit) {
      this.limit = extended;
      this.parts = [];
      this.size = 0;
      return this.append(joined);
    }
    this.parts = [joined.subarray(0, this.limit)];
    this.size = this.limit;
    this.emit(TRUNCATED);
    this.skipping = true;
  }

  private endLine(): void {
    if (this.skipping) {
      this.skipping = false;
      return;
    }
    this.emit("");
  }

  private emit(suffix: string): void {
    const bytes = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    this.parts = [];
    this.size = 0;
    this.limit = this.options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.onLine(decoder.decode(bytes).replace(UNSAFE, "\uFFFD") + suffix);
  }
}
