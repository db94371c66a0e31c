import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./postgres";
import { blockingFolder, unreachableByPostgres } from "./postgres-reach";

// Inside the project: the test needs folders whose modes it controls, under a path anyone can enter.
mkdirSync(".test-data", { recursive: true });
const base = mkdtempSync(path.resolve(".test-data", "reach-"));
chmodSync(base, 0o755);
afterAll(() => rmSync(base, { recursive: true, force: true }));
const stranger = { uid: 54321, gids: [54321] };

function folders(mode: number): { closed: string; inside: string } {
  const closed = mkdtempSync(path.join(base, "private-"));
  const inside = path.join(closed, "clone", ".data");
  mkdirSync(inside, { recursive: true });
  chmodSync(closed, mode);
  return { closed, inside };
}

describe("blockingFolder", () => {
  it("names the first folder another user cannot enter", () => {
    const { closed, inside } = folders(0o700);
    expect(blockingFolder(inside, stranger)).toBe(closed);
    expect(blockingFolder(path.join(inside, "pg", "not-yet"), stranger)).toBe(closed);
  });

  it("lets through folders open to others, or to the user's group", () => {
    expect(blockingFolder(folders(0o711).inside, stranger)).toBeUndefined();
    const group = folders(0o750);
    expect(blockingFolder(group.inside, stranger)).toBe(group.closed);
    expect(blockingFolder(group.inside, { uid: 54321, gids: [0] })).toBeUndefined(); // the folder's group is root's
  });
});

describe("unreachableByPostgres", () => {
  it("names the folder in the way and every way out", () => {
    const { closed, inside } = folders(0o700);
    const message = unreachableByPostgres(path.join(inside, "pg"), stranger)!;
    expect(message).toContain(`cannot enter ${closed} (mode 700)`);
    expect(message).toMatch(/as a normal user/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/DATA_DIR/);
    expect(unreachableByPostgres(path.join(folders(0o755).inside, "pg"), stranger)).toBeUndefined();
  });

  // What `npm start` meets as root with its data in a private folder: one message, no stack trace.
  it.runIf(process.getuid?.() === 0)("stops the embedded Postgres before it starts, as root", async () => {
    const { closed, inside } = folders(0o700);
    await expect(startEmbeddedPostgres(inside)).rejects.toThrow(`cannot enter ${closed} (mode 700)`);
  });
});
