import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { attachNodeBody } from "./node-body";
import { readCapped } from "./read-capped";

// No read-ahead (highWaterMark 0): a chunk is produced only when the reader asks for it, so the
// chunks left in the array are exactly the ones never read.
const streamOf = (chunks: number[]) =>
  new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const size = chunks.shift();
        if (size === undefined) controller.close();
        else controller.enqueue(new Uint8Array(size).fill(120));
      },
    },
    { highWaterMark: 0 },
  );

const post = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
  new Request("http://hub.test/api", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readCapped", () => {
  it("reads a body up to the cap", async () => {
    expect((await readCapped(post(streamOf([40, 60])), 100)).length).toBe(100);
  });

  it("refuses from Content-Length before reading a byte", async () => {
    const node = new PassThrough(); // never sends anything: reading would wait forever
    const request = post("ignored", { "content-length": "101" });
    attachNodeBody(request, node);
    await expect(readCapped(request, 100)).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    expect(node.readableFlowing).toBe(null);
  });

  it("refuses a streamed body at the first chunk past the cap, reading no further", async () => {
    const chunks = [60, 60, 60, 60];
    await expect(readCapped(post(streamOf(chunks)), 100)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(chunks).toEqual([60, 60]); // the second chunk crossed the cap; the last two were never pulled
  });

  it("reads the server's Node stream directly, with the same cap", async () => {
    const node = new PassThrough();
    const request = post("ignored");
    attachNodeBody(request, node);
    const reading = readCapped(request, 100);
    node.write(Buffer.alloc(80));
    node.write(Buffer.alloc(80));
    await expect(reading).rejects.toMatchObject({ code: "payload_too_large" });
    // The rest is discarded (so the client reads its 413), up to a limit past which it is cut.
    expect(node.write(Buffer.alloc(1024))).toBe(true);
    node.write(Buffer.alloc(17 * 1024 * 1024));
    await new Promise((resolve) => setImmediate(resolve));
    expect(node.destroyed).toBe(true);
  });
});
