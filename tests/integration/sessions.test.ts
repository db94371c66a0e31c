// A session slides while it is used, and the browser's cookie slides with it, over HTTP: the
// Set-Cookie it receives after a renewal outlives the one from sign-in; 30 days after sign-in it ends.
// That a page in a real browser renews it: e2e/session-renewal.spec.ts.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ADMIN } from "@/scripts/lib/bootstrap-admin";
import { cookieHeader, request, sessionCookieMaxAge } from "@/tests/helpers/http";
import { hubUrl, pluginZip, publish, uniqueCode } from "@/tests/helpers/hub";

const DAY = 24 * 60 * 60 * 1000;
const from = "127.0.0.71"; // an address of its own: no other test's sign-in limit applies
const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
beforeAll(() => db.connect());
afterAll(() => db.end());

let cookie = "";
let token = "";
let signedInAt = 0;

/** Moves this session `days` into the past, as if signed in (and last renewed) that much earlier. */
async function age(days: number): Promise<void> {
  const shift = `${days} days`;
  await db.query(
    "UPDATE sessions SET created_at = created_at - $2::interval, updated_at = updated_at - $2::interval, expires_at = expires_at - $2::interval WHERE token = $1",
    [token, shift],
  );
  signedInAt -= days * DAY;
}

const updatedAt = async () => (await db.query<{ updated_at: Date }>("SELECT updated_at FROM sessions WHERE token = $1", [token])).rows[0]?.updated_at;
const expiresAt = async () => (await db.query<{ expires_at: Date }>("SELECT expires_at FROM sessions WHERE token = $1", [token])).rows[0]?.expires_at;
const tokens = () => request(`${hubUrl()}/api/v1/tokens`, { from, headers: { cookie } });

