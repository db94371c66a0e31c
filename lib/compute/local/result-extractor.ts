/**
 * Picks a run's result out of its stdout lines: the JSON between `__SYNAPSE_RESULT_START__` and
 * `__SYNAPSE_RESULT_END__`, whether the markers sit on their own lines (the SDK prints three lines)
 * or inline around the JSON. The marker text and the JSON never reach the log; text around inline
 * markers does. The last complete result wins; a bad one leaves `error`.
 */

export const RESULT_START = "__SYNAPSE_RESULT_START__";
export const RESULT_END = "__SYNAPSE_RESULT_END__";
export const MAX_RESULT_BYTES = 16 * 1024 * 1024;

export type ExtractedResult = { found: false } | { found: true; value: unknown } | { found: true; error: string };

export class ResultExtractor {
  private capture: string[] | null = null;
  private captured = 0;
  private overflow = false;
  private outcome: ExtractedResult = { found: false };

  constructor(private readonly onLine: (line: string) => void) {}

  /** True while between the markers: the line splitter must then keep long lines whole. */
  get inside(): boolean {
    return this.capture !== null;
  }

  line(text: string): void {
    let rest = text;
    while (true) {
      if (this.capture === null) {
        const at = rest.indexOf(RESULT_START);
        if (at === -1) {
          if (rest !== "" || rest === text) this.onLine(rest);
          return;
        }
        if (rest.slice(0, at).trim() !== "") this.onLine(rest.slice(0, at));
        this.capture = [];
        this.captured = 0;
        this.overflow = false;
        rest = rest.slice(at + RESULT_START.length);
        continue;
      }
      const end = rest.indexOf(RESULT_END);
      this.add(end === -1 ? rest : rest.slice(0, end));
      if (end === -1) return;
      this.finish();
      rest = rest.slice(end + RESULT_END.length);
      if (rest.trim() === "") return;
    }
  }

  /** The outcome once the stream has ended; markers that never closed are an error. */
  result(): ExtractedResult {
    if (this.capture !== null) return { found: true, error: `The result starts with ${RESULT_START} but never ends with ${RESULT_END}.` };
    return this.outcome;
  }

  private add(text: string): void {
    if (this.capture === null || this.overflow) return;
    this.captured += text.length;
    if (this.captured > MAX_RESULT_BYTES) {
      this.overflow = true; // keep swallowing up to the end marker, but hold nothing
      this.capture = [];
      return;
    }
    this.capture.push(text);
  }

  private finish(): void {
    const json = (this.capture ?? []).join("\n").trim();
    this.capture = null;
    if (this.overflow) {
      this.outcome = { found: true, error: `The result is larger than ${MAX_RESULT_BYTES} bytes.` };
      return;
    }
    try {
      this.outcome = { found: true, value: JSON.parse(json) };
    } catch (error) {
      this.outcome = { found: true, error: `The result is not valid JSON: ${(error as Error).message}` };
    }
  }
}
