// Limits a flood meets and real use does not: the 1 MiB cap on buffered bodies, the rate limits on
// publish, token creation and setup, and the sign-in lockout that never locks the owner out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ADMIN } from "@/scripts/lib/bootstrap-admin";
import type { HubProcess } from "@/scripts/lib/hub-process";
import { freePort } from "@/scripts/lib/postgres";
import { cookieHeader, request } from "@/tests/helpers/http";
import { hubUrl, uniqueCode } from "@/tests/helpers/hub";
import { startSiblingHub } from "@/tests/helpers/sibling-hub";

const MiB = 1024 * 1024;

describe("a buffered body over 1 MiB", () => {
  const paths = ["/api/v1/setup", "/api/auth/sign-in/email"];
  const json = (bytes: number) => JSON.stringify({ email: "x@example.com", password: "p".repeat(bytes) });

  it.each(paths)("is refused by %s with 413 from its Content-Length", async (url) => {
    const response = await fetch(`${hubUrl()}${url}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: hubUrl() },
      body: json(2 * MiB),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).code).toBe("payload_too_large");
  });

  it.each(paths)("is refused by %s with 413 when streamed without a length", async (url) => {
    const chunks = Array.from({ length: 24 }, () => new Uint8Array(64 * 1024).fill(32)); // 1.5 MiB of spaces
    const body = new ReadableStream({ pull: (controller) => (chunks.length ? controller.enqueue(chunks.shift()) : controller.close()) });
    const response = await fetch(`${hubUrl()}${url}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: hubUrl() },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).code).toBe("payload_too_large");
  });

  it("is not confused with a body just under the cap", async () => {
    const response = await fetch(`${hubUrl()}/api/v1/setup`, { method: "POST", headers: { "content-type": "application/json" }, body: json(MiB - 1024) });
    expect(response.status).toBe(422); // read whole, then refused by the schema
  });
});

