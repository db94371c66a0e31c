// Plugins that run, and the calls that launch and watch them, for the runs tests.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { RunDto, RunEventDto } from "@/lib/runs/schemas";
import { authHeaders, hubUrl, publish, uniqueCode } from "./hub";
import { buildZip } from "./zip-builder";

/**
 * Publishes a plugin for the hub's own runtime: `actions` maps an action name to its Python source,
 * the body of `def main(params, ctx):` in `plugin/<name>.py`, plus optional config lines.
 */
export async function publishRunnable(actions: Record<string, { body: string; config?: string[]; method?: string }>, prefix = "run"): Promise<string> {
  const code = uniqueCode(prefix);
  const config = [
    `name: "Runnable ${code}"`,
    `code: ${code}`,
    `version: "1.0.0"`,
    "category: custom",
    `description: "A plugin the runs tests launch."`,
    "actions:",
    ...Object.entries(actions).flatMap(([name, action]) => [
      `  ${name}:`,
      `    entrypoint: plugin.${name}:main`,
      `    method: ${action.method ?? "task"}`,
      ...(action.config ?? []).map((line) => `    ${line}`),
    ]),
  ].join("\n");
  const files: Record<string, string> = { "config.yaml": config, "plugin/__init__.py": "" };
  for (const [name, action] of Object.entries(actions)) {
    const body = action.body
      .split("\n")
      .map((line) => `    ${line}`)
      .join("\n");
    files[`plugin/${name}.py`] = `import os, sys, time, json\n\ndef main(params, ctx):\n${body}\n`;
  }
  return publishFiles(code, files);
}

/** Publishes a plugin made of `files` (paths inside its folder → contents), and expects it accepted. */
export async function publishFiles(code: string, files: Record<string, string>): Promise<string> {
  const zip = buildZip([
    { name: `${code}/README.md`, data: `# ${code}\n` },
    ...Object.entries(files).map(([name, data]) => ({ name: `${code}/${name}`, data })),
  ]);
  const response = await publish(zip);
  expect(response.status, await response.clone().text()).toBe(201);
  return code;
}

/** `base`: the hub instance to ask (the suite's hub unless named); every instance shares one database. */
export async function launch(body: Record<string, unknown>, headers: Record<string, string> = {}, base = hubUrl()): Promise<Response> {
  return fetch(`${base}/api/v1/runs`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": randomUUID(), ...authHeaders(), ...headers },
    body: JSON.stringify(body),
  });
}

export async function launchOk(body: Record<string, unknown>, base = hubUrl()): Promise<RunDto> {
  const response = await launch(body, {}, base);
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

export async function getRun(id: string, base = hubUrl()): Promise<RunDto> {
  const response = await fetch(`${base}/api/v1/runs/${id}`, { headers: authHeaders() });
  expect(response.status).toBe(200);
  return response.json();
}

/** Polls the run until `done` holds (by default: it ended); fails with the run's state on timeout. */
export async function waitForRun(id: string, done: (run: RunDto) => boolean = isOver, timeoutMs = 90_000, base = hubUrl()): Promise<RunDto> {
  const deadline = Date.now() + timeoutMs;
  let run = await getRun(id, base);
  while (!done(run)) {
    if (Date.now() > deadline) throw new Error(`run ${id} did not get there in ${timeoutMs} ms; it is ${JSON.stringify(run)}`);
    await new Promise((r) => setTimeout(r, 150));
    run = await getRun(id, base);
  }
  return run;
}

export const isOver = (run: RunDto) => ["succeeded", "failed", "cancelled"].includes(run.status);

/** Every event of a run, through the JSON pages. */
export async function allEvents(id: string): Promise<RunEventDto[]> {
  const events: RunEventDto[] = [];
  let after = 0;
  for (;;) {
    const response = await fetch(`${hubUrl()}/api/v1/runs/${id}/events?after=${after}&limit=5000`, { headers: authHeaders() });
    const page = (await response.json()) as { items: RunEventDto[]; nextCursor: number | null };
    events.push(...page.items);
    if (page.nextCursor === null) return events;
    after = page.nextCursor;
  }
}

export const logMessages = (events: RunEventDto[]) => events.filter((e) => e.type === "log").map((e) => (e.data as { message: string }).message);
