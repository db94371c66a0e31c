/**
 * Carries a child's log lines to the caller without letting a flood hurt the hub. Lines go to a
 * synchronous `onLine` at once and/or to `onLines` in batches (every `batchMs`, or sooner when a batch
 * is full). `onLines` may return a promise (a database insert): while it is pending and too much is
 * waiting, the child's pipes are paused, so the child blocks in write() instead of the hub buffering
 * its output — the memory held is bounded by `highWaterBytes`, whatever the child prints. Past
 * `maxLogBytes` lines are dropped (still read, so the result markers are still found) and one notice
 * line says how much went missing.
 */

export type OutputStream = "stdout" | "stderr";
export type LogLine = { stream: OutputStream; line: string };

export type OutputOptions = {
  onLine?: (stream: OutputStream, line: string) => void;
  onLines?: (batch: LogLine[]) => void | Promise<void>;
  batchMs?: number;
  maxBatchLines?: number;
  highWaterBytes?: number;
  maxLogBytes?: number;
};

export class OutputCollector {
  private pending: LogLine[] = [];
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private paused = false;
  private logged = 0;
  private dropped = { lines: 0, bytes: 0 };
  private failure: unknown;

  constructor(
    private readonly options: OutputOptions,
    private readonly flow: { pause(): void; resume(): void },
  ) {}

  /** The first error `onLine`/`onLines` threw; lines after it are dropped rather than retried. */
  get error(): unknown {
    return this.failure;
  }

  add(stream: OutputStream, line: string): void {
    const bytes = Buffer.byteLength(line) + 1;
    if (this.options.maxLogBytes !== undefined && this.logged + bytes > this.options.maxLogBytes) {
      this.dropped.lines++;
      this.dropped.bytes += bytes;
      return;
    }
    this.logged += bytes;
    this.deliver({ stream, line }, bytes);
  }

  /** Delivers everything still waiting, including the dropped-lines notice, and waits for the caller. */
  async close(): Promise<void> {
    if (this.dropped.lines > 0) {
      const line = `[hub] ${this.dropped.lines} more line(s), ${this.dropped.bytes} bytes, were not logged: the run's log limit of ${this.options.maxLogBytes} bytes was reached.`;
      this.deliver({ stream: "stderr", line }, line.length);
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.inFlight || this.pending.length > 0) {
      if (this.inFlight) await this.inFlight;
      else this.flush();
    }
  }

  private deliver(entry: LogLine, bytes: number): void {
    if (this.options.onLine && this.failure === undefined) {
      try {
        this.options.onLine(entry.stream, entry.line);
      } catch (error) {
        this.failure = error;
      }
    }
    if (!this.options.onLines) return;
    this.pending.push(entry);
    this.pendingBytes += bytes;
    if (this.pending.length >= (this.options.maxBatchLines ?? 1000)) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.batchMs ?? 50);
    if (this.pendingBytes > (this.options.highWaterBytes ?? 1024 * 1024) && !this.paused) {
      this.paused = true;
      this.flow.pause();
    }
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.inFlight = this.send(batch).finally(() => {
      this.inFlight = null;
      if (this.pending.length > 0) this.flush();
      else if (this.paused) {
        this.paused = false;
        this.flow.resume();
      }
    });
  }

  private async send(batch: LogLine[]): Promise<void> {
    if (this.failure !== undefined || !this.options.onLines) return;
    try {
      await this.options.onLines(batch);
    } catch (error) {
      this.failure = error;
    }
  }
}
