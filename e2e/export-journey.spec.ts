// The export journey, as a person makes it: download the example project and import it from the
// Projects page; from its page run the example export plugin for each of the three targets, watching
// the run; open its result page, preview the manifest JSON, download the zip, and check what it holds
// against the project itself (ids, counts, the original images' bytes).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

type Item = { id: number; files: { url: string; fileName: string }[] };

/** Every item of one kind, through the projects API (the page size it allows). */
async function projectItems(request: APIRequestContext, projectId: number, kind: string, version?: number): Promise<Item[]> {
  const items: Item[] = [];
  for (let page = 1; ; page++) {
    const response = await request.get(`/api/v1/projects/${projectId}/items?kind=${kind}&limit=100&page=${page}${version ? `&version=${version}` : ""}`);
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { items: Item[] };
    items.push(...body.items);
    if (body.items.length < 100) return items;
  }
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** From the project page: Export… → the example plugin, a target (and version), a name → the run's page. */
async function launchExport(page: Page, projectId: number, target: RegExp, name: string, version?: string): Promise<string> {
  await page.goto(`/projects/${projectId}`);
  await page.getByRole("link", { name: "Export…" }).click();
  await expect(page).toHaveURL(`/projects/${projectId}/export`);
  await expect(page.getByTestId("export-plugin")).toContainText("dataset-exporter@"); // the example plugin comes first
  await page.getByRole("radio", { name: target }).check();
  if (version) await expect(page.getByRole("combobox", { name: "Ground-truth version" }).locator("option:checked")).toContainText(version); // the newest is chosen
  await page.getByRole("textbox", { name: "Output name" }).fill(name);
  await page.getByRole("button", { name: "Start export" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("import the example project, export each target, preview, download the zip and check it against the project", async ({ page }, testInfo) => {
  test.setTimeout(480_000);

  // The example project, downloaded from the Projects page and imported through its form.
  await page.goto("/projects");
  await page.getByRole("button", { name: "Import a project" }).click();
  await page.getByText("What goes in the file").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the example project (.zip)" }).click()]);
  const dir = mkdtempSync(path.join(os.tmpdir(), "export-journey-"));
  const exampleZip = path.join(dir, "example-shapes.zip");
  await download.saveAs(exampleZip);
  const importing = page.waitForResponse((r) => r.url().endsWith("/api/v1/projects") && r.request().method() === "POST");
  await page.getByLabel("Project file").setInputFiles(exampleZip);
  const imported = await importing;
  expect(imported.status()).toBe(201);
  const projectId = ((await imported.json()) as { id: number }).id;
  await expect(page.getByRole("status")).toContainText("36 tasks, 42 assignments, 56 ground-truth events");

  const detail = (await (await page.request.get(`/api/v1/projects/${projectId}`)).json()) as {
    groundTruthVersions: { id: number; name: string; events: number }[];
  };
  const v2 = detail.groundTruthVersions.find((v) => v.name === "v2")!;
  const expected = {
    assignment: await projectItems(page.request, projectId, "assignment"),
    task: await projectItems(page.request, projectId, "task"),
    ground_truth: await projectItems(page.request, projectId, "ground_truth", v2.id),
  };
  expect([expected.assignment.length, expected.task.length, expected.ground_truth.length]).toEqual([42, 36, 32]);

  const exports = [
    { target: "assignment", radio: /Assignments/, name: "journey-assignments" },
    { target: "ground_truth", radio: /Ground truth/, name: "journey-gt-v2", version: "v2 · 32 events" },
    { target: "task", radio: /Tasks/, name: "journey-tasks" },
  ] as const;
  const runs: string[] = [];
  for (const { target, radio, name, ...rest } of exports) {
    const runId = await launchExport(page, projectId, radio, name, "version" in rest ? rest.version : undefined);
    runs.push(runId);
    // Watched live: the progress bar moves to the end, the run succeeds, its files appear.
    await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 150_000 });
    await expect(page.getByRole("progressbar").first()).toHaveAttribute("aria-valuenow", "100");
    await page.getByRole("tab", { name: /Files/ }).click();
    await expect(page.getByRole("tree", { name: "Files" }).getByRole("treeitem", { name: `${target}.jsonl`, exact: true })).toBeVisible({ timeout: 30_000 });

    // The result page: the manifest previewed as JSON.
    await page.goto(`/runs/${runId}/files`);
    const tree = page.getByRole("tree", { name: "Files" });
    await tree.getByRole("treeitem", { name: "manifest.json", exact: true }).click();
    const preview = page.getByRole("region", { name: `Preview of ${name}/manifest.json` });
    await expect(preview).toContainText(`"target": "${target}"`);
    await expect(preview).toContainText(`"count": ${expected[target].length}`);
    await page.screenshot({ path: testInfo.outputPath(`result-${target}.png`), fullPage: true });

    // The whole result as one zip: the records are the project's items, the originals their bytes.
    const [zipDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download all \(\.zip/ }).click()]);
    const zipPath = path.join(dir, `${target}.zip`);
    await zipDownload.saveAs(zipPath);
    const out = path.join(dir, target);
    execFileSync("unzip", ["-q", zipPath, "-d", out]);
    const records = readFileSync(path.join(out, name, `${target}.jsonl`), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: number });
    expect(records.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected[target].map((i) => i.id).sort((a, b) => a - b));
    const originals = readdirSync(path.join(out, name, "origin_files"));
    expect(originals.length).toBeGreaterThan(0);
    const first = expected[target].find((i) => originals.includes(i.files[0]?.fileName))!;
    const original = await page.request.get(first.files[0].url);
    expect(sha256(readFileSync(path.join(out, name, "origin_files", first.files[0].fileName)))).toBe(sha256(await original.body()));
  }

  // The Exports page lists the three, with their targets and a download each.
  await page.goto("/exports");
  for (const [i, runId] of runs.entries()) {
    const row = page.locator(`li[data-run-id="${runId}"]`);
    await expect(row).toContainText(["Assignments", "Ground truth", "Tasks"][i]);
    await expect(row.getByRole("link", { name: /Download .* \(\.zip\)/ })).toHaveAttribute("href", `/api/v1/runs/${runId}/archive`);
  }
  await page.screenshot({ path: testInfo.outputPath("exports.png"), fullPage: true });
});
