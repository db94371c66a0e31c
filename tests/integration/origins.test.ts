// The hub run as people deploy it: bound to every interface (0.0.0.0, ::) without PUBLIC_URL, or
// behind an address (PUBLIC_URL) that is not the one it binds. Each instance shares the suite's
// database; requests leave from addresses of their own, so no other test's rate limits interfere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ADMIN } from "@/scripts/lib/bootstrap-admin";
import type { HubProcess } from "@/scripts/lib/hub-process";
import { freePort } from "@/scripts/lib/postgres";
import { cookieHeader, request } from "@/tests/helpers/http";
import { pluginZip, publish, uniqueCode } from "@/tests/helpers/hub";
import { startSiblingHub } from "@/tests/helpers/sibling-hub";

const started: { hub: HubProcess }[] = [];
afterAll(async () => {
  await Promise.all(started.map(({ hub }) => hub.stop()));
});

async function hubOn(host: string, env: Record<string, string> = {}): Promise<{ hub: HubProcess; port: number }> {
  const port = await freePort();
  const hub = await startSiblingHub({ host, port, env });
  started.push({ hub });
  return { hub, port };
}

beforeAll(async () => {
  // Two releases at least, so the Synapse list below has a next page.
  for (let i = 0; i < 2; i++) expect((await publish(pluginZip({ code: uniqueCode("origin") }))).status).toBe(201);
});

/**
 * Signs the test admin in at `connect`, as a page on `origin` would. The browser holds some cookie
 * already, which makes better-auth check the Origin (without cookies it has nothing to protect).
 */
async function signIn(connect: string, origin: string, from?: string, host?: string): Promise<string> {
  const answer = await request(`${connect}/api/auth/sign-in/email`, {
    method: "POST",
    from,
    headers: { "content-type": "application/json", origin, cookie: "visited=1", ...(host ? { host } : {}) },
    body: JSON.stringify({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }),
  });
  expect(answer.status, answer.body).toBe(200);
  return cookieHeader(answer.cookies);
}

const createToken = (connect: string, cookie: string, origin: string, from?: string, host?: string) =>
  request(`${connect}/api/v1/tokens`, {
    method: "POST",
    from,
    headers: { "content-type": "application/json", origin, cookie, ...(host ? { host } : {}) },
    body: JSON.stringify({ name: "origin test", scopes: ["read"], expiresInDays: 1 }),
  });

/** The links a Synapse list and an invitation hand out, as seen through `connect` naming `host`. */
async function links(connect: string, cookie: string, origin: string, from?: string, host?: string) {
  const list = await request(`${connect}/plugin_releases/?page_size=1`, { from, headers: host ? { host } : {} });
  expect(list.status, list.body).toBe(200);
  const invitation = await request(`${connect}/api/v1/admin/invitations`, { method: "POST", from, headers: { origin, cookie, ...(host ? { host } : {}) } });
  expect(invitation.status, invitation.body).toBe(201);
  const page = list.json() as { next: string; results: { file: string }[] };
  return { next: page.next, file: page.results[0].file, invitation: (invitation.json() as { url: string }).url };
}

describe("a hub bound to 0.0.0.0 without PUBLIC_URL", () => {
  it("takes its origin from the Host a browser names: its own pages may change things, other sites may not", async () => {
    const { hub, port } = await hubOn("0.0.0.0");
    expect(hub.url).toBe(`http://127.0.0.1:${port}`);
    const from = "127.0.0.61";
    const cookie = await signIn(hub.url, hub.url, from);
    expect((await createToken(hub.url, cookie, hub.url, from)).status).toBe(201);
    const foreign = await createToken(hub.url, cookie, "http://evil.example", from);
    expect(foreign.status).toBe(403);
    expect(foreign.json().code).toBe("origin_mismatch");

    // The same hub reached by another name (a LAN address, say): that name is its origin then.
    const lan = `hub-lan.test:${port}`;
    expect((await createToken(hub.url, cookie, `http://${lan}`, from, lan)).status).toBe(201);
    expect((await createToken(hub.url, cookie, hub.url, from, lan)).json().code).toBe("origin_mismatch");
    const seen = await links(hub.url, cookie, `http://${lan}`, from, lan);
    expect(seen.next).toMatch(new RegExp(`^http://${lan}/plugin_releases/\\?`));
    expect(seen.file).toMatch(new RegExp(`^http://${lan}/api/v1/plugins/`));
    expect(seen.invitation).toMatch(new RegExp(`^http://${lan}/sign-up\\?invitation=`));
    expect((await request(`${hub.url}/sign-in`, { from })).status).toBe(200);
  });
});

describe("a hub bound to :: without PUBLIC_URL", () => {
  it("answers every API route, with [::1] as the origin a browser at [::1] names", async () => {
    const { hub, port } = await hubOn("::");
    const base = `http://[::1]:${port}`;
    expect(hub.url).toBe(base);
    const cookie = await signIn(base, base);
    expect((await createToken(base, cookie, base)).status).toBe(201);
    expect((await createToken(base, cookie, "http://evil.example")).json().code).toBe("origin_mismatch");
    const seen = await links(base, cookie, base);
    expect(seen.next.startsWith(`${base}/plugin_releases/?`)).toBe(true);
    expect(seen.file.startsWith(`${base}/api/v1/plugins/`)).toBe(true);
    expect(seen.invitation.startsWith(`${base}/sign-up?invitation=`)).toBe(true);
    expect((await request(`${base}/api/v1/plugins?page_size=1`)).status).toBe(200);
    expect((await request(`${base}/sign-in`)).status).toBe(200);
  });
});

describe("a hub whose PUBLIC_URL is not its bind address", () => {
  it("trusts only PUBLIC_URL's origin and builds every link on it", async () => {
    const publicUrl = "http://hub.example.test:8443";
    const { hub } = await hubOn("127.0.0.1", { PUBLIC_URL: publicUrl });
    const from = "127.0.0.62";
    const cookie = await signIn(hub.url, publicUrl, from);
    expect((await createToken(hub.url, cookie, publicUrl, from)).status).toBe(201);
    expect((await createToken(hub.url, cookie, hub.url, from)).json().code).toBe("origin_mismatch");
    const seen = await links(hub.url, cookie, publicUrl, from);
    expect(seen.next.startsWith(`${publicUrl}/plugin_releases/?`)).toBe(true);
    expect(seen.file.startsWith(`${publicUrl}/api/v1/plugins/`)).toBe(true);
    expect(seen.invitation.startsWith(`${publicUrl}/sign-up?invitation=`)).toBe(true);
    // better-auth refuses its own sign-in from the bind address, which is not the hub's origin.
    const wrongOrigin = await request(`${hub.url}/api/auth/sign-in/email`, {
      method: "POST",
      from,
      headers: { "content-type": "application/json", origin: hub.url, cookie: "visited=1" },
      body: JSON.stringify({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }),
    });
    expect(wrongOrigin.status).toBe(403);
  });
});
