import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { pluginZip } from "../tests/helpers/hub";
import { dropFile } from "./drop-file";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

test("browse the catalog, read a plugin, publish a new version by drag and drop, download it", async ({ page, request, baseURL }) => {
  const code = `e2e-${Date.now().toString(36)}`;
  // Signed in (the admin's cookie); a cookie-authenticated mutation must say where it comes from.
  const first = await request.post("/api/v1/plugins", {
    headers: { origin: baseURL! },
    multipart: { file: { name: "p.zip", mimeType: "application/zip", buffer: pluginZip({ code, category: "neural_net" }) } },
  });
  expect(first.status()).toBe(201);

  // Catalog: search, then filter by category; the URL keeps the state.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Plugin catalog" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search plugins" }).fill("classifier");
  await expect(page).toHaveURL(/q=classifier/);
  await expect(page.getByRole("link", { name: /Tiny Classifier/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Dataset Exporter/ })).toHaveCount(0);
  await page.getByRole("searchbox", { name: "Search plugins" }).fill("");
  await page.getByRole("button", { name: /^Export\s*\d+$/ }).click();
  await expect(page).toHaveURL(/category=export/);
  await expect(page.getByRole("link", { name: /Dataset Exporter/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Tiny Classifier/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("button", { name: /^Export\s*\d+$/ })).toHaveAttribute("aria-pressed", "true");

  // Plugin page: README, actions (keyboard), config.
  await page.getByRole("button", { name: /^All\s*\d+$/ }).click();
  await page.getByRole("link", { name: /Tiny Classifier/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tiny Classifier" })).toBeVisible();
  await expect(page.getByRole("tabpanel").getByRole("heading", { name: "Try it locally" })).toBeVisible();
  await page.getByRole("tab", { name: /README/ }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: /Actions/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel").getByText("plugin.train:train")).toBeVisible();

  // Publish v1.1.0 of our plugin by drag and drop.
  const next = pluginZip({ code, version: "1.1.0", category: "neural_net", salt: "v1.1.0" });
  await page.getByRole("link", { name: "Publish" }).click();
  await dropFile(page, next, `${code}-1.1.0.zip`);
  const published = page.getByRole("status").filter({ hasText: "Published" });
  await expect(published).toContainText(`${code}@1.1.0`);
  await expect(published).toContainText(sha256(next));

  // It is listed as the latest version, and downloads byte-identical.
  await published.getByRole("link", { name: `${code}@1.1.0` }).click();
  await expect(page.getByRole("combobox", { name: "Version" })).toHaveValue("1.1.0");
  await page.getByRole("tab", { name: /Versions/ }).click();
  await expect(page.locator("tr[data-version='1.1.0']")).toContainText("latest");
  await expect(page.locator("tr[data-version='1.0.0']")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download v1.1.0" }).click()]);
  expect(download.suggestedFilename()).toBe(`${code}-1.1.0.zip`);
  expect(sha256(readFileSync(await download.path()))).toBe(sha256(next));
});

test("publishing a broken archive shows each config error next to the file", async ({ page }) => {
  await page.goto("/publish");
  const broken = Buffer.from(
    // a zip holding only a config.yaml with two mistakes
    (await import("../tests/helpers/zip-builder")).buildZip([
      { name: "config.yaml", data: "name: Broken\nversion: 1.0\ncategory: robots\ndescription: x\nactions:\n  run:\n    entrypoint: a.b:c\n" },
    ]),
  );
  await dropFile(page, broken, "broken.zip");
  await expect(page.getByRole("alert").filter({ hasText: "problem" })).toContainText("config_invalid");
  await expect(page.getByTestId("publish-errors")).toContainText("2:10");
  await expect(page.getByTestId("publish-errors")).toContainText("3:11");
  await expect(page.getByTestId("upload-file-name")).toHaveText("broken.zip");
});