describe("a browser session", () => {
  it("signs in with a cookie that lasts 7 days", async () => {
    const answer = await request(`${hubUrl()}/api/auth/sign-in/email`, {
      method: "POST",
      from,
      headers: { "content-type": "application/json", origin: hubUrl() },
      body: JSON.stringify({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }),
    });
    expect(answer.status).toBe(200);
    expect(sessionCookieMaxAge(answer.cookies)).toBe(7 * 24 * 60 * 60);
    cookie = cookieHeader(answer.cookies);
    token = decodeURIComponent(cookie.split("=")[1].split(";")[0]).split(".")[0];
    signedInAt = Date.now();
    expect((await tokens()).cookies).toEqual([]); // fresh: nothing to renew
  });

  it("renews the cookie from an API call once a day has passed, and keeps working past the first 7 days", async () => {
    await age(6);
    const renewed = await tokens();
    expect(renewed.status).toBe(200);
    // The renewed cookie is good for 7 days from now: 6 days later than the one from sign-in.
    expect(sessionCookieMaxAge(renewed.cookies)).toBe(7 * 24 * 60 * 60);
    expect((await expiresAt()).getTime()).toBeGreaterThan(Date.now() + 6.9 * DAY);
    cookie = cookieHeader(renewed.cookies);

    await age(6); // 12 days since sign-in, 6 since the renewal
    expect(Date.now() - signedInAt).toBeGreaterThan(7 * DAY);
    const later = await tokens();
    expect(later.status).toBe(200);
    expect(sessionCookieMaxAge(later.cookies)).toBe(7 * 24 * 60 * 60);
  });

  it("is not renewed by a page render (which cannot deliver the cookie), but by /api/auth/get-session, which the page calls", async () => {
    await age(2);
    const before = await expiresAt();
    const page = await request(`${hubUrl()}/settings/tokens`, { from, headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(TEST_ADMIN.name);
    expect(page.cookies.filter((c) => c.includes("session_token"))).toEqual([]);
    expect(await expiresAt()).toEqual(before); // the render did not renew what it could not deliver
    const keeper = await request(`${hubUrl()}/api/auth/get-session`, { from, headers: { cookie } });
    expect(keeper.status).toBe(200);
    expect(sessionCookieMaxAge(keeper.cookies)).toBe(7 * 24 * 60 * 60);
    expect((await expiresAt()).getTime()).toBeGreaterThan(Date.now() + 6.9 * DAY);
  });

  it("never sends a renewed cookie on a response a shared cache may keep", async () => {
    const code = uniqueCode("private");
    expect((await publish(pluginZip({ code }))).status).toBe(201);
    const archive = `${hubUrl()}/api/v1/plugins/${code}/versions/1.0.0/archive`;
    expect((await request(archive)).headers["cache-control"]).toMatch(/public/); // anyone's download, cacheable by anyone
    const publicRead = (on: boolean) =>
      fetch(`${hubUrl()}/api/v1/admin/settings`, {
        method: "PUT",
        headers: { "content-type": "application/json", origin: hubUrl(), cookie: process.env.HUB_ADMIN_COOKIE ?? "" },
        body: JSON.stringify({ publicRead: on }),
      });
    expect((await publicRead(false)).status).toBe(200);
    try {
      await age(2); // due for renewal: the download answers with the renewed cookie
      const download = await request(archive, { from, headers: { cookie } });
      expect(download.status).toBe(200);
      expect(sessionCookieMaxAge(download.cookies)).toBe(7 * 24 * 60 * 60);
      expect(download.headers["cache-control"]).toBe("private, no-store");
      expect(download.headers.vary).toMatch(/\bCookie\b/);
      cookie = cookieHeader(download.cookies);
      // Without public read no shared cache may keep the bytes, renewed cookie or not.
      const token = await request(archive, { headers: { authorization: `Bearer ${process.env.HUB_TOKEN}` } });
      expect(token.status).toBe(200);
      expect(token.headers["cache-control"]).toMatch(/^private\b/);
    } finally {
      expect((await publicRead(true)).status).toBe(200);
    }
  });

  it("stops renewing once the expiry reaches the 30-day limit: no row write and no cookie on every request", async () => {
    await age(25 - (Date.now() - signedInAt) / DAY); // 25 days since sign-in
    await db.query("UPDATE sessions SET updated_at = now() - interval '2 days', expires_at = now() + interval '4 days' WHERE token = $1", [token]);
    const renewed = await tokens(); // renewed once more, up to the limit
    expect(renewed.status).toBe(200);
    expect(sessionCookieMaxAge(renewed.cookies)).toBeGreaterThan(0);
    expect(Math.abs((await expiresAt()).getTime() - (signedInAt + 30 * DAY))).toBeLessThan(60_000);
    cookie = cookieHeader(renewed.cookies);
    const written = await updatedAt();
    for (const again of [await tokens(), await request(`${hubUrl()}/api/auth/get-session`, { from, headers: { cookie } })]) {
      expect(again.status).toBe(200);
      expect(again.cookies).toEqual([]);
    }
    expect(await updatedAt()).toEqual(written);
  });

  it("never renews past 30 days since sign-in", async () => {
    await age(29 - (Date.now() - signedInAt) / DAY); // 29 days since sign-in, renewed 1 day ago
    await db.query("UPDATE sessions SET updated_at = now() - interval '2 days', expires_at = now() + interval '5 days' WHERE token = $1", [token]);
    expect((await tokens()).status).toBe(200);
    expect(Math.abs((await expiresAt()).getTime() - (signedInAt + 30 * DAY))).toBeLessThan(60_000);
  });

  it("is refused 30 days after sign-in, and the browser's cookie is cleared", async () => {
    await age(1.5);
    // Even a session row renewed before the cap existed, whose expiry lies ahead, ends.
    await db.query("UPDATE sessions SET expires_at = now() + interval '5 days' WHERE token = $1", [token]);
    const refused = await tokens();
    expect(refused.status).toBe(401);
    expect(sessionCookieMaxAge(refused.cookies)).toBe(0);
    expect(await expiresAt()).toBeUndefined();
  });
});
