import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { processSingleton } from "@/lib/process-singleton";
import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { reportBackUrl } from "@/lib/http/hub-origin";
import type { PluginConfig } from "@/lib/registry/config/normalize-config";
import { limitsFromEnv } from "@/lib/registry/archive/limits";
import type { ArchiveFormat } from "@/lib/registry/archive/detect-format";
import { blobPath } from "@/lib/storage/blob-store";
import { extractVersion } from "@/lib/compute/local/extract-version";
import { usesSdk } from "@/lib/compute/local/uses-sdk";
import { computeRoot } from "@/lib/compute/local-backend/prepare";
import { pluginEnvironment } from "@/lib/compute/local-backend/run-environment";
import { appendEvents } from "@/lib/runs/event-store";
import { enqueueRunLaterSql } from "@/lib/runs/queue";
import { issueRunToken } from "@/lib/runs/run-token";
import { isTerminal } from "@/lib/runs/schemas";
import { hubLog, transition } from "@/lib/runs/transitions";
import { jobSubmission, parseRequirements, type RaySpecInput, type RunResources } from "./job-spec";
import { rayClient, RayError } from "./ray-client";
import { ensureRayPackage } from "./ray-package";
import { deployServeRun } from "./serve-apps";
import { VERSION_GONE } from "@/lib/runs/version-gone";

/** Longest wait between two tries while the cluster is away. */
const MAX_RETRY_DELAY_S = 15;

/**
 * Hands a queued run to Ray (the worker's task for `backend = ray`). A job or task becomes a Ray job
 * whose `submission_id` is the run id; a serve action becomes a Serve application. The run is
 * `starting` only once Ray has it, so an instance that dies in between leaves it queued, and the retry
 * adopts the job Ray already holds instead of starting a second one. While the cluster does not answer
 * the run waits `queued` and is tried again with back-off, until RAY_UNREACHABLE_TIMEOUT_SECONDS.
 */
export async function submitRayRun(runId: string): Promise<void> {
  const run = await queuedRun(runId);
  if (!run || isTerminal(run.status) || run.status !== "queued") return;
  if (run.cancelRequested) return void (await transition(runId, "cancelled", {}));
  const { pluginVersion } = run;
  if (!pluginVersion) return void (await transition(runId, "failed", { outcome: { error: VERSION_GONE } }));
  const client = rayClient();
  try {
    const input = await specInput({ ...run, pluginVersion }, client);
    if (run.method === "serve") {
      await deployServeRun(client, input);
    } else {
      const adopted = await submitOrAdopt(client, input, run.tokenHash !== null);
      await appendEvents(runId, [hubLog(adopted ? `Adopted the Ray job ${runId} submitted earlier.` : `Submitted to Ray as job ${runId}.`)]);
    }
    await transition(runId, "starting", { changes: { unreachable_since: null } });
  } catch (error) {
    if (!(error instanceof RayError && error.kind === "unreachable")) throw error;
    await waitForCluster({ ...run, pluginVersion }, error);
  }
}

// One query on the path every Ray launch waits on (Prisma's include costs several).
async function queuedRun(
  runId: string,
): Promise<(Omit<RunRow, "pluginVersion"> & { status: string; cancelRequested: boolean; pluginVersion: RunRow["pluginVersion"] | null }) | null> {
  const { rows } = await pool().query(
    `SELECT r.id, r.status, r.cancel_requested AS "cancelRequested", r.action, r.method, r.params, r.resources, r.token_hash AS "tokenHash",
            r.unreachable_since AS "unreachableSince",
            CASE WHEN v.id IS NULL THEN NULL ELSE json_build_object('sha256', v.sha256, 'format', v.format, 'config', v.config) END AS "pluginVersion"
       FROM runs r LEFT JOIN plugin_versions v ON v.id = r.version_id WHERE r.id = $1::uuid`,
    [runId],
  );
  return rows[0] ?? null;
}

type RunRow = {
  id: string;
  action: string;
  method: string;
  params: unknown;
  resources: unknown;
  tokenHash: string | null;
  unreachableSince: Date | null;
  pluginVersion: { sha256: string; format: string; config: unknown };
};

