// On a phone the header's links fold into a menu; nothing may be wider than the screen.
import { expect, test, type Page } from "@playwright/test";

const overflow = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

test.describe("at 390 × 844, signed in", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("no page is wider than the screen", async ({ page }) => {
    for (const path of ["/", "/plugins/tiny-classifier", "/plugins/tiny-classifier/run/train", "/publish", "/settings/tokens", "/my-plugins"]) {
      await page.goto(path);
      await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
      expect(await overflow(page), path).toBeLessThanOrEqual(0);
    }
  });

  test("the menu opens, is used from the keyboard, closes with Escape and reaches Runs and Settings", async ({ page }) => {
    await page.goto("/");
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("link", { name: "Settings" })).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("link", { name: "Catalog" })).toBeFocused();
    await expect(page.getByRole("link", { name: "Runs" })).toHaveAttribute("href", "/runs");
    await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await expect(page.getByRole("link", { name: "Runs" })).toBeHidden();

    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/settings\/tokens$/);
    await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    await menu.click();
    await page.locator("main").click({ position: { x: 5, y: 400 } }); // a tap outside closes it
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });
});

test("from 1024 px up the links sit in the header, and still fit; a tablet gets the menu", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto("/plugins/tiny-classifier");
  await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();
  expect(await overflow(page), "768 px").toBeLessThanOrEqual(0);
  for (const width of [1024, 1280, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/plugins/tiny-classifier");
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    for (const name of ["Projects", "Runs", "Exports", "Settings"]) await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
    expect(await overflow(page), `${width} px`).toBeLessThanOrEqual(0);
  }
});
