import { describe, expect, it } from "vitest";
import { jsonb } from "./event-store";

describe("jsonb", () => {
  it("turns NUL characters into U+FFFD, in keys and values, and keeps an escaped backslash before u0000", () => {
    const text = jsonb({ "a\u0000": "x\u0000y", literal: "\\u0000", both: "\\\u0000" });
    expect(text).not.toMatch(/(?<!\\)(?:\\\\)*\\u0000/);
    expect(JSON.parse(text)).toEqual({ "a\ufffd": "x\ufffdy", literal: "\\u0000", both: "\\\ufffd" });
  });
});
