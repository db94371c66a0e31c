import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startThrowawayHub, type ThrowawayHub } from "@/scripts/lib/throwaway-hub";

// A hub of its own: these tests need one that has never been set up.
let fresh: ThrowawayHub;
beforeAll(async () => {
  fresh = await startThrowawayHub(path.resolve(".test-data", `accounts-${process.pid}`), { env: { SEED_EXAMPLES: "false" } });
});
afterAll(async () => fresh?.stop());

const post = (url: string, body: unknown) =>
  fetch(`${fresh.hub.url}${url}`, { method: "POST", headers: { "content-type": "application/json", origin: fresh.hub.url }, body: JSON.stringify(body) });

describe("accounts", () => {
  it("validates the setup form", async () => {
    const response = await post("/api/v1/setup", { name: "", email: "not-an-email", password: "short" });
    expect(response.status).toBe(422);
    expect((await response.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(["email", "name", "password"]);
  });

  it("makes exactly one admin when several first-run setups race", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 4 }, (_, i) => post("/api/v1/setup", { name: `Admin ${i}`, email: `admin${i}@example.com`, password: "long enough password" })),
    );
    expect(attempts.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const winner = attempts.find((r) => r.status === 201)!;
    expect((await winner.json()).user.role).toBe("admin");
    const cookie = winner.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("signs up members and rate-limits repeated sign-in attempts", async () => {
    const member = await post("/api/auth/sign-up/email", { name: "Mia", email: "mia@example.com", password: "long enough password" });
    expect(member.status).toBe(200);
    expect((await member.json()).user.role).toBe("member");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post("/api/auth/sign-in/email", { email: "mia@example.com", password: "wrong password" })).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
