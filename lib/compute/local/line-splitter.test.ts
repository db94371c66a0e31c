import { describe, expect, it } from "vitest";
import { LineSplitter } from "./line-splitter";

function split(chunks: (string | number[])[], maxLineBytes?: number): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line), { maxLineBytes });
  for (const chunk of chunks) splitter.push(typeof chunk === "string" ? Buffer.from(chunk, "latin1") : Buffer.from(chunk));
  splitter.end();
  return lines;
}

describe("LineSplitter", () => {
  it("ends lines at \\n, \\r\\n and a lone \\r, also when \\r\\n straddles two reads", () => {
    expect(split(["a\nb\r\nc\rd", "\r", "\ne\n\nf"])).toEqual(["a", "b", "c", "d", "e", "", "f"]);
  });

  it("keeps a UTF-8 character whole when a read splits it, and replaces invalid bytes and NUL", () => {
    expect(
      split([
        [0xe2, 0x82],
        [0xac, 0x0a],
        [0x61, 0x00, 0xff, 0x62, 0x0a],
      ]),
    ).toEqual(["€", "a\uFFFD\uFFFDb"]);
  });

  it("truncates a line past the limit and skips its tail up to the next line end", () => {
    expect(split(["x".repeat(10), "y".repeat(10), "\nnext\n"], 16)).toEqual([`${"x".repeat(10)}${"y".repeat(6)} …[line truncated]`, "next"]);
  });

  it("keeps ANSI colour escapes and tabs", () => {
    expect(split(["\u001b[94mblue\u001b[0m\tdone\n"])).toEqual(["\u001b[94mblue\u001b[0m\tdone"]);
  });
});
