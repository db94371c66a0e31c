import { expect, test, type Browser, type Page } from "@playwright/test";
import { pluginZip } from "../tests/helpers/hub";
import { dropFile } from "./drop-file";

test("tokens are shown once and can be revoked", async ({ page }) => {
  await page.goto("/settings/tokens");
  await page.getByLabel("Name").fill("CI on main");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toHaveText(/^shub_[A-Za-z0-9_-]{30,}$/);
  const row = page.locator("li[data-token='CI on main']");
  await expect(row).toContainText("read, publish");
  await expect(row).toContainText("never used");
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0); // shown once
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
});

async function member(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext({ storageState: undefined })).newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase()}-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long member password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(name);
  return page;
}

test("only owners and maintainers publish to a plugin", async ({ browser }) => {
  const code = `owned-${Date.now().toString(36)}`;
  const olga = await member(browser, "Olga");
  const bert = await member(browser, "Bert");

  await olga.goto("/publish");
  await dropFile(olga, pluginZip({ code }), "v1.zip");
  await expect(olga.getByRole("status").filter({ hasText: "Published" })).toContainText(`${code}@1.0.0`);

  await bert.goto("/publish");
  await dropFile(bert, pluginZip({ code, version: "1.1.0" }), "v1.1.zip");
  await expect(bert.getByRole("alert").filter({ hasText: "owner" })).toContainText("forbidden");

  await olga.goto(`/plugins/${code}`);
  await expect(olga.getByTestId("owner")).toHaveText("Olga");
  const bertEmail = await bert.evaluate(async () => (await (await fetch("/api/auth/get-session")).json()).user.email as string);
  await olga.getByLabel("Maintainer email").fill(bertEmail);
  await olga.getByRole("button", { name: "Add maintainer" }).click();
  await expect(olga.getByTestId("maintainers")).toContainText("Bert");

  await bert.goto("/publish");
  await dropFile(bert, pluginZip({ code, version: "1.1.0" }), "v1.1.zip");
  await expect(bert.getByRole("status").filter({ hasText: "Published" })).toContainText(`${code}@1.1.0`);
});
