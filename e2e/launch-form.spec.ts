// The launch form of an action: generated from its FormKit schema, checked in the browser, sent once,
// and launched for real on the local backend. Answers the hub cannot be made to give on demand (a 503,
// an expired session) are played by page.route, to check how the form shows them.
import { expect, test, type Page, type Request } from "@playwright/test";
import { pluginZip } from "../tests/helpers/hub";
import { ADMIN } from "./admin";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Records every launch the page sends to the real API. */
function watchLaunches(page: Page): Request[] {
  const sent: Request[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/v1/runs") sent.push(request);
  });
  return sent;
}

/** Answers launches with `answer` and records every request that reached the "server". */
async function fakeRunsApi(page: Page, answer: (n: number) => { status: number; body: unknown; delayMs?: number }): Promise<Request[]> {
  const sent: Request[] = [];
  await page.route("**/api/v1/runs", async (route) => {
    sent.push(route.request());
    const { status, body, delayMs = 0 } = answer(sent.length);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    await route.fulfill({ status, contentType: status < 400 ? "application/json" : "application/problem+json", body: JSON.stringify(body) });
  });
  return sent;
}

test("launch the classifier's train action from its form: checked in the browser, sent once with an Idempotency-Key, and it runs", async ({ page }) => {
  test.setTimeout(180_000);
  const sent = watchLaunches(page);

  await page.goto("/plugins/tiny-classifier");
  await page.getByRole("tab", { name: /Actions/ }).click();
  await page.getByRole("link", { name: "Run train" }).click();
  await expect(page).toHaveURL(/\/plugins\/tiny-classifier\/run\/train\?version=1\.0\.0$/);
  await expect(page.getByRole("heading", { level: 1, name: "Run train" })).toBeVisible();
  await expect(page.getByText("Train on a generated two-class dataset")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Version" })).toHaveValue("1.0.0");

  // The schema's fields with their values, help and limits.
  const epochs = page.getByRole("spinbutton", { name: "Epochs" });
  await expect(epochs).toHaveValue("20");
  await expect(epochs).toHaveAttribute("max", "500");
  await expect(page.getByText("Passes over the training data.")).toBeVisible();
  await expect(page.getByRole("spinbutton", { name: "Learning rate" })).toHaveValue("0.1");
  await expect(page.getByRole("spinbutton", { name: "Random seed" })).toHaveValue("7");

  // Out of range: the browser says so at the field and sends nothing.
  await epochs.fill("501");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByText("must be at most 500")).toBeVisible();
  await expect(epochs).toHaveAttribute("aria-invalid", "true");
  await expect(epochs).toBeFocused();
  const problem = page.getByRole("form", { name: "Launch train" }).getByRole("alert");
  await expect(problem).toContainText("One field needs attention.");
  await page.getByRole("spinbutton", { name: "Learning rate" }).fill("0.00015"); // off the 0.0001 grid
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByText("must be 0.0001 plus a multiple of 0.0001")).toBeVisible();
  await expect(problem).toContainText("2 fields need attention.");
  expect(sent).toHaveLength(0);

  // Fixed, then sent from the keyboard; a double click while it is on its way makes no second request.
  await epochs.fill("30");
  await expect(page.getByText("must be at most 500")).toHaveCount(0);
  await page.getByRole("spinbutton", { name: "Learning rate" }).fill("0.0003");
  // The real API answers within milliseconds: hold the launch a second on its way, so the double
  // click lands while it travels.
  await page.route("**/api/v1/runs", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.continue();
  });
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("button", { name: "Launching…" })).toBeDisabled();
  await page.getByRole("button", { name: "Launching…" }).dblclick({ force: true });
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  expect(sent).toHaveLength(1);
  const request = sent[0];
  expect(request.headers()["idempotency-key"]).toMatch(UUID);
  expect(request.headers()["content-type"]).toBe("application/json");
  expect(request.postDataJSON()).toEqual({
    plugin: "tiny-classifier",
    version: "1.0.0",
    action: "train",
    params: { epochs: 30, learning_rate: 0.0003, samples: 400, seed: 7, sleep_per_epoch: 0.1 },
  });
  // The run page follows the real run to its end.
  await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 150_000 });
});

