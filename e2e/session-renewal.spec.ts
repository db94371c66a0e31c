// A page load in a real browser keeps its session cookie sliding: the page itself (its SessionKeeper)
// asks for the renewal, since a page render cannot set cookies. tests/integration/sessions.test.ts
// covers the renewal rules over plain HTTP.
import { expect, test } from "@playwright/test";
import pg from "pg";

const DAY_SECONDS = 24 * 60 * 60;

test("loading a page two days after sign-in renews the browser's session cookie for 7 more days", async ({ browser, baseURL }) => {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set: run the browser tests through `npm test` (scripts/test.ts)");
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const context = await browser.newContext({ storageState: undefined });
    const signUp = await context.request.post("/api/auth/sign-up/email", {
      headers: { origin: baseURL! },
      data: { name: "Keeper", email: `keeper-${Date.now()}@example.com`, password: "a long member password" },
    });
    expect(signUp.status()).toBe(200);
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("shub.session_token"))!;
    const token = decodeURIComponent(cookie.value).split(".")[0];

    // Two days pass: the session row and the browser's cookie both as if set two days ago.
    await db.query(
      "UPDATE sessions SET created_at = created_at - interval '2 days', updated_at = updated_at - interval '2 days', expires_at = expires_at - interval '2 days' WHERE token = $1",
      [token],
    );
    await context.addCookies([{ ...cookie, expires: cookie.expires - 2 * DAY_SECONDS }]);

    const page = await context.newPage();
    const renewal = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/auth/get-session", { timeout: 15_000 });
    await page.goto("/settings/tokens");
    await expect(page.getByTestId("signed-in-as")).toHaveText("Keeper");
    expect((await renewal).status()).toBe(200);

    const now = Date.now() / 1000;
    const renewed = (await context.cookies()).find((c) => c.name === cookie.name)!;
    expect(renewed.expires).toBeGreaterThan(now + 6.9 * DAY_SECONDS);
    const { rows } = await db.query<{ expires_at: Date }>("SELECT expires_at FROM sessions WHERE token = $1", [token]);
    expect(rows[0].expires_at.getTime() / 1000).toBeGreaterThan(now + 6.9 * DAY_SECONDS);
    await context.close();
  } finally {
    await db.end();
  }
});
