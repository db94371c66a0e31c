import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { allEvents, getRun, launchRun, waitForStatus } from "./run-api";

// The seeded example's train action on the local backend. The first run of a version also builds its
// Python environment, so the first status change can take a while.
const TRAIN = { plugin: "tiny-classifier", action: "train" };
// The example pauses `sleep_per_epoch` seconds per epoch: ~15 s to watch and reload; ~8 min to cancel.
const WATCHABLE = { epochs: 50, sleep_per_epoch: 0.3 };
const LONG = { epochs: 500, sleep_per_epoch: 1 };
const SLOW = 180_000;

const overallPercent = async (page: Page) => Number(await page.getByRole("progressbar", { name: "Overall" }).getAttribute("aria-valuenow"));
const logCount = async (page: Page) => Number(await page.getByTestId("log-count").getAttribute("data-count"));

test("watch a training run live: the progress bar moves, the loss chart grows, it succeeds, and a reload mid-run misses nothing", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(SLOW + 60_000);
  const run = await launchRun(request, baseURL!, { ...TRAIN, params: WATCHABLE });
  await page.goto(`/runs/${run.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("tiny-classifier · train");

  // Progress moves: at least two different values below 100 % are seen while it runs.
  await waitForStatus(request, run.id, "running", SLOW);
  await expect(page.getByTestId("run-status")).toHaveText("running");
  const seen = new Set<number>();
  await expect
    .poll(
      async () => {
        const percent = await overallPercent(page).catch(() => NaN);
        if (percent >= 0 && percent < 100) seen.add(percent);
        return seen.size;
      },
      { timeout: 60_000, intervals: [100] },
    )
    .toBeGreaterThanOrEqual(2);

  // The loss chart grows while the run is live.
  await page.getByRole("tab", { name: /Metrics/ }).click();
  const lossChart = page.locator("figure").filter({ hasText: /loss/ }).first().getByTestId("metric-chart");
  await expect.poll(async () => Number(await lossChart.getAttribute("data-points")), { timeout: 60_000 }).toBeGreaterThan(0);
  const pointsBefore = Number(await lossChart.getAttribute("data-points"));
  if ((await getRun(request, run.id)).status === "running") {
    await expect.poll(async () => Number(await lossChart.getAttribute("data-points")), { timeout: 60_000 }).toBeGreaterThan(pointsBefore);
  }

  // A reload mid-run refolds every event from the first one.
  const beforeReload = await getRun(request, run.id);
  await page.reload();
  await expect(page.getByTestId("log-count")).toBeVisible();
  expect.soft(beforeReload.status, "the run should still be live when the page reloads (make WATCHABLE longer)").toBe("running");

  await waitForStatus(request, run.id, "succeeded", SLOW);
  await expect(page.getByTestId("run-status")).toHaveText("succeeded");
  await expect(page.getByRole("progressbar", { name: "Overall" })).toHaveAttribute("aria-valuenow", "100");
  // Nothing missed and nothing twice: the viewer holds exactly the API's log lines.
  const logEvents = (await allEvents(request, run.id)).filter((event) => event.type === "log");
  expect(logEvents.length).toBeGreaterThan(0);
  await expect.poll(() => logCount(page)).toBe(logEvents.length);
  const lastLine = (logEvents.at(-1)!.data as { message: string }).message;
  await page.getByRole("tab", { name: /Logs/ }).click();
  await expect(page.getByRole("log", { name: "Run log" })).toContainText(lastLine);
  await expect.poll(async () => Number(await lossChart.getAttribute("data-points"))).toBeGreaterThan(1);

  // The result and the params are shown; the log downloads as text.
  await page.getByRole("tab", { name: "Result" }).click();
  await expect(page.getByRole("tabpanel", { name: "Result" })).toContainText("val_accuracy");
  await page.getByRole("tab", { name: "Params" }).click();
  await expect(page.getByRole("tabpanel", { name: "Params" })).toContainText('"epochs": 50');
  await page.getByRole("tab", { name: /Logs/ }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download" }).click()]);
  expect(download.url()).toContain(`/api/v1/runs/${run.id}/logs`);

  // Run again: the same version, action and params, as a new run.
  await page.getByRole("button", { name: "Run again" }).click();
  await expect(page).not.toHaveURL(new RegExp(run.id));
  const againId = page.url().split("/runs/")[1];
  const again = await getRun(request, againId);
  expect({ plugin: again.plugin, version: again.version, action: again.action, params: again.params }).toEqual({
    plugin: run.plugin,
    version: run.version,
    action: run.action,
    params: run.params,
  });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("tiny-classifier · train");
});

test("cancel a long run from its page; the home page and the runs list show it live", async ({ page, request, baseURL }) => {
  test.setTimeout(SLOW + 60_000);
  const run = await launchRun(request, baseURL!, { ...TRAIN, params: LONG });
  await waitForStatus(request, run.id, "running", SLOW);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Plugin catalog" })).toBeVisible();
  await expect(page.locator(`[data-run-id="${run.id}"]`)).toBeVisible();

  await page.goto("/runs?status=running");
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("running");
  await page.locator(`li[data-run-id="${run.id}"]`).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/runs/${run.id}$`));

  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Yes, cancel run" }).click();
  await expect(page.getByTestId("run-status")).toHaveText("cancelled", { timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Cancel" })).toHaveCount(0);
  expect((await getRun(request, run.id)).status).toBe("cancelled");

  // The runs list agrees.
  await page.goto("/runs");
  await expect(page.locator(`li[data-run-id="${run.id}"]`)).toHaveAttribute("data-status", "cancelled");
});

test("an unknown run shows a not-found state", async ({ page }) => {
  await page.goto(`/runs/${randomUUID()}`);
  await expect(page.getByRole("heading", { name: "Run not found" })).toBeVisible();
  await page.goto("/runs/not-a-run-id");
  await expect(page.getByRole("heading", { name: "Run not found" })).toBeVisible();
});
