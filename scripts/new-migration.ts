// `npm run migration:new -- <name>`: writes prisma/migrations/NNNN_<name>/migration.sql with the SQL
// that turns the last committed schema.prisma into the working one. (`prisma migrate dev` needs a
// shadow database that the offline WebAssembly engine cannot create.)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { prismaEnv } from "./lib/prisma-cli";
import { startEmbeddedPostgres } from "./lib/postgres";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run migration:new -- <snake_case_name>");
  process.exit(2);
}
// Inside the project: Postgres runs as its own user and cannot enter root's private temp folders.
const scratch = path.resolve(".test-data", `migration-${process.pid}`);
mkdirSync(scratch, { recursive: true });
const previous = path.join(scratch, "previous.prisma");
writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" }));
// The diff is computed from the two schema files alone, but the CLI still wants a database to connect to.
const database = await startEmbeddedPostgres(path.join(scratch, "db"));
try {
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const diff = spawnSync(
    process.execPath,
    [cli, "migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    {
      env: prismaEnv({ DATABASE_URL: database.url }) as NodeJS.ProcessEnv,
      encoding: "utf8",
    },
  );
  if (diff.status !== 0) throw new Error(diff.stderr);
  const number = String(readdirSync("prisma/migrations").filter((d) => /^\d{4}_/.test(d)).length + 1).padStart(4, "0");
  const folder = path.join("prisma/migrations", `${number}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), diff.stdout);
  console.log(`wrote ${folder}/migration.sql`);
} finally {
  await database.stop();
  rmSync(scratch, { recursive: true, force: true });
}
