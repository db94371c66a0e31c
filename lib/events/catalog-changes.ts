import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";

/**
 * Tells every instance of the hub when the catalog changed. Writers NOTIFY inside their transaction
 * (delivered on commit); each instance LISTENs on one dedicated connection. While that connection is
 * down, `isLive()` is false and readers must not trust anything cached.
 */
export const CATALOG_CHANNEL = "catalog_changed";

type Listener = () => void;
const state = globalThis as unknown as { __catalogChanges?: { listeners: Set<Listener>; live: boolean; client?: pg.Client } };

function shared() {
  if (!state.__catalogChanges) {
    state.__catalogChanges = { listeners: new Set(), live: false };
    void connect();
  }
  return state.__catalogChanges;
}

async function connect(): Promise<void> {
  const s = state.__catalogChanges!;
  const client = new pg.Client({ connectionString: databaseUrl() });
  const fail = () => {
    if (s.client !== client) return;
    s.live = false;
    s.client = undefined;
    notify();
    client.end().catch(() => {});
    setTimeout(() => void connect(), 1000);
  };
  client.on("error", fail);
  client.on("end", fail);
  client.on("notification", () => notify());
  try {
    await client.connect();
    await client.query(`LISTEN ${CATALOG_CHANNEL}`);
    s.client = client;
    s.live = true;
    notify(); // anything cached before we listened may be stale
  } catch {
    s.client = client;
    fail();
  }
}

function notify(): void {
  for (const listener of state.__catalogChanges?.listeners ?? []) listener();
}

export function onCatalogChange(listener: Listener): void {
  shared().listeners.add(listener);
}

export function isLive(): boolean {
  return shared().live;
}

/** Inside a writer's transaction: tells every instance, once the transaction commits. */
export const NOTIFY_CATALOG_SQL = `SELECT pg_notify('${CATALOG_CHANNEL}', '')`;
