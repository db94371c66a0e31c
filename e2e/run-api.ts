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
