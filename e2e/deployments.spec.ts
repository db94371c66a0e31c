// Serve actions on the local backend: launched from their form, called through the hub's proxy, and
// the interactive UI embedded in the run page.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { getRun, waitForStatus } from "./run-api";

const SLOW = 150_000;

/** Launches one of the example's serve actions from its form; answers the run's id once it serves. */
async function startFromForm(page: Page, request: APIRequestContext, action: string): Promise<string> {
  await page.goto(`/plugins/tiny-classifier/run/${action}`);
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1)!;
  await waitForStatus(request, id, "running", SLOW);
  return id;
}

test("start the example inference deployment from its form, call it through the proxy, and stop it", async ({ page, request }) => {
  test.setTimeout(SLOW + 60_000);
  const id = await startFromForm(page, request, "inference");
  await expect(page.getByTestId("run-status")).toHaveText("running");
  const link = page.getByRole("link", { name: `/serve/${id}/` });
  await expect(link).toBeVisible();

  // A script calls the deployment through the hub, as its users would.
  const answer = await request.post(`/serve/${id}/predict`, {
    data: {
      points: [
        [2, 2],
        [-2, -2],
      ],
    },
  });
  expect(answer.status()).toBe(200);
  const prediction = await answer.json();
  expect(JSON.stringify(prediction)).toMatch(/label|probabilit/i);

  // The runs page lists it among the deployments, with its address.
  await page.goto("/runs");
  const deployments = page.getByRole("region", { name: /Deployments/ });
  await expect(deployments.getByRole("link", { name: "tiny-classifier · inference" })).toBeVisible();
  await expect(deployments.getByText(`/serve/${id}/`)).toBeVisible();
  await deployments.getByRole("link", { name: "tiny-classifier · inference" }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${id}$`));

  // Stopping it ends the run; the address stops answering.
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Yes, cancel run" }).click();
  await expect(page.getByTestId("run-status")).toHaveText("cancelled", { timeout: 30_000 });
  expect((await getRun(request, id)).serveUrl).toBeNull();
  expect((await request.get(`/serve/${id}/`)).status()).toBe(503);
});

test("the interactive UI (gradio) opens embedded in the run page, and answers", async ({ page, request }) => {
  test.setTimeout(SLOW + 60_000);
  await startFromForm(page, request, "gradio");
  const ui = page.frameLocator('iframe[title="gradio UI"]');
  await expect(ui.getByRole("heading", { name: "Tiny Classifier" })).toBeVisible({ timeout: 30_000 });
  await ui.getByLabel("x").fill("2");
  await ui.getByLabel("y").fill("2");
  await ui.getByRole("button", { name: "Predict" }).click();
  await expect(ui.locator("#answer")).toContainText("Class 1");
  await page.screenshot({ path: "test-results/gradio-embedded.png", fullPage: true });
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Yes, cancel run" }).click();
  await expect(page.getByTestId("run-status")).toHaveText("cancelled", { timeout: 30_000 });
});
