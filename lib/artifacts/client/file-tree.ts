// A run's files (flat `a/b/c.json` paths) as folders and files, and the rows a tree view shows.
import type { ArtifactDto } from "@/lib/artifacts/schemas";

export type FolderNode = { kind: "folder"; name: string; path: string; children: TreeNode[]; files: number; bytes: number; failed: number };
export type FileNode = { kind: "file"; name: string; path: string; artifact: ArtifactDto };
export type TreeNode = FolderNode | FileNode;

/** Folders first, then files, each by name; a folder counts the files and uploaded bytes under it. */
export function buildTree(artifacts: ArtifactDto[]): FolderNode {
  const root: FolderNode = { kind: "folder", name: "", path: "", children: [], files: 0, bytes: 0, failed: 0 };
  for (const artifact of artifacts) {
    const segments = artifact.path.split("/");
    let folder = root;
    const chain = [root];
    for (const [i, name] of segments.slice(0, -1).entries()) {
      const path = segments.slice(0, i + 1).join("/");
      let next = folder.children.find((c): c is FolderNode => c.kind === "folder" && c.name === name);
      if (!next) {
        next = { kind: "folder", name, path, children: [], files: 0, bytes: 0, failed: 0 };
        folder.children.push(next);
      }
      folder = next;
      chain.push(folder);
    }
    folder.children.push({ kind: "file", name: segments.at(-1)!, path: artifact.path, artifact });
    for (const f of chain) {
      f.files++;
      if (artifact.status === "uploaded") f.bytes += artifact.size;
      if (artifact.status === "failed") f.failed++;
    }
  }
  sortFolder(root);
  return root;
}

function sortFolder(folder: FolderNode) {
  folder.children.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, "en") : a.kind === "folder" ? -1 : 1));
  for (const child of folder.children) if (child.kind === "folder") sortFolder(child);
}

export type TreeRow = { node: TreeNode; depth: number; parent: string | null };

/** The rows on screen, in order: a collapsed folder hides what is under it. */
export function visibleRows(root: FolderNode, collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (folder: FolderNode, depth: number) => {
    for (const node of folder.children) {
      rows.push({ node, depth, parent: folder.path || null });
      if (node.kind === "folder" && !collapsed.has(node.path)) walk(node, depth + 1);
    }
  };
  walk(root, 0);
  return rows;
}

/** The first file in tree order that can be shown, so the page opens on something. */
export function firstFile(root: FolderNode): FileNode | null {
  for (const node of root.children) {
    if (node.kind === "file" && node.artifact.status === "uploaded") return node;
    if (node.kind === "folder") {
      const found = firstFile(node);
      if (found) return found;
    }
  }
  return null;
}
