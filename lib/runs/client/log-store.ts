// A run's log lines in a compact, append-only form: the text of each line in one array and its level
// and time in typed arrays, so 100,000 lines cost little more than their text and a search is one scan.
import { LOG_LEVELS, type LogLevel } from "@/lib/runs/schemas";

const LEVEL_INDEX = new Map<string, number>(LOG_LEVELS.map((level, index) => [level, index]));
const INFO = LEVEL_INDEX.get("info")!;

export class LogStore {
  private readonly text: string[] = [];
  private levels = new Uint8Array(1024);
  private times = new Float64Array(1024);
  /** Lower-cased copies, built on the first search and extended as lines arrive. */
  private lowered: string[] | null = null;
  /** The last search, so that while lines stream in only the new ones are scanned. */
  private last: { needle: string; upTo: number; matches: number[] } | null = null;

  get count(): number {
    return this.text.length;
  }

  append(message: string, level: string, at: number): void {
    const index = this.text.length;
    if (index === this.levels.length) this.grow();
    this.text.push(message);
    this.levels[index] = LEVEL_INDEX.get(level.toLowerCase()) ?? INFO;
    this.times[index] = at;
    this.lowered?.push(message.toLowerCase());
  }

  line(index: number): { text: string; level: LogLevel; at: number } {
    return { text: this.text[index], level: LOG_LEVELS[this.levels[index]], at: this.times[index] };
  }

  /** Indexes of the lines that contain `query` (case-insensitive), in order. */
  search(query: string): number[] {
    const needle = query.toLowerCase();
    if (!needle) return [];
    this.lowered ??= this.text.map((line) => line.toLowerCase());
    if (this.last?.needle !== needle) this.last = { needle, upTo: 0, matches: [] };
    const { matches } = this.last;
    for (let i = this.last.upTo; i < this.lowered.length; i++) if (this.lowered[i].includes(needle)) matches.push(i);
    this.last.upTo = this.lowered.length;
    return matches.slice();
  }

  private grow(): void {
    const levels = new Uint8Array(this.levels.length * 2);
    levels.set(this.levels);
    this.levels = levels;
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
  }
}
