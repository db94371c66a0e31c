// A run's SVG or HTML file is served from the hub's origin: it must never act as a page of the hub
// (scripts reading the signed-in user's API), so it comes as a sandboxed attachment (content-type.ts).
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { putArtifact, sha256Of, TOKEN_ACTION } from "@/tests/helpers/artifact-upload";
import { authHeaders, hubUrl } from "@/tests/helpers/hub";
import { launchOk, publishRunnable, waitForRun } from "@/tests/helpers/runs";

const SCRIPTED_SVG = `<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/api/v1/tokens")</script></svg>`;
const SCRIPTED_HTML = `<!doctype html><script>fetch("/api/v1/tokens")</script>`;

describe("stored files of active types", () => {
  it("serves a run's SVG and HTML as sandboxed attachments, and an image as itself, never sniffed", async () => {
    const code = await publishRunnable({ export: TOKEN_ACTION }, "ctype");
    const run = await waitForRun((await launchOk({ plugin: code, action: "export" })).id);
    expect(run.status, JSON.stringify(run)).toBe("succeeded");
    const token = (run.result as { token: string }).token;
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    for (const [path, bytes] of [
      ["plots/loss.svg", Buffer.from(SCRIPTED_SVG)],
      ["report.html", Buffer.from(SCRIPTED_HTML)],
      ["plots/loss.png", png],
    ] as const) {
      const answer = await putArtifact(hubUrl(), run.id, token, path, () => Readable.from([bytes]), bytes.length, await sha256Of(Readable.from([bytes])));
      expect(answer.status, answer.text).toBe(201);
    }
    const get = (path: string) => fetch(`${hubUrl()}/api/v1/runs/${run.id}/artifacts/${path}`, { headers: authHeaders() });

    for (const [path, type] of [
      ["plots/loss.svg", "image/svg+xml"],
      ["report.html", "text/html; charset=utf-8"],
    ]) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(type);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(response.headers.get("content-security-policy")).toBe("sandbox");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      await response.arrayBuffer();
    }
    const image = await get("plots/loss.png");
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("content-security-policy")).toBeNull();
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
  });
});
