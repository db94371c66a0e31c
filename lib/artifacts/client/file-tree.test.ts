import { describe, expect, it } from "vitest";
import type { ArtifactDto } from "@/lib/artifacts/schemas";
import { buildTree, firstFile, visibleRows } from "./file-tree";

const file = (path: string, size = 10, status: ArtifactDto["status"] = "uploaded"): ArtifactDto => ({
  path,
  status,
  size,
  sha256: status === "uploaded" ? "a".repeat(64) : null,
  contentType: "application/octet-stream",
  error: status === "failed" ? "bad checksum" : null,
  createdAt: "2026-01-01T00:00:00.000Z",
  uploadedAt: null,
});

describe("buildTree", () => {
  const tree = buildTree([file("z.txt", 1), file("data/b.json", 100), file("data/a/deep.bin", 5, "failed"), file("a.png", 7)]);

  it("lists folders first, then files, each by name, and counts what is under a folder", () => {
    expect(tree.children.map((n) => n.name)).toEqual(["data", "a.png", "z.txt"]);
    const data = tree.children[0];
    expect(data).toMatchObject({ kind: "folder", path: "data", files: 2, bytes: 100, failed: 1 });
    expect(tree).toMatchObject({ files: 4, bytes: 108, failed: 1 });
  });

  it("hides what a collapsed folder holds, and keeps the depth of every row", () => {
    expect(visibleRows(tree, new Set()).map((r) => `${r.depth}:${r.node.path}`)).toEqual([
      "0:data",
      "1:data/a",
      "2:data/a/deep.bin",
      "1:data/b.json",
      "0:a.png",
      "0:z.txt",
    ]);
    expect(visibleRows(tree, new Set(["data"])).map((r) => r.node.path)).toEqual(["data", "a.png", "z.txt"]);
  });

  it("opens on the first uploaded file in tree order, skipping failed ones", () => {
    expect(firstFile(tree)?.path).toBe("data/b.json");
    expect(firstFile(buildTree([file("x", 1, "failed")]))).toBeNull();
  });
});
