// Launching and reading runs through the API in journeys, as a script would.
import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import type { RunDto, RunEventDto } from "../lib/runs/schemas";

export async function launchRun(
  request: APIRequestContext,
  baseURL: string,
  body: { plugin: string; action: string; params: Record<string, unknown> },
): Promise<RunDto> {
  // Signed in with the admin's cookie: a cookie-authenticated mutation must say where it comes from.
  const response = await request.post("/api/v1/runs", { headers: { origin: baseURL, "idempotency-key": randomUUID() }, data: body });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as RunDto;
}

export async function getRun(request: APIRequestContext, id: string): Promise<RunDto> {
  const response = await request.get(`/api/v1/runs/${id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as RunDto;
}

/** Every event of a run, paged as the API pages them. */
export async function allEvents(request: APIRequestContext, id: string): Promise<RunEventDto[]> {
  const events: RunEventDto[] = [];
  for (let after = 0; ;) {
    const response = await request.get(`/api/v1/runs/${id}/events?after=${after}&limit=5000`);
    expect(response.ok()).toBe(true);
    const page = (await response.json()) as { items: RunEventDto[]; nextCursor: number | null };
    events.push(...page.items);
    if (page.nextCursor === null || page.items.length === 0) return events;
    after = page.nextCursor;
  }
}

/** Waits until the run reaches `status`; a run that ends otherwise fails at once, with its error. */
export async function waitForStatus(request: APIRequestContext, id: string, status: RunDto["status"], timeout: number): Promise<RunDto> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const run = await getRun(request, id);
    if (run.status === status) return run;
    if (["succeeded", "failed", "cancelled"].includes(run.status)) throw new Error(`run ${id} ended ${run.status} while waiting for ${status}: ${run.error}`);
    if (Date.now() > deadline) throw new Error(`run ${id} is still ${run.status} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
