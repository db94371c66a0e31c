// `npm run migration:new -- <name>`: writes prisma/migrations/NNNN_<name>/migration.sql with the SQL
// that turns the schema the migrations build into the working schema.prisma. Diffing against the
// migration history (not the last commit) means a second run with no schema change writes nothing,
// and a migration not yet committed is never written twice. Prisma replays the migrations into a
// shadow database, here inside a throwaway embedded Postgres.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/postgres";
import { prismaEnv } from "./lib/prisma-cli";

const MIGRATIONS = "prisma/migrations";
// Objects that exist in SQL only, because Prisma cannot model them (a generated column; indexes on
// it or on expressions). Prisma's diff would drop them; such statements are left out.
const SQL_ONLY = ["search_text", "plugins_search_text_trgm_idx"];

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run migration:new -- <snake_case_name>");
  process.exit(2);
}
// Inside the project: as root, Postgres runs as its own user and cannot enter root's private temp folders.
const scratch = path.resolve(".test-data", `migration-${process.pid}`);
const database = await startEmbeddedPostgres(scratch);
let diff;
try {
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const args = ["migrate", "diff", "--from-migrations", MIGRATIONS, "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code"];
  diff = spawnSync(process.execPath, [cli, ...args], { env: prismaEnv({ DATABASE_URL: database.url }) as NodeJS.ProcessEnv, encoding: "utf8" });
} finally {
  await database.stop();
  rmSync(scratch, { recursive: true, force: true });
}
// --exit-code: 0 = no difference, 2 = a difference (on stdout), anything else = an error.
const statements = diff.status === 2 ? diff.stdout.split(/\n\s*\n/).filter((s) => s.trim()) : [];
const kept = statements.filter((statement) => !SQL_ONLY.some((name) => statement.includes(`"${name}"`)));
if (kept.length < statements.length) console.log(`left out ${statements.length - kept.length} statement(s) on SQL-only objects (${SQL_ONLY.join(", ")})`);
if (diff.status === 0 || (diff.status === 2 && kept.length === 0)) {
  console.log(`nothing to do: ${MIGRATIONS} already builds prisma/schema.prisma`);
} else if (diff.status === 2) {
  const numbers = readdirSync(MIGRATIONS).map((folder) => /^(\d{4})_/.exec(folder)?.[1]);
  const next = Math.max(0, ...numbers.filter((n) => n !== undefined).map(Number)) + 1;
  const folder = path.join(MIGRATIONS, `${String(next).padStart(4, "0")}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), `${kept.join("\n\n")}\n`);
  console.log(`wrote ${folder}/migration.sql`);
} else {
  console.error(`prisma migrate diff failed (exit ${diff.status ?? diff.signal}):\n${diff.stdout}${diff.stderr}`);
  process.exit(1);
}
