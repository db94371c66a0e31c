import { processSingleton } from "./process-singleton";

type Hook = { name: string; run: () => Promise<void> };

/**
 * What must happen before this process exits on SIGTERM/SIGINT (server/main.ts runs the hooks): stop
 * taking work, end the runs it executes with a clear cause. Registered from anywhere in lib/, which is
 * loaded twice in production, so the list lives in the process singleton.
 */
const hooks = processSingleton("shutdown-hooks", () => new Map<string, Hook>());

export function onShutdown(name: string, run: () => Promise<void>): void {
  hooks.set(name, { name, run });
}

/** Runs every hook at once; gives up on the ones still running after `timeoutMs`. */
export async function runShutdownHooks(timeoutMs: number): Promise<void> {
  const all = Promise.allSettled([...hooks.values()].map((hook) => hook.run().catch((error) => console.error(`shutting down ${hook.name} failed:`, error))));
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
}
