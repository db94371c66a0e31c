// A hub of its own for tests and benchmarks: a fresh embedded Postgres and data folder under `root`,
// migrated, and the production server on a free port.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startHub, type HubProcess } from "./hub-process";
import { migrate } from "./migrate";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "./postgres";

export type ThrowawayHub = { hub: HubProcess; database: RunningPostgres; dataDir: string; stop: (options?: { keep?: boolean }) => Promise<void> };

export async function startThrowawayHub(
  root: string,
  options: { env?: Record<string, string>; beforeStart?: (databaseUrl: string) => Promise<void> } = {},
): Promise<ThrowawayHub> {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const database = await startEmbeddedPostgres(path.join(root, "db"));
  migrate(database.url);
  await options.beforeStart?.(database.url);
  const dataDir = path.join(root, "data");
  const port = await freePort();
  const hub = await startHub({
    host: "127.0.0.1",
    port,
    quiet: !process.env.TEST_VERBOSE,
    env: {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...options.env,
    },
  });
  return {
    hub,
    database,
    dataDir,
    async stop({ keep = false } = {}) {
      await hub.stop();
      await database.stop();
      if (!keep) rmSync(root, { recursive: true, force: true });
    },
  };
}
