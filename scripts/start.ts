// `npm start`: build if needed, start (or reuse) the database, migrate, and serve the hub.
// Ctrl-C stops the server and the embedded database cleanly.
import { hostname as machineName } from "node:os";
import path from "node:path";
import { parseEnv } from "../lib/env-schema";
import { listenBanner } from "../lib/http/listen-banner";
import { authSecret } from "./lib/auth-secret";
import { ensureBuild, ensureClient } from "./lib/build";
import { startHub, type HubProcess } from "./lib/hub-process";
import { migrate } from "./lib/migrate";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/postgres";

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  const config = parseEnv(process.env);
  if (dev) ensureClient();
  else ensureBuild();

  const running: { database?: RunningPostgres; hub?: HubProcess } = {};
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping synapse-hub…");
    await running.hub?.stop();
    await running.database?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  let url = config.DATABASE_URL;
  if (!url) {
    const dataDir = path.resolve(config.DATA_DIR);
    console.log(`Starting the embedded Postgres in ${dataDir}/pg …`);
    running.database = await startEmbeddedPostgres(dataDir);
    url = running.database.url;
  }
  migrate(url);
  const dataDir = path.resolve(config.DATA_DIR);
  const hub = await startHub({
    host: config.HOST,
    port: config.PORT,
    dev,
    env: { DATABASE_URL: url, DATA_DIR: dataDir, BETTER_AUTH_SECRET: authSecret(dataDir), NODE_ENV: dev ? "development" : "production" },
  });
  running.hub = hub;
  const address = listenBanner({ host: config.HOST, port: config.PORT, publicUrl: config.PUBLIC_URL, machine: machineName() });
  console.log(`\nsynapse-hub is running at ${address}  (Ctrl-C to stop)\n`);
  hub.child.once("exit", (code, signal) => {
    if (stopping) return;
    // Ctrl-C reaches the whole process group: the server may stop before our own handler runs.
    const clean = code === 0 || signal === "SIGINT" || signal === "SIGTERM";
    if (!clean) console.error(`The server exited unexpectedly (code ${code ?? signal}).`);
    void shutdown(clean ? 0 : (code ?? 1));
  });
}

main().catch((error: Error) => {
  console.error(`\nsynapse-hub could not start: ${error.message}`);
  process.exit(1);
});