test("the server's refusals show at their fields or above the form; only a refusal renews the key", async ({ page }) => {
  const problem = (status: number, code: string, detail: string, errors?: unknown[]) => ({
    status,
    body: { type: `/problems/${code}`, title: code, status, detail, code, ...(errors ? { errors } : {}) },
  });
  const answers = [
    problem(422, "validation_failed", "The request is not valid.", [
      { path: "params.samples", message: "is more than this hub allows" },
      { path: "gpu", message: "no GPU on this backend" },
    ]),
    problem(401, "unauthorized", "Sign in first."),
    problem(503, "unavailable", "The queue is not accepting launches."),
    { status: 201, body: { id: "run-e2e-2", status: "queued" } },
  ];
  const sent = await fakeRunsApi(page, (n) => answers[n - 1]);
  await page.goto("/plugins/tiny-classifier/run/train");
  const run = page.getByRole("button", { name: "Run" });
  await run.click();
  const alert = page.getByRole("form", { name: "Launch train" }).getByRole("alert");
  await expect(alert).toContainText("The request is not valid.");
  await expect(alert).toContainText("validation_failed");
  await expect(alert).toContainText("gpu no GPU on this backend");
  await expect(page.getByText("is more than this hub allows")).toBeVisible();
  await expect(page.getByRole("spinbutton", { name: "Samples" })).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("spinbutton", { name: "Samples" }).fill("20");
  await run.click();
  await expect(alert).toContainText("Sign in first.");
  await expect(alert.getByRole("link", { name: "Sign in again" })).toHaveAttribute("href", "/sign-in");

  await run.click();
  await expect(alert).toContainText("The queue is not accepting launches.");
  await run.click(); // a retry after a server error: the same key, so it can never make two runs
  await expect(page).toHaveURL(/\/runs\/run-e2e-2$/);

  const keys = sent.map((r) => r.headers()["idempotency-key"]);
  expect(keys).toHaveLength(4);
  keys.forEach((key) => expect(key).toMatch(UUID));
  expect(keys[1]).not.toBe(keys[0]);
  expect(keys[2]).not.toBe(keys[1]);
  expect(keys[3]).toBe(keys[2]);
});

test("an action without a form takes its params as a JSON object", async ({ page, request, baseURL }) => {
  const code = `e2e-json-${Date.now().toString(36)}`;
  const published = await request.post("/api/v1/plugins", {
    headers: { origin: baseURL! },
    multipart: { file: { name: "p.zip", mimeType: "application/zip", buffer: pluginZip({ code }) } },
  });
  expect(published.status()).toBe(201);
  const sent = watchLaunches(page);

  await page.goto(`/plugins/${code}/run/run`);
  const editor = page.getByRole("textbox", { name: "Params (JSON)" });
  await editor.fill("[1, 2]");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByText("must be a JSON object")).toBeVisible();
  await editor.fill('{"threshold": 0.5');
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.getByText(/is not valid JSON/)).toBeVisible();
  expect(sent).toHaveLength(0);

  await editor.fill('{"threshold": 0.5, "labels": ["cat"]}');
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  expect(sent[0].postDataJSON()).toEqual({ plugin: code, version: "1.0.0", action: "run", params: { threshold: 0.5, labels: ["cat"] } });
});

test("the form reads well in dark mode, and visitors are sent to sign in", async ({ page, browser }) => {
  await page.goto("/plugins/dataset-exporter/run/export");
  await page.getByRole("button", { name: "Toggle dark mode" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  const target = page.getByRole("combobox", { name: /What to export/ });
  await expect(target).toHaveValue("1"); // ground_truth, the second option
  const background = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe("rgb(255, 255, 255)");
  await expect(page.getByRole("checkbox", { name: "Include original files" })).not.toBeChecked();
  await page.getByRole("button", { name: "Toggle dark mode" }).click(); // leave the saved theme as it was

  const visitor = await (await browser.newContext({ storageState: undefined })).newPage();
  await visitor.goto("/plugins/tiny-classifier/run/train");
  await expect(visitor).toHaveURL(/\/sign-in\?next=%2Fplugins%2Ftiny-classifier%2Frun%2Ftrain$/);
  // Signing in comes back to the form.
  await visitor.getByLabel("Email").fill(ADMIN.email);
  await visitor.getByLabel("Password").fill(ADMIN.password);
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor).toHaveURL(/\/plugins\/tiny-classifier\/run\/train$/);
  await visitor.context().close();
});
