// New plugin: fill the template's variables, download the scaffold, publish it and land on its page.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

test("New plugin: the form checks its fields, downloads the scaffold as a zip, publishes it, and it runs", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const code = `e2e-new-${Date.now().toString(36)}`;
  await page.goto("/plugins/new");
  await expect(page.getByRole("heading", { level: 1, name: "New plugin" })).toBeVisible();

  // Nothing leaves the page while a field fails the registry's rules; each says why.
  await page.getByLabel("Version").fill("1.0");
  await page.getByRole("button", { name: "Publish as a debug release" }).click();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("is required").first()).toBeVisible();
  await expect(page.getByText('must be a semantic version such as "1.2.3"')).toBeVisible();
  await expect(page).toHaveURL(/\/plugins\/new$/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath("new-plugin-errors.png"), fullPage: true });

  await page.getByLabel("Name").fill("E2E Exporter");
  await page.getByLabel("Code").fill(code);
  await page.getByLabel("Version").fill("0.1.0");
  await page.getByLabel("Category").selectOption("export");
  await page.getByLabel("Description").fill("Exports records, made from the export template.");
  const preview = page.getByRole("complementary", { name: "What you get" });
  await expect(preview).toContainText("plugin/export.py");
  await expect(preview).toContainText(`${code}/config.yaml`);
  await expect(page.getByText("is required")).toHaveCount(0);

  for (const theme of ["light", "dark"]) {
    if (theme === "dark") await page.getByRole("button", { name: "Toggle dark mode" }).click();
    await page.getByRole("heading", { level: 1 }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath(`new-plugin-${theme}.png`), fullPage: true });
  }
  await page.getByRole("button", { name: "Toggle dark mode" }).click(); // leave the saved theme as it was

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download as zip" }).click()]);
  expect(download.suggestedFilename()).toBe(`${code}-0.1.0.zip`);
  const zip = readFileSync(await download.path());
  expect(zip.subarray(0, 4).toString("binary")).toBe("PK\x03\x04");
  expect(zip.includes(`${code}/config.yaml`)).toBe(true);
  expect(zip.includes(`${code}/plugin/export.py`)).toBe(true);

  await page.getByRole("button", { name: "Publish as a debug release" }).click();
  await expect(page).toHaveURL(new RegExp(`/plugins/${code}\\?version=0\\.1\\.0$`));
  await expect(page.getByRole("heading", { level: 1, name: "E2E Exporter" })).toBeVisible();
  await page.getByRole("tab", { name: /Actions/ }).click();
  await expect(page.getByRole("tabpanel").getByText("plugin.export.ExportAction")).toBeVisible();

  // It runs as generated: its form comes from the template's params, and the export saves its file.
  await page.getByRole("link", { name: "Run export" }).click();
  await expect(page.getByLabel("What to export").locator("option:checked")).toHaveText("ground_truth");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 120_000 });
  await expect(page.getByText("ground_truth.jsonl").first()).toBeVisible();
});

test("a visitor may download a scaffold but is asked to sign in to publish", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, storageState: undefined });
  const page = await context.newPage();
  await page.goto("/plugins/new");
  await expect(page.getByRole("button", { name: "Publish as a debug release" })).toBeDisabled();
  await expect(page.getByText("Sign in to publish; anyone can download.")).toBeVisible();
  await page.getByLabel("Name").fill("Visitor Tool");
  await page.getByLabel("Description").fill("Downloaded without an account.");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download as zip" }).click()]);
  expect(download.suggestedFilename()).toBe("visitor-tool-0.1.0.zip");
  await context.close();
});
