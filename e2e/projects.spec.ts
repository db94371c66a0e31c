// The projects pages: the example project the hub seeds on first start, listed with its counts; its page
// with counts, ground-truth versions and a paged browser of items with thumbnails; an import from the
// list page (every error at its file and line); and an export launched from the project page.
import { expect, test, type Page, type Request } from "@playwright/test";
import { configYaml } from "../tests/helpers/plugin-config";
import { buildZip } from "../tests/helpers/zip-builder";

const EXAMPLE = "Example: coloured shapes";

/** Screenshots of a page in light and dark, for a person to look at (kept in the test's output folder). */
async function shoot(page: Page, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    // From the top: the sticky header would otherwise sit in the middle of a full-page shot.
    await page.evaluate((dark) => (document.documentElement.classList.toggle("dark", dark), window.scrollTo(0, 0)), scheme === "dark");
    await page.screenshot({ path: test.info().outputPath(`${name}-${scheme}.png`), fullPage: true });
  }
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
}

/** The seeded example: the oldest project of that name (the export journey imports another copy); the list is newest first. */
const exampleCard = (page: Page) =>
  page
    .getByRole("list", { name: "Projects" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: EXAMPLE }) })
    .last();

async function openExample(page: Page): Promise<number> {
  await page.goto("/projects");
  const card = exampleCard(page);
  await card.getByRole("link", { name: EXAMPLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: EXAMPLE })).toBeVisible();
  return Number(new URL(page.url()).pathname.split("/").pop());
}

test("the seeded example project is listed with its counts, and its page browses items with thumbnails", async ({ page }) => {
  await page.goto("/projects");
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  const card = exampleCard(page);
  for (const text of ["36 tasks", "36 files", "42 assignments", "2 ground-truth versions", "56 ground-truth events"]) await expect(card).toContainText(text);
  await shoot(page, "projects-list");

  await card.getByRole("link", { name: EXAMPLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: EXAMPLE })).toBeVisible();
  const versions = page.getByRole("list", { name: "Ground-truth versions" });
  await expect(versions.getByRole("listitem")).toHaveCount(2);
  await expect(versions.getByRole("listitem").first()).toContainText("v2");
  await expect(versions.getByRole("listitem").first()).toContainText("32 events");
  await expect(versions.getByRole("listitem").last()).toContainText("24 events");
  await expect(page.getByRole("list", { name: "Assignments per status" }).locator("[data-status='approved']")).toContainText("24");

  // Tasks: 24 a page, each with its image as a thumbnail that really loaded.
  const tasks = page.getByRole("list", { name: "tasks", exact: true });
  await expect(tasks.getByRole("listitem")).toHaveCount(24);
  await expect(page.getByTestId("item-range").first()).toHaveText("1–24 of 36 tasks");
  const firstImage = tasks.getByRole("img").first();
  await expect(firstImage).toHaveAccessibleName("shape-001: shape-001.png");
  await expect.poll(() => firstImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
  await shoot(page, "project-tasks");
  await page.getByRole("button", { name: "Next →" }).first().click();
  await expect(page.getByTestId("item-range").first()).toHaveText("25–36 of 36 tasks");
  await expect(tasks.getByRole("listitem")).toHaveCount(12);

  // Assignments: worker, status, and the boxes drawn over the image. The tabs work from the keyboard.
  await page.getByRole("tab", { name: /Tasks/ }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: /Assignments/ })).toHaveAttribute("aria-selected", "true");
  const assignments = page.getByRole("list", { name: "assignments", exact: true });
  await expect(assignments.getByRole("listitem")).toHaveCount(24);
  await expect(assignments.getByRole("listitem").first()).toContainText("ann");
  await expect(assignments.getByRole("listitem").first()).toContainText("approved");
  await expect(assignments.getByRole("listitem").first().locator("svg rect").first()).toBeVisible();
  await shoot(page, "project-assignments");

  // Ground truth, one version at a time.
  await page.getByRole("tab", { name: /Ground truth/ }).click();
  await expect(page.getByTestId("item-range").last()).toHaveText("1–24 of 32 ground-truth events");
  await page.getByRole("combobox", { name: "Version" }).selectOption({ label: "v1 (24 events)" });
  await expect(page.getByTestId("item-range").last()).toHaveText("1–24 of 24 ground-truth events");

  // On a phone the page holds together: no sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shoot(page, "project-phone");
});

