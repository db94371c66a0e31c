import { describe, expect, it } from "vitest";
import { conditionalDownload, parseRange, type ByteRange } from "./conditional-download";

describe("parseRange", () => {
  it.each([
    ["bytes=0-9", { start: 0, end: 9 }],
    ["bytes=90-", { start: 90, end: 99 }],
    ["bytes=-10", { start: 90, end: 99 }],
    ["bytes=50-500", { start: 50, end: 99 }],
    ["bytes=-500", { start: 0, end: 99 }],
  ])("%s of 100 bytes", (header, expected) => {
    expect(parseRange(header, 100)).toEqual(expected);
  });

  it("refuses ranges past the end", () => {
    expect(parseRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(parseRange("bytes=5-2", 100)).toBe("unsatisfiable");
  });

  it("ignores what it does not support (the whole file is sent)", () => {
    expect(parseRange(null, 100)).toBeNull();
    expect(parseRange("bytes=0-1,5-6", 100)).toBeNull();
    expect(parseRange("items=0-1", 100)).toBeNull();
  });
});

describe("conditionalDownload", () => {
  const etag = '"abc"';
  const bytes = Buffer.from("0123456789");
  const answer = (headers: Record<string, string> = {}, method = "GET") => {
    const asked: ByteRange[] = [];
    const response = conditionalDownload(
      new Request("http://hub.test/f", { method, headers }),
      bytes.length,
      { etag, "content-type": "text/plain" },
      (range) => {
        asked.push(range);
        return new Blob([bytes.subarray(range.start, range.end + 1)]).stream();
      },
    );
    return { response, asked };
  };

  it("sends the whole with its length and ETag", async () => {
    const { response } = answer();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe("10");
    expect(response.headers.get("etag")).toBe(etag);
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(await response.text()).toBe("0123456789");
  });

  it("answers 304 to a client that holds the ETag, without reading", () => {
    const { response, asked } = answer({ "if-none-match": `"other", ${etag}` });
    expect(response.status).toBe(304);
    expect(asked).toEqual([]);
    // Compared weakly, as RFC 9110 wants for If-None-Match: a proxy that gzipped it sends W/ back; * holds any.
    expect(answer({ "if-none-match": `W/${etag}` }).response.status).toBe(304);
    expect(answer({ "if-none-match": "*" }).response.status).toBe(304);
    expect(answer({ "if-none-match": 'W/"other"' }).response.status).toBe(200);
  });

  it("sends a range, and the whole when If-Range names another version", async () => {
    const part = answer({ range: "bytes=7-", "if-range": etag }).response;
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 7-9/10");
    expect(await part.text()).toBe("789");
    const changed = answer({ range: "bytes=7-", "if-range": '"old"' }).response;
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe("0123456789");
  });

  it("refuses a range past the end with 416 and the size", () => {
    const { response } = answer({ range: "bytes=10-" });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe("bytes */10");
    // Unless If-Range names another version: then the Range is ignored and the whole is sent.
    expect(answer({ range: "bytes=10-", "if-range": '"old"' }).response.status).toBe(200);
  });

  it("reads nothing for HEAD but says the length", () => {
    const { response, asked } = answer({}, "HEAD");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe("10");
    expect(asked).toEqual([]);
  });
});
