"use client";

import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { visibleRows, type FolderNode, type TreeRow } from "@/lib/artifacts/client/file-tree";
import { formatBytes } from "@/lib/format";
import { ArtifactStatusMark } from "./artifact-status";

/**
 * A run's files as a tree (the WAI-ARIA tree pattern): one row is in the tab order; arrows move,
 * Right opens a folder, Left closes it or goes to its folder, Home/End, Enter selects a file.
 */
export function FileTreeView({ root, selected, onSelect }: { root: FolderNode; selected: string | null; onSelect: (path: string) => void }) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [focused, setFocused] = useState<string | null>(null);
  const rows = useMemo(() => visibleRows(root, collapsed), [root, collapsed]);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const current = rows.some((r) => r.node.path === focused) ? focused : (selected ?? rows[0]?.node.path ?? null);

  const toggle = (path: string, open?: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (open ?? next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  const focus = (path: string) => {
    setFocused(path);
    refs.current.get(path)?.focus();
  };
  const activate = (row: TreeRow) => (row.node.kind === "folder" ? toggle(row.node.path) : onSelect(row.node.path));

  function onKeyDown(event: KeyboardEvent, index: number) {
    const row = rows[index];
    const { node } = row;
    const isOpenFolder = node.kind === "folder" && !collapsed.has(node.path);
    const moves: Record<string, () => void> = {
      ArrowDown: () => rows[index + 1] && focus(rows[index + 1].node.path),
      ArrowUp: () => rows[index - 1] && focus(rows[index - 1].node.path),
      Home: () => rows[0] && focus(rows[0].node.path),
      End: () => rows.length && focus(rows.at(-1)!.node.path),
      ArrowRight: () => {
        if (node.kind !== "folder") return;
        if (!isOpenFolder) toggle(node.path, true);
        else if (rows[index + 1]) focus(rows[index + 1].node.path);
      },
      ArrowLeft: () => {
        if (isOpenFolder) toggle(node.path, false);
        else if (row.parent) focus(row.parent);
      },
      Enter: () => activate(row),
      " ": () => activate(row),
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    moves[event.key]();
  }

  return (
    <ul role="tree" aria-label="Files" className="space-y-px text-sm">
      {rows.map((row, index) => {
        const { node } = row;
        const isFolder = node.kind === "folder";
        const open = isFolder && !collapsed.has(node.path);
        const isSelected = !isFolder && node.path === selected;
        return (
          <li
            key={node.path}
            ref={(el) => {
              if (el) refs.current.set(node.path, el);
              else refs.current.delete(node.path);
            }}
            role="treeitem"
            aria-level={row.depth + 1}
            aria-expanded={isFolder ? open : undefined}
            aria-selected={isFolder ? undefined : isSelected}
            aria-label={node.name}
            data-path={node.path}
            tabIndex={node.path === current ? 0 : -1}
            onClick={() => {
              setFocused(node.path);
              activate(row);
            }}
            onKeyDown={(event) => onKeyDown(event, index)}
            style={{ paddingLeft: `${0.5 + row.depth * 1.1}rem` }}
            className={`flex cursor-pointer items-center gap-2 rounded-md py-1.5 pr-2 outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${
              isSelected ? "bg-brand-50 text-brand-700 dark:bg-brand-600/20 dark:text-white" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"
            }`}
          >
            <span aria-hidden className="w-3 shrink-0 text-center text-xs text-zinc-400">
              {isFolder ? (open ? "▾" : "▸") : ""}
            </span>
            <Icon folder={isFolder} open={open} />
            <span className={`min-w-0 flex-1 truncate ${isFolder ? "font-medium" : "font-mono text-[0.8rem]"}`} title={node.path}>
              {node.name}
            </span>
            {node.kind === "file" ? (
              <>
                <ArtifactStatusMark artifact={node.artifact} />
                <span className="shrink-0 text-xs tabular-nums text-zinc-500">
                  {node.artifact.status === "uploaded" ? formatBytes(node.artifact.size) : ""}
                </span>
              </>
            ) : (
              <span className="shrink-0 text-xs tabular-nums text-zinc-500">
                {node.files.toLocaleString("en")} {node.files === 1 ? "file" : "files"} · {formatBytes(node.bytes)}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Icon({ folder, open }: { folder: boolean; open: boolean }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className={`size-4 shrink-0 ${folder ? "text-amber-500" : "text-zinc-400"}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
    >
      {folder ? (
        open ? (
          <path d="M3 7a2 2 0 0 1 2-2h4l2 2h6a2 2 0 0 1 2 2v1H7.5a2 2 0 0 0-1.9 1.4L3 19V7zm0 12 2.6-7.6A2 2 0 0 1 7.5 10H21l-2.7 8a2 2 0 0 1-1.9 1H3z" />
        ) : (
          <path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7z" />
        )
      ) : (
        <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5zm0 0v5h5" />
      )}
    </svg>
  );
}
