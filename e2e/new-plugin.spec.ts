// New plugin: fill the template's variables, download the scaffold, publish it, run it, then run it on
// the example project from the project's page and download its result.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

test("New plugin: the form checks its fields, downloads the scaffold as a zip, publishes it, and it runs", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
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

  // And on real data: from the example project's page, the new plugin (a debug release) exports its tasks.
  await page.goto("/projects");
  await page.getByRole("list", { name: "Projects" }).getByRole("link", { name: "Example: coloured shapes" }).last().click();
  await expect(page).toHaveURL(/\/projects\/\d+$/);
  const projectId = Number(new URL(page.url()).pathname.split("/").pop());
  await page.getByRole("link", { name: "Export…" }).click();
  await page.getByRole("combobox", { name: "Export plugin" }).selectOption({ label: "E2E Exporter 0.1.0 (debug)" });
  await page.getByRole("radio", { name: /Tasks/ }).check();
  await page.getByRole("button", { name: "Start export" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 120_000 });
  await page.getByRole("tab", { name: /Files/ }).click();
  const [result] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download all \(\.zip/ }).click()]);
  const dir = mkdtempSync(path.join(os.tmpdir(), "new-plugin-e2e-"));
  const zipPath = path.join(dir, "result.zip");
  await result.saveAs(zipPath);
  execFileSync("unzip", ["-q", zipPath, "-d", path.join(dir, "out")]);
  const records = readFileSync(path.join(dir, "out", "task.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { id: number; target: string; file: string });
  expect(records).toHaveLength(20); // the template's default limit
  const tasks = (await (await page.request.get(`/api/v1/projects/${projectId}/items?kind=task&limit=100`)).json()) as {
    items: { id: number; files: { fileName: string }[] }[];
  };
  for (const record of records) {
    expect(record.target).toBe("task");
    expect(record.file).toBe(tasks.items.find((task) => task.id === record.id)?.files[0].fileName);
  }
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
