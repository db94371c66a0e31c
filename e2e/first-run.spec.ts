import { expect, test } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "./admin";

test("first visit sets up the admin; sign out and back in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to synapse-hub" })).toBeVisible();
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();

  await expect(page.getByRole("heading", { name: "Plugin catalog" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(ADMIN.name);
  await expect(page.getByText("admin", { exact: true })).toBeVisible();

  // Setup happens once.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/(sign-in)?$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /invalid/i })).toBeVisible();

  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(ADMIN.name);
  await page.context().storageState({ path: ADMIN_STATE });
});
