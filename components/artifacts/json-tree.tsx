"use client";

import { useState } from "react";

/** Children shown per object or array before a "show more" button: a 50,000-item array stays responsive. */
const PAGE = 100;

/**
 * JSON pretty-printed with folding: every object and array has a toggle (a button, so Tab reaches
 * it and Enter or Space folds it). The first `openDepth` levels start open.
 */
export function JsonTree({ value, label, openDepth = 2 }: { value: unknown; label: string; openDepth?: number }) {
  return (
    <div role="group" aria-label={label} className="overflow-auto font-mono text-xs leading-5">
      <JsonNode value={value} depth={0} openDepth={openDepth} />
    </div>
  );
}

function JsonNode({ name, value, depth, openDepth, last = true }: { name?: string; value: unknown; depth: number; openDepth: number; last?: boolean }) {
  const [open, setOpen] = useState(depth < openDepth);
  const [shown, setShown] = useState(PAGE);
  const comma = last ? "" : ",";
  const key = name !== undefined && <span className="text-sky-700 dark:text-sky-300">{JSON.stringify(name)}: </span>;

  if (value === null || typeof value !== "object") {
    return (
      <div className="pl-4">
        {key}
        <Scalar value={value} />
        {comma}
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const [openBrace, closeBrace] = isArray ? ["[", "]"] : ["{", "}"];
  const count = `${entries.length.toLocaleString("en")} ${isArray ? (entries.length === 1 ? "item" : "items") : entries.length === 1 ? "key" : "keys"}`;
  if (entries.length === 0)
    return (
      <div className="pl-4">
        {key}
        {openBrace}
        {closeBrace}
        {comma}
      </div>
    );
  return (
    <div>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-label={`${open ? "Fold" : "Unfold"} ${name ?? (depth === 0 ? "root" : "item")} (${count})`}
        className="group flex w-full items-start rounded text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-zinc-800"
      >
        <span aria-hidden className="inline-block w-4 shrink-0 text-center text-zinc-400 group-hover:text-zinc-700 dark:group-hover:text-zinc-200">
          {open ? "▾" : "▸"}
        </span>
        <span>
          {key}
          {openBrace}
          {!open && (
            <>
              <span className="mx-1 rounded bg-zinc-100 px-1 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400">{count}</span>
              {closeBrace}
              {comma}
            </>
          )}
        </span>
      </button>
      {open && (
        <>
          <div className="ml-[0.45rem] border-l border-zinc-200 pl-2 dark:border-zinc-800">
            {entries.slice(0, shown).map(([k, v], i) => (
              <JsonNode key={k} name={isArray ? undefined : k} value={v} depth={depth + 1} openDepth={openDepth} last={i === entries.length - 1} />
            ))}
            {entries.length > shown && (
              <button
                type="button"
                onClick={() => setShown(shown + PAGE * 10)}
                className="ml-4 rounded px-1 text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-brand-500"
              >
                Show {Math.min(PAGE * 10, entries.length - shown).toLocaleString("en")} more of {(entries.length - shown).toLocaleString("en")}
              </button>
            )}
          </div>
          <div className="pl-4">
            {closeBrace}
            {comma}
          </div>
        </>
      )}
    </div>
  );
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === "string") return <span className="break-all text-emerald-700 dark:text-emerald-300">{JSON.stringify(value)}</span>;
  if (typeof value === "number") return <span className="text-amber-700 dark:text-amber-300">{String(value)}</span>;
  if (typeof value === "boolean") return <span className="text-violet-700 dark:text-violet-300">{String(value)}</span>;
  return <span className="text-zinc-500">null</span>;
}
