import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import pg from "pg";
import { pool } from "@/lib/db/pool";
import { databaseUrl } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";

/**
 * Names this hub process as the owner of the runs it executes (`<host>/<pid>/<random>`), and proves to
 * every other instance that it lives: it holds a Postgres advisory lock keyed on that name for as long
 * as it runs. When the process dies, its connection closes and the lock goes with it. That holds on
 * any host, and in a container where a restarted hub gets the very same pid (a pid says nothing).
 */
const LOCK_CLASS = 7707;
const instance = processSingleton("hub-instance", () => ({ id: `${hostname()}/${process.pid}/${randomBytes(4).toString("hex")}`, holding: false }));

export const instanceId = (): string => instance.id;
export const hostOf = (node: string): string => node.split("/")[0];

/** Takes this instance's lock (once); keeps it through reconnects. Resolves once it is held. */
export async function holdInstanceLock(): Promise<void> {
  if (instance.holding) return;
  instance.holding = true;
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl(), application_name: `synapse-hub instance ${instance.id}`, keepAlive: true });
    client.on("error", () => {
      client.end().catch(() => {});
      setTimeout(() => void connect().catch((error) => console.error("could not retake the instance lock:", error)), 1000).unref();
    });
    await client.connect();
    await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [LOCK_CLASS, instance.id]);
  };
  await connect();
}

/** Whether the instance that wrote `node` is gone: nobody holds its lock any more. */
export async function ownerIsGone(node: string): Promise<boolean> {
  if (node === instance.id) return false;
  // A transaction-level try-lock conflicts with the owner's session lock, and is released at once.
  const { rows } = await pool().query<{ free: boolean }>("SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS free", [LOCK_CLASS, node]);
  return rows[0].free;
}
