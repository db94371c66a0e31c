// A throwaway hub for the integration and browser tests: a fresh embedded Postgres and data folder,
// migrated, and the production server on a free port.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startHub, type HubProcess } from "./hub-process";
import { migrate } from "./migrate";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "./postgres";

export type TestStack = { hub: HubProcess; database: RunningPostgres; dataDir: string; root: string; stop: () => Promise<void> };

export async function startTestStack(): Promise<TestStack> {
  const root = path.resolve(".test-data", `run-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const database = await startEmbeddedPostgres(path.join(root, "db"));
  migrate(database.url);
  const dataDir = path.join(root, "data");
  const hub = await startHub({
    host: "127.0.0.1",
    port: await freePort(),
    quiet: !process.env.TEST_VERBOSE,
    env: { DATABASE_URL: database.url, DATA_DIR: dataDir, NODE_ENV: "production" },
  });
  return {
    hub,
    database,
    dataDir,
    root,
    async stop() {
      await hub.stop();
      await database.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
