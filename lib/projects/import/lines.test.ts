import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readLines } from "./lines";

async function collect(chunks: string[], max?: number) {
  const out = [];
  for await (const line of readLines(Readable.from(chunks.map((c) => Buffer.from(c))), max)) out.push(line);
  return out;
}

describe("readLines", () => {
  it("splits across chunks and numbers lines as an editor does", async () => {
    expect(await collect(['{"a"', ':1}\n\n{"b":2}\r\n', "last"])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 3, text: '{"b":2}' },
      { line: 4, text: "last" },
    ]);
  });

  it("reports a line over the limit without keeping it", async () => {
    expect(await collect(["short\n", "x".repeat(30), "y".repeat(30), "\nok\n"], 40)).toEqual([
      { line: 1, text: "short" },
      { line: 2, tooLong: true },
      { line: 3, text: "ok" },
    ]);
  });
});
