"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { LogStore } from "@/lib/runs/client/log-store";
import type { LogLevel } from "@/lib/runs/schemas";
import { LogSearch } from "./log-search";

const LEVEL_STYLES: Record<LogLevel, string> = {
  debug: "text-zinc-500",
  info: "text-zinc-800 dark:text-zinc-200",
  success: "text-emerald-700 dark:text-emerald-400",
  warning: "text-amber-700 dark:text-amber-400",
  error: "text-red-700 dark:text-red-400",
};
const LEVEL_MARKS: Record<LogLevel, string> = {
  debug: "border-transparent",
  info: "border-transparent",
  success: "border-emerald-500",
  warning: "border-amber-500",
  error: "border-red-500",
};

const clock = (ms: number) => new Date(ms).toLocaleTimeString("en-GB", { hour12: false });

/**
 * The run's log, virtualized (only the visible lines are in the DOM, so 100,000 lines scroll smoothly).
 * Follows new lines while the reader is at the bottom; scrolling up pauses that until they come back.
 */
export function LogViewer({ log, count, downloadUrl }: { log: LogStore; count: number; downloadUrl: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const lastTop = useRef(0);
  const [follow, setFollow] = useState(true);
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  // The match the reader stepped to, for the query it belongs to: a new search starts at its first match.
  const [cursor, setCursor] = useState({ query: "", index: 0 });
  const current = cursor.query === deferredQuery ? cursor.index : 0;
  // `count` is a dependency on purpose: the store is appended in place, and new lines can match.
  const matches = useMemo(() => log.search(deferredQuery), [log, count, deferredQuery]); // eslint-disable-line react-hooks/exhaustive-deps

  // The React Compiler is not enabled here; the warning is about memoizing the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => 20, overscan: 20 });

  useLayoutEffect(() => {
    if (follow && count > 0) virtualizer.scrollToIndex(count - 1, { align: "end" });
  }, [follow, count, virtualizer]);

  function goTo(index: number) {
    if (matches.length === 0) return;
    const next = (index + matches.length) % matches.length;
    setCursor({ query: deferredQuery, index: next });
    setFollow(false);
    virtualizer.scrollToIndex(matches[next], { align: "center" });
  }

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 8;
    // Only the reader moves the view up: our own scrolls always go down to the newest line.
    if (el.scrollTop < lastTop.current - 2 && !atBottom) setFollow(false);
    else if (atBottom) setFollow(true);
    lastTop.current = el.scrollTop;
  }

  const matchLine = matches.length > 0 ? matches[Math.min(current, matches.length - 1)] : -1;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <LogSearch
          value={query}
          onChange={setQuery}
          total={matches.length}
          current={matches.length ? current + 1 : 0}
          onStep={(delta) => goTo(current + delta)}
        />
        <span data-testid="log-count" data-count={count} className="text-xs tabular-nums text-zinc-500">
          {count.toLocaleString("en")} {count === 1 ? "line" : "lines"}
        </span>
        <div className="ml-auto flex gap-2">
          {!follow && (
            <Button size="sm" variant="secondary" onClick={() => setFollow(true)}>
              Follow
            </Button>
          )}
          <Button size="sm" variant="secondary" href={downloadUrl} download>
            Download
          </Button>
        </div>
      </div>
      <div
        ref={scroller}
        onScroll={onScroll}
        role="log"
        aria-label="Run log"
        tabIndex={0}
        className="h-[60vh] min-h-72 overflow-auto rounded-lg border border-zinc-200 bg-white font-mono text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-950"
      >
        {count === 0 ? (
          <p className="p-4 font-sans text-sm text-zinc-500">No log lines yet.</p>
        ) : (
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const line = log.line(item.index);
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className={`absolute left-0 top-0 flex w-full gap-3 border-l-2 px-3 ${LEVEL_MARKS[line.level]} ${item.index === matchLine ? "bg-amber-100 dark:bg-amber-900/40" : ""}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <span className="shrink-0 select-none text-zinc-400 tabular-nums">{clock(line.at)}</span>
                  <span className={`min-w-0 whitespace-pre-wrap break-all ${LEVEL_STYLES[line.level]}`}>
                    <Highlighted text={line.text} query={deferredQuery} />
                  </span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

function Highlighted({ text, query }: { text: string; query: string }) {
  if (!query) return text;
  const parts: React.ReactNode[] = [];
  const lower = text.toLowerCase();
  const needle = query.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    parts.push(
      text.slice(from, at),
      <mark key={at} className="rounded-sm bg-amber-300 text-zinc-900">
        {text.slice(at, at + needle.length)}
      </mark>,
    );
    from = at + needle.length;
  }
  parts.push(text.slice(from));
  return parts;
}
