// A run's result page: files as a tree that follows the run live, previews (JSON folding, an image,
// text), the whole result as a zip, a share link that opens without an account; and the Exports page.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { buildZip } from "../tests/helpers/zip-builder";
import { launchRun, waitForStatus } from "./run-api";

// The export action uploads with its run token as the runtime does: a JSON file, then (after a pause,
// so the page is seen updating live) a PNG it draws and a text file in a subfolder.
const EXPORT_PY = `import hashlib, json, os, struct, time, urllib.request, zlib

def png(width, height):
    rows = b"".join(b"\\x00" + b"".join(bytes((x * 4 % 256, y * 4 % 256, 160)) for x in range(width)) for y in range(height))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")

def put(path, data):
    req = urllib.request.Request(
        f"{os.environ['SYNAPSE_HOST'].rstrip('/')}/api/v1/runs/{os.environ['SYNAPSE_JOB_ID']}/artifacts/{path}", data=data, method="PUT",
        headers={"Authorization": f"Token {os.environ['SYNAPSE_ACCESS_TOKEN']}", "Content-Type": "application/octet-stream",
                 "X-Artifact-Sha256": hashlib.sha256(data).hexdigest()})
    urllib.request.urlopen(req).read()

def main(params, ctx):
    put("result.json", json.dumps({"dataset": "shapes", "counts": {"circle": 3, "square": 5}, "items": [{"id": i, "label": "circle"} for i in range(3)]}).encode())
    time.sleep(float(params.get("pause", 0)))
    put("images/cat.png", png(64, 48))
    put("notes/readme.txt", b"Exported by the e2e journey.\\nSecond line.\\n")
    put("data/labels.jsonl", b"".join(json.dumps({"id": i, "label": "circle" if i % 2 else "square"}).encode() + b"\\n" for i in range(3)) + json.dumps({"id": 3, "long": "x" * 300}).encode() + b"\\n")
    return {"files": 3}
`;