async function specInput(run: RunRow, client: ReturnType<typeof rayClient>): Promise<RaySpecInput & { token: string }> {
  const config = run.pluginVersion.config as PluginConfig;
  const root = computeRoot();
  const pluginDir = await extractVersion({
    blobPath: blobPath(run.pluginVersion.sha256),
    sha256: run.pluginVersion.sha256,
    format: run.pluginVersion.format as ArchiveFormat,
    root,
    limits: limitsFromEnv(env()),
  });
  const { requirementsText, sdk } = await versionFacts(run.pluginVersion.sha256, pluginDir);
  const dropped = parseRequirements(requirementsText).dropped;
  if (dropped.length) await appendEvents(run.id, [hubLog(`Left out of the Ray environment (they name local files): ${dropped.join(", ")}`, "warning")]);
  const packageUri = await ensureRayPackage(client, { sha256: run.pluginVersion.sha256, pluginDir }, root);
  return {
    runId: run.id,
    action: run.action,
    method: run.method,
    config,
    params: run.params,
    token: "",
    hubUrl: reportBackUrl(),
    packageUri,
    sdk,
    requirementsText,
    pluginEnv: pluginEnvironment(config.env),
    resources: run.resources as RunResources | null,
  };
}

// What a version's files say about its environment; they never change for one sha256.
const facts = processSingleton("ray.version-facts", () => new Map<string, Promise<{ requirementsText: string; sdk: boolean }>>());

function versionFacts(sha256: string, pluginDir: string): Promise<{ requirementsText: string; sdk: boolean }> {
  let known = facts.get(sha256);
  if (!known) {
    known = (async () => ({
      requirementsText: await readFile(path.join(pluginDir, "requirements.txt"), "utf8").catch(() => ""),
      sdk: await usesSdk(pluginDir),
    }))();
    known.catch(() => facts.delete(sha256));
    if (facts.size > 1000) facts.clear();
    facts.set(sha256, known);
  }
  return known;
}

/**
 * Submits the run's job, or finds that Ray already has it (a first try whose answer was lost): then
 * it is adopted, and keeps the token it was started with. A token is minted only for a real submit.
 */
async function submitOrAdopt(client: ReturnType<typeof rayClient>, input: RaySpecInput, triedBefore: boolean): Promise<boolean> {
  if (triedBefore && (await jobExists(client, input.runId))) return true;
  const token = await issueRunToken(input.runId);
  try {
    await client.submitJob(jobSubmission({ ...input, token }));
    return false;
  } catch (error) {
    // Ray answers 500 "… already exists" for a submission id it holds.
    if (error instanceof RayError && error.kind === "refused" && /already exists/i.test(error.message)) return true;
    throw error;
  }
}

async function jobExists(client: ReturnType<typeof rayClient>, id: string): Promise<boolean> {
  try {
    await client.getJob(id);
    return true;
  } catch (error) {
    if (error instanceof RayError && error.kind === "not_found") return false;
    throw error;
  }
}

async function waitForCluster(run: RunRow, error: RayError): Promise<void> {
  const since = run.unreachableSince ?? new Date();
  const waited = (Date.now() - since.getTime()) / 1000;
  const limit = env().RAY_UNREACHABLE_TIMEOUT_SECONDS;
  if (waited >= limit) {
    const message = `The Ray cluster was unreachable for ${Math.round(waited)} s (RAY_UNREACHABLE_TIMEOUT_SECONDS is ${limit}): ${error.message}`;
    await transition(run.id, "failed", { events: [hubLog(message, "error")], outcome: { error: message } });
    return;
  }
  const delay = Math.min(MAX_RETRY_DELAY_S, Math.max(1, Math.round(waited / 2)));
  const first = run.unreachableSince === null;
  await appendEvents(run.id, first ? [hubLog(`${error.message} The run waits and is tried again.`, "warning")] : [], {
    changes: { unreachable_since: since },
    onlyWhen: ["queued"],
  });
  // A new queue entry for the same run (the running one ends as this task returns).
  await pool().query(enqueueRunLaterSql, [run.id, "ray", delay]);
}
