import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { hubUrl, pluginZip, signUpMember, uniqueCode } from "@/tests/helpers/hub";

// Who may do what, route by route. Every row is a real request against the running hub.
type Actor = { headers: Record<string, string> };
const origin = () => ({ origin: hubUrl() });
const anonymous: Actor = { headers: {} };
const code = uniqueCode("authz");
let actors: Record<string, Actor>;
let versionCounter = 0;

const signUp = (name: string) => signUpMember(name, code);

async function token(cookie: string, scopes: string[], expiresInDays = 1): Promise<{ id: string; secret: string }> {
  const response = await fetch(`${hubUrl()}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, ...origin() },
    body: JSON.stringify({ name: scopes.join("+"), scopes, expiresInDays }),
  });
  expect(response.status).toBe(201);
  const body = await response.json();
  return { id: body.info.id, secret: body.token };
}

const session = (cookie: string, withOrigin: string | null = hubUrl()): Actor => ({ headers: { cookie, ...(withOrigin ? { origin: withOrigin } : {}) } });
const bearer = (secret: string, header: "bearer" | "token" | "synapse" = "bearer"): Actor => ({
  headers:
    header === "bearer"
      ? { authorization: `Bearer ${secret}` }
      : header === "token"
        ? { authorization: `Token ${secret}` }
        : { "synapse-access-token": `Token ${secret}` },
});

function publishAs(actor: Actor, pluginCode = code): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(pluginZip({ code: pluginCode, version: `1.0.${++versionCounter}` }))]), "p.zip");
  return fetch(`${hubUrl()}/api/v1/plugins`, { method: "POST", body: form, headers: actor.headers });
}

beforeAll(async () => {
  const adminCookie = process.env.HUB_ADMIN_COOKIE!;
  const [ownerCookie, maintainerCookie, memberCookie] = [await signUp("Owner"), await signUp("Maintainer"), await signUp("Member")];
  // The owner publishes first, then adds the maintainer.
  expect((await publishAs(session(ownerCookie))).status).toBe(201);
  const maintainerEmail = `maintainer-${code}@example.com`;
  const added = await fetch(`${hubUrl()}/api/v1/plugins/${code}/maintainers`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: ownerCookie, ...origin() },
    body: JSON.stringify({ email: maintainerEmail }),
  });
  expect(added.status).toBe(201);

  const expired = await token(ownerCookie, ["publish"]);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1", [expired.id]);
  await client.end();
  const revoked = await token(ownerCookie, ["publish"]);
  expect((await fetch(`${hubUrl()}/api/v1/tokens/${revoked.id}`, { method: "DELETE", headers: { cookie: ownerCookie, ...origin() } })).status).toBe(200);

  actors = {
    anonymous,
    member: session(memberCookie),
    maintainer: session(maintainerCookie),
    owner: session(ownerCookie),
    admin: session(adminCookie),
    "owner, no Origin": session(ownerCookie, null),
    "owner, foreign Origin": session(ownerCookie, "https://evil.example"),
    "owner token: publish (Bearer)": bearer((await token(ownerCookie, ["publish"])).secret),
    "owner token: publish (Token)": bearer((await token(ownerCookie, ["publish"])).secret, "token"),
    "owner token: publish (Synapse-Access-Token)": bearer((await token(ownerCookie, ["publish"])).secret, "synapse"),
    "owner token: publish:<this plugin>": bearer((await token(ownerCookie, [`publish:${code}`])).secret),
    "owner token: publish:<another plugin>": bearer((await token(ownerCookie, ["publish:something-else"])).secret),
    "owner token: read only": bearer((await token(ownerCookie, ["read"])).secret),
    "owner token: expired": bearer(expired.secret),
    "owner token: revoked": bearer(revoked.secret),
    "member token: publish": bearer((await token(memberCookie, ["publish"])).secret),
  };
});

const EXPECTED: Record<string, { status: number; code?: string }> = {
  anonymous: { status: 401, code: "unauthorized" },
  member: { status: 403, code: "forbidden" },
  maintainer: { status: 201 },
  owner: { status: 201 },
  admin: { status: 201 },
  "owner, no Origin": { status: 403, code: "origin_mismatch" },
  "owner, foreign Origin": { status: 403, code: "origin_mismatch" },
  "owner token: publish (Bearer)": { status: 201 },
  "owner token: publish (Token)": { status: 201 },
  "owner token: publish (Synapse-Access-Token)": { status: 201 },
  "owner token: publish:<this plugin>": { status: 201 },
  "owner token: publish:<another plugin>": { status: 403, code: "insufficient_scope" },
  "owner token: read only": { status: 403, code: "insufficient_scope" },
  "owner token: expired": { status: 401, code: "invalid_token" },
  "owner token: revoked": { status: 401, code: "invalid_token" },
  "member token: publish": { status: 403, code: "forbidden" },
};

async function expectOutcome(response: Response, expected: { status: number; code?: string }, success: number): Promise<void> {
  const status = expected.status === 201 ? success : expected.status;
  expect(response.status).toBe(status);
  if (expected.code) expect((await response.json()).code).toBe(expected.code);
}

describe("authorization matrix", () => {
  it.each(Object.keys(EXPECTED))("publishing a new version: %s", async (actor) => {
    await expectOutcome(await publishAs(actors[actor]), EXPECTED[actor], 201);
  });

  it.each(Object.keys(EXPECTED))("yanking a version: %s", async (actor) => {
    const response = await fetch(`${hubUrl()}/api/v1/plugins/${code}/versions/1.0.1/yank`, {
      method: "POST",
      headers: { "content-type": "application/json", ...actors[actor].headers },
      body: JSON.stringify({ yanked: true }),
    });
    await expectOutcome(response, EXPECTED[actor], 200);
  });

  it.each(["anonymous", "member", "maintainer", "owner, foreign Origin", "owner token: read only"])("adding a maintainer is refused: %s", async (actor) => {
    const response = await fetch(`${hubUrl()}/api/v1/plugins/${code}/maintainers`, {
      method: "POST",
      headers: { "content-type": "application/json", ...actors[actor].headers },
      body: JSON.stringify({ email: `member-${code}@example.com` }),
    });
    expect(response.status).toBe(actor === "anonymous" ? 401 : 403);
  });

  it.each([
    ["anonymous", 401],
    ["owner", 201],
    ["owner, no Origin", 403],
    ["owner token: publish (Bearer)", 403],
  ] as const)("creating an API token: %s → %i", async (actor, status) => {
    const response = await fetch(`${hubUrl()}/api/v1/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", ...actors[actor].headers },
      body: JSON.stringify({ name: "matrix", scopes: ["read"] }),
    });
    expect(response.status).toBe(status);
  });

  it("lets nobody revoke someone else's token", async () => {
    const mine = await fetch(`${hubUrl()}/api/v1/tokens`, { headers: actors.owner.headers });
    const id = (await mine.json()).items[0].id;
    expect((await fetch(`${hubUrl()}/api/v1/tokens/${id}`, { method: "DELETE", headers: actors.member.headers })).status).toBe(404);
  });

  it("keeps reads public: anonymous visitors browse and download", async () => {
    expect((await fetch(`${hubUrl()}/api/v1/plugins/${code}`)).status).toBe(200);
    expect((await fetch(`${hubUrl()}/api/v1/plugins/${code}/versions/latest/archive`)).status).toBe(200);
  });

  it("does not let a client dodge the per-address sign-in limit with a forged X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const response = await fetch(`${hubUrl()}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", ...origin(), "x-forwarded-for": `192.0.2.${i + 1}` },
        body: JSON.stringify({ email: `nobody-${i}-${code}@example.com`, password: "guess" }),
      });
      statuses.push(response.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it("lets only the owner (or an admin) remove a maintainer, and a maintainer step down", async () => {
    const plugin = await (await fetch(`${hubUrl()}/api/v1/plugins/${code}`)).json();
    const maintainerId = plugin.maintainers[0].id as string;
    const remove = (actor: string) =>
      fetch(`${hubUrl()}/api/v1/plugins/${code}/maintainers/${maintainerId}`, { method: "DELETE", headers: actors[actor].headers });
    expect((await remove("anonymous")).status).toBe(401);
    expect((await remove("member")).status).toBe(403);
    expect((await remove("owner, foreign Origin")).status).toBe(403);
    expect((await remove("owner token: read only")).status).toBe(403);
    expect((await remove("owner")).status).toBe(204);
    expect((await (await fetch(`${hubUrl()}/api/v1/plugins/${code}`)).json()).maintainers).toEqual([]);
    // Once removed, the former maintainer can no longer publish.
    expect((await publishAs(actors.maintainer)).status).toBe(403);
  });

  it("allows the first-run setup only once", async () => {
    const response = await fetch(`${hubUrl()}/api/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json", ...origin() },
      body: JSON.stringify({ name: "Late", email: `late-${code}@example.com`, password: "a long enough password" }),
    });
    expect(response.status).toBe(409);
  });
});
