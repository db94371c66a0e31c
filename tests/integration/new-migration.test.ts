// `npm run migration:new` in a copy of the project: it diffs against the migration history, so a run
// with nothing new writes nothing, and a second run after a new migration never repeats its DDL.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Inside the project, not /tmp: as root the embedded Postgres runs as `postgres`, which must reach it.
const copy = path.resolve(".test-data", `new-migration-${process.pid}`);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function project(): void {
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  for (const entry of ["package.json", "prisma.config.ts", "prisma", "scripts"]) cpSync(entry, path.join(copy, entry), { recursive: true });
  symlinkSync(path.resolve("node_modules"), path.join(copy, "node_modules"));
}

function migrationNew(name: string): string {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/new-migration.ts", name], { cwd: copy, encoding: "utf8" });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  return result.stdout;
}

const migrations = () => readdirSync(path.join(copy, "prisma/migrations")).sort();

describe("npm run migration:new", () => {
  it("writes only what the migrations lack, and nothing when they already build the schema", { timeout: 240_000 }, () => {
    project();
    const committed = migrations();

    expect(migrationNew("nothing_yet")).toMatch(/nothing to do/);
    expect(migrations()).toEqual(committed);

    appendFileSync(path.join(copy, "prisma/schema.prisma"), '\nmodel MigrationProbe {\n  id    Int    @id\n  label String\n\n  @@map("migration_probes")\n}\n');
    const number = String(Math.max(...committed.map((f) => Number(/^(\d{4})_/.exec(f)?.[1] ?? 0))) + 1).padStart(4, "0");
    expect(migrationNew("add_probe")).toMatch(new RegExp(`wrote prisma/migrations/${number}_add_probe/migration.sql`));
    const sql = readFileSync(path.join(copy, `prisma/migrations/${number}_add_probe/migration.sql`), "utf8");
    expect(sql).toMatch(/CREATE TABLE "migration_probes"/);
    expect(sql).not.toMatch(/"plugins"/); // only the difference, not the whole schema

    // Before any commit, the same command again: the new migration is history now.
    expect(migrationNew("add_probe_again")).toMatch(/nothing to do/);
    expect(migrations()).toEqual([...committed, `${number}_add_probe`].sort());
  });
});
