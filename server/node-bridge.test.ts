import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendWebResponse } from "./node-bridge";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serves one web Response per request through sendWebResponse and returns the server's address. */
async function serve(respond: () => Response): Promise<string> {
  server = http.createServer((req, res) => void sendWebResponse(res, respond(), req.method, {}));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("sendWebResponse", () => {
  it("answers a complete body in one write with its length", async () => {
    const url = await serve(() => Response.json({ ok: true }));
    const answer = await fetch(url);
    expect(answer.headers.get("content-length")).toBe("11");
    expect(await answer.json()).toEqual({ ok: true });
  });

  it("sends a body whose only chunk comes late, after its headers went out (a deployment's slow answer)", async () => {
    const url = await serve(
      () =>
        new Response(
          new ReadableStream({
            async start(controller) {
              await later(30);
              controller.enqueue(new TextEncoder().encode("slow but whole"));
              controller.close();
            },
          }),
          { headers: { "content-type": "text/plain" } },
        ),
    );
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("slow but whole");
  });
});
