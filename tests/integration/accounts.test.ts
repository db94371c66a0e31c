import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startThrowawayHub, type ThrowawayHub } from "@/scripts/lib/throwaway-hub";

// A hub of its own: these tests need one that has never been set up.
let fresh: ThrowawayHub;
beforeAll(async () => {
  fresh = await startThrowawayHub(path.resolve(".test-data", `accounts-${process.pid}`), { env: { SEED_EXAMPLES: "false", TRUST_PROXY: "true" } });
});
afterAll(async () => fresh?.stop());

let adminCookie = "";
let memberCookie = "";

const settings = (cookie: string, body?: unknown) =>
  fetch(`${fresh.hub.url}/api/v1/admin/settings`, {
    method: body ? "PUT" : "GET",
    headers: { "content-type": "application/json", origin: fresh.hub.url, cookie },
    body: body ? JSON.stringify(body) : undefined,
  });

// This hub trusts X-Forwarded-For (TRUST_PROXY), so a test can play clients at different addresses.
const post = (url: string, body: unknown, ip = "203.0.113.7") =>
  fetch(`${fresh.hub.url}${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: fresh.hub.url, "x-forwarded-for": ip },
    body: JSON.stringify(body),
  });

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
    adminCookie = winner.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect((await winner.json()).user.role).toBe("admin");
    const cookie = winner.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("signs up members and rate-limits repeated sign-in attempts", async () => {
    const member = await post("/api/auth/sign-up/email", { name: "Mia", email: "mia@example.com", password: "long enough password" });
    expect(member.status).toBe(200);
    memberCookie = member.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect((await member.json()).user.role).toBe("member");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post("/api/auth/sign-in/email", { email: "mia@example.com", password: "wrong password" })).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it("does not let a flood from many addresses lock every new address out of an account, but gives each fewer tries", async () => {
    // 52 failures from addresses new to the account (lib/auth/sign-in-attempts.ts): none is refused...
    const statuses: number[] = [];
    for (let i = 0; i < 52; i++)
      statuses.push((await post("/api/auth/sign-in/email", { email: "target@example.com", password: "guess" }, `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual(Array(52).fill(401));
    // ...but the account is now under attack: a new address gets 3 tries, not 10.
    const next: number[] = [];
    for (let i = 0; i < 4; i++) next.push((await post("/api/auth/sign-in/email", { email: "target@example.com", password: "guess" }, "198.51.100.99")).status);
    expect(next).toEqual([401, 401, 401, 429]);
  });

  it("lets only admins change hub settings", async () => {
    expect((await settings(memberCookie, { signup: "closed" })).status).toBe(403);
    expect((await settings("", { signup: "closed" })).status).toBe(401);
    expect(await (await settings(adminCookie)).json()).toEqual({ signup: "open", publicRead: true });
    expect((await settings(adminCookie, { signup: "sometimes" })).status).toBe(422);
  });

  it("closes sign-up when the admin says so", async () => {
    expect((await settings(adminCookie, { signup: "closed" })).status).toBe(200);
    const refused = await post("/api/auth/sign-up/email", { name: "Late", email: "late@example.com", password: "long enough password" });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/closed/);
    expect((await settings(adminCookie, { signup: "open" })).status).toBe(200);
  });

  it("in invite-only mode, lets each invitation create exactly one account", async () => {
    expect((await settings(adminCookie, { signup: "invite" })).status).toBe(200);
    const signUp = (email: string, invitation?: string) =>
      fetch(`${fresh.hub.url}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: fresh.hub.url, ...(invitation ? { "x-invitation": invitation } : {}) },
        body: JSON.stringify({ name: "Invited", email, password: "long enough password" }),
      });
    expect((await signUp("uninvited@example.com")).status).toBe(403);
    const memberInvite = await fetch(`${fresh.hub.url}/api/v1/admin/invitations`, { method: "POST", headers: { origin: fresh.hub.url, cookie: memberCookie } });
    expect(memberInvite.status).toBe(403);
    const created = await fetch(`${fresh.hub.url}/api/v1/admin/invitations`, { method: "POST", headers: { origin: fresh.hub.url, cookie: adminCookie } });
    expect(created.status).toBe(201);
    const { code, url } = await created.json();
    expect(url).toContain(`/sign-up?invitation=${code}`);
    expect((await signUp("invited@example.com", code)).status).toBe(200);
    expect((await signUp("second@example.com", code)).status).toBe(403);
    expect((await settings(adminCookie, { signup: "open" })).status).toBe(200);
  });

  it("hides the catalog from visitors when public read is off", async () => {
    const anonymous = () => fetch(`${fresh.hub.url}/api/v1/plugins`);
    expect((await anonymous()).status).toBe(200);
    expect((await settings(adminCookie, { publicRead: false })).status).toBe(200);
    expect((await anonymous()).status).toBe(401);
    expect((await fetch(`${fresh.hub.url}/plugins/`, { headers: { accept: "application/json" } })).status).toBe(401);
    expect((await fetch(`${fresh.hub.url}/api/v1/plugins`, { headers: { cookie: memberCookie } })).status).toBe(200);
    expect((await settings(adminCookie, { publicRead: true })).status).toBe(200);
    expect((await anonymous()).status).toBe(200);
  });

  it("ends a session 30 days after sign-in, however active", async () => {
    const me = () => fetch(`${fresh.hub.url}/api/v1/tokens`, { headers: { cookie: memberCookie } });
    expect((await me()).status).toBe(200);
    const client = new pg.Client({ connectionString: fresh.database.url });
    await client.connect();
    await client.query("UPDATE sessions SET created_at = now() - interval '31 days'");
    await client.end();
    expect((await me()).status).toBe(401);
  });
});