async function publishExporter(page: Page, baseURL: string): Promise<string> {
  const code = `e2e-files-${Date.now().toString(36)}`;
  const config = [
    `name: "Files ${code}"`,
    `code: ${code}`,
    `version: "1.0.0"`,
    "category: export",
    `description: "Uploads a few files for the result page journey."`,
    "actions:",
    "  export:",
    "    entrypoint: plugin.export:main",
    "    method: job",
  ].join("\n");
  const zip = buildZip([
    { name: `${code}/config.yaml`, data: config },
    { name: `${code}/README.md`, data: `# ${code}\n` },
    { name: `${code}/plugin/__init__.py`, data: "" },
    { name: `${code}/plugin/export.py`, data: EXPORT_PY },
  ]);
  const response = await page.request.post("/api/v1/plugins", {
    headers: { origin: baseURL },
    multipart: { file: { name: "p.zip", mimeType: "application/zip", buffer: zip } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return code;
}

const treeItem = (page: Page, name: string) => page.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name, exact: true });

test("a run's files: a live tree, JSON folding, an image, text, the zip, a share link without an account, and the Exports page", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000);
  const code = await publishExporter(page, baseURL!);
  const run = await launchRun(page.request, baseURL!, { plugin: code, action: "export", params: { target: "task", pause: 6, filter: { project: 424242 } } });

  // While it runs: the first file shows, and the rest arrive without a reload.
  await page.goto(`/runs/${run.id}`);
  await page.getByRole("tab", { name: /Files/ }).click();
  await waitForStatus(page.request, run.id, "running", 180_000);
  await expect(treeItem(page, "result.json")).toBeVisible({ timeout: 30_000 });
  await expect(treeItem(page, "cat.png")).toBeVisible({ timeout: 30_000 });
  await expect(treeItem(page, "readme.txt")).toBeVisible();
  await waitForStatus(page.request, run.id, "succeeded", 60_000);
  await expect(page.getByTestId("files-summary")).toContainText("4 files");
  await page.screenshot({ path: testInfo.outputPath("run-page-files-tab.png"), fullPage: true });

  // The result page of its own; folders are collapsible from the keyboard.
  await page.goto(`/runs/${run.id}/files`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${code} · export`);
  const images = treeItem(page, "images");
  await images.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(images).toHaveAttribute("aria-expanded", "false");
  await expect(treeItem(page, "cat.png")).toBeHidden();
  await page.keyboard.press("ArrowRight");
  await expect(treeItem(page, "cat.png")).toBeVisible();

  // JSON pretty-printed with folding.
  await page.keyboard.press("End");
  await expect(treeItem(page, "result.json")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(treeItem(page, "result.json")).toHaveAttribute("aria-selected", "true");
  const preview = page.getByRole("region", { name: "Preview of result.json" });
  await expect(preview).toContainText('"dataset": "shapes"');
  await expect(preview).toContainText('"square": 5');
  await preview.getByRole("button", { name: /Fold counts/ }).click();
  await expect(preview).not.toContainText('"square": 5');
  await expect(preview).toContainText("2 keys");
  await preview.getByRole("button", { name: /Unfold counts/ }).click();
  await expect(preview).toContainText('"square": 5');

  // The image as a thumbnail that opens full size.
  await treeItem(page, "cat.png").click();
  const thumbnail = page.getByTestId("image-thumbnail");
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await page.getByRole("button", { name: "Enlarge images/cat.png" }).click();
  await expect(page.getByRole("dialog", { name: "images/cat.png" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  // Text as text.
  await treeItem(page, "readme.txt").click();
  await expect(page.getByTestId("text-preview")).toContainText("Exported by the e2e journey.");

  // JSON Lines line by line: short records inline, a long one folded.
  await treeItem(page, "labels.jsonl").click();
  const lines = page.getByRole("list", { name: "data/labels.jsonl lines" });
  await expect(lines.getByRole("listitem")).toHaveCount(4);
  await expect(lines.getByRole("listitem").nth(1)).toContainText('2{"id":1,"label":"circle"}');
  await expect(lines.getByRole("button", { name: /Unfold root/ })).toHaveCount(1);

  for (const theme of ["light", "dark"]) {
    if (theme === "dark") await page.getByRole("button", { name: "Toggle dark mode" }).click();
    await treeItem(page, "result.json").click();
    await page.waitForTimeout(400); // colour transitions
    await page.screenshot({ path: testInfo.outputPath(`run-files-${theme}.png`), fullPage: true });
  }
  await page.getByRole("button", { name: "Toggle dark mode" }).click(); // leave the saved theme as it was

  // The whole result as a zip holding the files.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download all \(\.zip/ }).click()]);
  const dir = mkdtempSync(path.join(os.tmpdir(), "run-files-e2e-"));
  const zipPath = path.join(dir, "result.zip");
  await download.saveAs(zipPath);
  expect(readFileSync(zipPath).subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
  expect(execFileSync("unzip", ["-Z1", zipPath], { encoding: "utf8" }).trim().split("\n").sort()).toEqual([
    "data/labels.jsonl",
    "images/cat.png",
    "notes/readme.txt",
    "result.json",
  ]);
  execFileSync("unzip", ["-q", zipPath, "-d", path.join(dir, "out")]);
  expect(readFileSync(path.join(dir, "out/notes/readme.txt"), "utf8")).toBe("Exported by the e2e journey.\nSecond line.\n");

  // A share link, with the expiry picked, copied; it opens without an account.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Share…" }).click();
  await page.getByLabel("Link works for").selectOption({ label: "1 hour" });
  await page.getByRole("button", { name: "Create link" }).click();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();
  expect(link).toContain(`/runs/${run.id}/files?share=`);
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await page.screenshot({ path: testInfo.outputPath("run-files-share.png") });

  const visitor = await (await browser.newContext({ baseURL, storageState: undefined })).newPage();
  await visitor.goto(link);
  await expect(visitor.getByText("Shared result")).toBeVisible();
  await expect(treeItem(visitor, "result.json")).toBeVisible();
  await treeItem(visitor, "result.json").click();
  await expect(visitor.getByRole("region", { name: "Preview of result.json" })).toContainText('"dataset": "shapes"');
  await expect(visitor.getByRole("button", { name: "Share…" })).toHaveCount(0);
  const shared = await visitor.request.get(
    await visitor
      .getByRole("link", { name: /Download all/ })
      .getAttribute("href")
      .then((href) => href!),
  );
  expect(shared.status()).toBe(200);
  expect((await shared.body()).equals(readFileSync(zipPath))).toBe(true);
  await visitor.goto(`/runs/${run.id}/files`);
  await expect(visitor).toHaveURL(/\/sign-in/);
  await visitor.context().close();

  // The Exports page lists it, with its size, target and a download.
  await page.goto("/exports");
  const row = page.locator(`li[data-run-id="${run.id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Tasks");
  await expect(row).toContainText("4 files");
  await expect(row).toContainText("#424242");
  await expect(row.getByRole("link", { name: /Download .* \(\.zip\)/ })).toHaveAttribute("href", `/api/v1/runs/${run.id}/archive`);
  await page.screenshot({ path: testInfo.outputPath("exports-light.png"), fullPage: true });
  await page.getByRole("button", { name: "Toggle dark mode" }).click();
  await page.waitForTimeout(400); // colour transitions
  await page.screenshot({ path: testInfo.outputPath("exports-dark.png"), fullPage: true });
  await page.getByRole("button", { name: "Toggle dark mode" }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("exports-phone.png"), fullPage: true });
  await page.goto(`/runs/${run.id}/files`);
  await expect(treeItem(page, "result.json")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("run-files-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/exports");
  await row.getByRole("link", { name: /Open the files/ }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${run.id}/files$`));
});

test("a share link opened while the run still works follows it to the end, without an account", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const code = await publishExporter(page, baseURL!);
  const run = await launchRun(page.request, baseURL!, { plugin: code, action: "export", params: { target: "task", pause: 20, filter: { project: 424242 } } });
  await waitForStatus(page.request, run.id, "running", 180_000);
  const created = await page.request.post(`/api/v1/runs/${run.id}/share`, { headers: { origin: baseURL! }, data: { expiresInSeconds: 3600 } });
  expect(created.status(), await created.text()).toBe(201);
  const { token } = (await created.json()) as { token: string };

  const visitor = await (await browser.newContext({ baseURL, storageState: undefined })).newPage();
  await visitor.goto(`/runs/${run.id}/files?share=${encodeURIComponent(token)}`);
  await expect(visitor.getByText("Shared result")).toBeVisible();
  await expect(visitor.getByTestId("run-status")).toHaveText("running");
  // The run ends: the badge says so and the files are all there, without a reload.
  await expect(visitor.getByTestId("run-status")).toHaveText("succeeded", { timeout: 60_000 });
  await expect(visitor.getByTestId("files-summary")).toContainText("4 files");
  await visitor.screenshot({ path: testInfo.outputPath("share-followed-to-end.png") });
  // Over, it stops asking: no list reads in the next polling periods (after the one the status change itself asks for).
  await visitor.waitForTimeout(2000);
  let reads = 0;
  visitor.on("request", (request) => {
    if (request.url().includes(`/api/v1/runs/${run.id}/artifacts`)) reads++;
  });
  await visitor.waitForTimeout(7000);
  expect(reads).toBe(0);
  await visitor.context().close();
});
