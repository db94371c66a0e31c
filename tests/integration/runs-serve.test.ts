import { describe, expect, it } from "vitest";
import { authHeaders, hubUrl } from "@/tests/helpers/hub";
import { launchOk, waitForRun } from "@/tests/helpers/runs";

describe("a serve action on the local backend", () => {
  it("serves the example inference deployment through the hub's proxy, lists it, and stops", async () => {
    const launched = await launchOk({ plugin: "tiny-classifier", action: "inference" });
    expect(launched.method).toBe("serve");
    const run = await waitForRun(launched.id, (r) => r.status === "running" || r.status === "failed", 120_000);
    expect(run.status, run.error ?? "").toBe("running");
    expect(run.serveUrl).toBe(`/serve/${run.id}/`);

    const answer = await fetch(`${hubUrl()}${run.serveUrl}predict`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "session=must-not-reach-the-plugin" },
      body: JSON.stringify({
        points: [
          [2, 2],
          [-2, -2],
        ],
      }),
    });
    expect(answer.status).toBe(200);
    // Plugin pages are sandboxed into an origin of their own, and only the hub may frame them.
    expect(answer.headers.get("content-security-policy")).toContain("sandbox");
    const prediction = await answer.json();
    expect(JSON.stringify(prediction)).toMatch(/label|probabilit/i);

    const deployments = await (await fetch(`${hubUrl()}/api/v1/runs?method=serve&status=running`, { headers: authHeaders() })).json();
    expect(deployments.items.map((r: { id: string }) => r.id)).toContain(run.id);

    const stop = await fetch(`${hubUrl()}/api/v1/runs/${run.id}/cancel`, { method: "POST", headers: authHeaders() });
    expect(stop.status).toBe(200);
    const stopped = await waitForRun(run.id, undefined, 30_000);
    expect(stopped.status).toBe("cancelled");
    expect(stopped.serveUrl).toBeNull();
    const gone = await fetch(`${hubUrl()}/serve/${run.id}/`, { headers: { accept: "application/json" } });
    expect(gone.status).toBe(503);
    // The run page's frame shows why, rather than a blank frame refused by X-Frame-Options: DENY.
    expect(gone.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  it("answers 404 for a deployment that does not exist", async () => {
    const response = await fetch(`${hubUrl()}/serve/00000000-0000-4000-8000-000000000000/`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });
});