describe("a hub's limits under a flood", () => {
  let hub: HubProcess;
  beforeAll(async () => {
    const port = await freePort();
    hub = await startSiblingHub({
      port,
      env: {
        // X-Forwarded-For is trusted, so a test can also play clients at IPv6 addresses; a request
        // without it counts from the address it leaves from.
        TRUST_PROXY: "true",
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        // Small limits, so a test floods them quickly; the per-address sign-in limit is lifted so
        // that the per-account one shows.
        RATE_LIMITS: "publish=3/600,create-token=3/600,setup=2/600,sign-in=1000/60",
      },
    });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const post = (url: string, from: string, headers: Record<string, string>, body: string) =>
    request(`${hub.url}${url}`, { method: "POST", from, headers: { origin: hub.url, ...headers }, body });
  const expectRateLimited = (answer: Awaited<ReturnType<typeof request>>) => {
    expect(answer.status, answer.body).toBe(429);
    expect(answer.json().code).toBe("rate_limited");
    expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
  };

  it("limits token creation and publishing per account, over both APIs", async () => {
    const from = "127.0.0.81";
    const email = `${uniqueCode("flood")}@example.com`;
    const signUp = await post(
      "/api/auth/sign-up/email",
      from,
      { "content-type": "application/json" },
      JSON.stringify({ name: "Flood", email, password: "long enough password" }),
    );
    expect(signUp.status, signUp.body).toBe(200);
    const cookie = cookieHeader(signUp.cookies);
    const createToken = () => post("/api/v1/tokens", from, { "content-type": "application/json", cookie }, JSON.stringify({ name: "t", scopes: ["publish"] }));
    const created = [await createToken(), await createToken(), await createToken()];
    expect(created.map((a) => a.status)).toEqual([201, 201, 201]);
    expectRateLimited(await createToken());

    const auth = { authorization: `Bearer ${created[0].json().token}` };
    const publishJunk = () => post("/api/v1/plugins", from, { "content-type": "application/zip", ...auth }, "not an archive");
    for (let i = 0; i < 3; i++) expect((await publishJunk()).status).not.toBe(429);
    expectRateLimited(await publishJunk());
    expectRateLimited(await post("/plugin_releases/", from, { "content-type": "application/zip", ...auth }, "not an archive"));
  });

  it("limits first-run setup attempts per address", async () => {
    const setup = () =>
      post(
        "/api/v1/setup",
        "127.0.0.82",
        { "content-type": "application/json" },
        JSON.stringify({ name: "Late", email: "late@example.com", password: "long enough password" }),
      );
    expect([(await setup()).status, (await setup()).status]).toEqual([409, 409]);
    expectRateLimited(await setup());
  });

  it("stops an address that floods wrong passwords for the admin, and still lets the admin in from its usual address", async () => {
    const signIn = (from: string, password: string) =>
      post("/api/auth/sign-in/email", from, { "content-type": "application/json" }, JSON.stringify({ email: TEST_ADMIN.email, password }));
    const usual = "127.0.0.83";
    const attacker = "127.0.0.84";
    expect((await signIn(usual, TEST_ADMIN.password)).status).toBe(200);

    const flood: number[] = [];
    for (let i = 0; i < 12; i++) flood.push((await signIn(attacker, `guess ${i}`)).status);
    expect(flood).toEqual([...Array(10).fill(401), 429, 429]);
    const refused = await signIn(attacker, TEST_ADMIN.password); // even the right password, now
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);

    expect((await signIn(usual, TEST_ADMIN.password)).status).toBe(200);
    // The owner's own typos at its usual address never lock it out.
    for (let i = 0; i < 12; i++) expect((await signIn(usual, `typo ${i}`)).status).toBe(401);
    expect((await signIn(usual, TEST_ADMIN.password)).status).toBe(200);
  });

  const signInAs = (email: string, password: string, address: string, cookie = "") =>
    post(
      "/api/auth/sign-in/email",
      "127.0.0.85",
      { "content-type": "application/json", "x-forwarded-for": address, ...(cookie ? { cookie } : {}) },
      JSON.stringify({ email, password }),
    );

  it("counts a client by its IPv6 /64 however it rotates its addresses, and an IPv4-mapped address as its IPv4 one", async () => {
    const flood: number[] = [];
    for (let i = 0; i < 12; i++) flood.push((await signInAs(TEST_ADMIN.email, `guess ${i}`, `2001:db8:5:5:${(i + 1).toString(16)}::${i * 7 + 1}`)).status);
    expect(flood).toEqual([...Array(10).fill(401), 429, 429]);
    expect((await signInAs(TEST_ADMIN.email, TEST_ADMIN.password, "2001:db8:5:5:ffff:1:2:3")).status).toBe(429);
    expect((await signInAs(TEST_ADMIN.email, TEST_ADMIN.password, "2001:db8:5:6::1")).status).toBe(200); // the next /64 is someone else
    // 127.0.0.84 flooded the admin above: spelt as an IPv4-mapped IPv6 address it is still refused.
    expect((await signInAs(TEST_ADMIN.email, TEST_ADMIN.password, "::ffff:127.0.0.84")).status).toBe(429);
  });

  it("never locks the owner's browser out, from whatever address, however many addresses flood the account", async () => {
    const email = `${uniqueCode("owner")}@example.com`;
    const password = "the owner's own password";
    const signUp = await post(
      "/api/auth/sign-up/email",
      "127.0.0.86",
      { "content-type": "application/json" },
      JSON.stringify({ name: "Owner", email, password }),
    );
    expect(signUp.status, signUp.body).toBe(200);
    // The browser that signed up now holds a device cookie: signed, httpOnly, sent only to sign-in.
    const device = signUp.cookies.find((c) => c.startsWith("shub.known_device="));
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/Path=\/api\/auth/i);

    // A flood from 55 addresses, each new to the account: each gets its tries, none locks anyone out.
    const flood: number[] = [];
    for (let i = 0; i < 55; i++) flood.push((await signInAs(email, `guess ${i}`, `198.51.100.${i + 1}`)).status);
    expect(flood).toEqual(Array(55).fill(401));

    // The owner on a new laptop's address, with its browser: in.
    const owner = await signInAs(email, password, "198.51.100.200", cookieHeader([device!]));
    expect(owner.status, owner.body).toBe(200);
    // Any other new address still gets its first tries (slowed down while the flood lasts)...
    expect((await signInAs(email, password, "198.51.100.201")).status).toBe(200);
    // ...but fewer of them, and a forged device cookie is no key.
    const forged = `shub.known_device=${encodeURIComponent("made-up.c2lnbmF0dXJl")}`;
    const few: number[] = [];
    for (let i = 0; i < 4; i++) few.push((await signInAs(email, `guess ${i}`, "198.51.100.202", forged)).status);
    expect(few).toEqual([401, 401, 401, 429]);
  });
});