test("import from the projects page: a bad .jsonl lists every error at its line, the fixed one is imported", async ({ page }) => {
  const tag = `${Date.now()}`;
  const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";
  // Two mistakes on two lines: a status that does not exist, and ground truth for a task that does not.
  const lines = (bad: boolean) =>
    [
      { type: "project", name: `Imported ${tag}` },
      { type: "task", key: "t1", files: { image: { data: png, name: "dot.png" } } },
      { type: "assignment", task: "t1", worker: "ann", status: bad ? "done" : "approved" },
      { type: "ground_truth", version: "v1", task: bad ? "ghost" : "t1", category: "dot" },
    ]
      .map((line) => JSON.stringify(line))
      .join("\n");

  await page.goto("/projects");
  await page.getByRole("button", { name: "Import a project" }).click();
  const input = page.getByLabel("Project file");
  await input.setInputFiles({ name: "bad.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(lines(true)) });
  const errors = page.getByTestId("import-errors");
  await expect(errors).toBeVisible();
  await expect(page.getByRole("alert").filter({ has: errors })).toContainText("nothing was imported");
  await expect(page.getByRole("alert").filter({ has: errors })).toContainText("The import has 2 errors");
  await expect(errors.getByRole("row").filter({ hasText: "status" })).toContainText(/\(upload\)\.jsonl\s*3\s*status/);
  await expect(errors.getByRole("row").filter({ hasText: "ghost" })).toContainText(/\(upload\)\.jsonl\s*4\s*task/);
  await shoot(page, "projects-import-errors");

  await input.setInputFiles({ name: "good.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(lines(false)) });
  await expect(page.getByRole("status")).toContainText(`Imported Imported ${tag}: 1 task, 1 assignment, 1 ground-truth event.`);
  await expect(page.getByRole("list", { name: "Projects" }).getByRole("link", { name: `Imported ${tag}` })).toBeVisible();
});

test("launch the example export plugin from the project page: ExportParams for the target, then the run's page", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  // A debug release of another export plugin: offered too, and marked as one.
  const debugCode = `e2e-debug-exporter-${Date.now()}`;
  const config = configYaml({ code: debugCode, version: "0.1.0", category: "export", name: `Debug exporter ${debugCode}` }).replace(
    "actions:\n  run:",
    "actions:\n  export:",
  );
  const archive = buildZip([
    { name: `${debugCode}/config.yaml`, data: config },
    { name: `${debugCode}/plugin/main.py`, data: "def run(params, ctx):\n    return {}\n" },
  ]);
  const published = await page.request.post("/api/v1/plugins?debug=true", {
    headers: { origin: baseURL! },
    multipart: { file: { name: "debug.zip", mimeType: "application/zip", buffer: archive } },
  });
  expect(published.status(), await published.text()).toBe(201);

  const id = await openExample(page);
  await page.getByRole("link", { name: "Export…" }).click();
  await expect(page).toHaveURL(`/projects/${id}/export`);
  await expect(page.getByRole("combobox", { name: "Export plugin" })).toContainText("Dataset Exporter 1.1.0");
  await expect(page.getByTestId("export-plugin")).toContainText("dataset-exporter@1.1.0 · export");
  const plugin = page.getByRole("combobox", { name: "Export plugin" });
  await expect(plugin.locator("optgroup[label='Debug releases'] option", { hasText: `Debug exporter ${debugCode} 0.1.0 (debug)` })).toHaveCount(1);
  await plugin.selectOption({ label: `Debug exporter ${debugCode} 0.1.0 (debug)` });
  await expect(page.getByTestId("export-plugin").locator("[data-debug-badge]")).toBeVisible();
  await expect(page.getByText("A debug release: it may be replaced under the same version.")).toBeVisible();
  await plugin.selectOption({ label: "Dataset Exporter 1.1.0" });
  await expect(page.getByTestId("export-plugin").locator("[data-debug-badge]")).toHaveCount(0);

  // A blank name is refused at the field, and nothing is sent.
  const name = page.getByRole("textbox", { name: "Output name" });
  await expect(name).toHaveValue("example-coloured-shapes-assignment");
  await name.fill("  ");
  await page.getByRole("button", { name: "Start export" }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toBeFocused();

  await page.getByRole("radio", { name: /Ground truth/ }).check();
  const version = page.getByRole("combobox", { name: "Ground-truth version" });
  await version.selectOption({ index: 1 }); // v1, the older one
  const versionId = Number(await version.inputValue());
  await name.fill("shapes-gt-v1");
  await shoot(page, "project-export");

  const sent: Request[] = [];
  page.on("request", (request) => request.method() === "POST" && new URL(request.url()).pathname === "/api/v1/runs" && sent.push(request));
  await page.keyboard.press("Control+Enter");
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  expect(sent).toHaveLength(1);
  expect(sent[0].postDataJSON()).toEqual({
    plugin: "dataset-exporter",
    version: "1.1.0",
    action: "export",
    params: {
      name: "shapes-gt-v1",
      storage: 1,
      path: "/",
      target: "ground_truth",
      filter: { ground_truth_dataset_version: versionId },
      save_original_file: true,
    },
  });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("dataset-exporter");
  await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 150_000 });
});
