"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export type Tab = { id: string; label: string; count?: number; content: ReactNode };

/**
 * A page's sections as tabs (WAI-ARIA keyboard pattern: arrows, Home and End). The list may change
 * while the page lives (a run's trials and images appear as it reports): a tab that goes away hands
 * the selection back to the first. It scrolls sideways on a phone.
 */
export function Tabs({ tabs, label }: { tabs: Tab[]; label: string }) {
  const [chosen, setChosen] = useState(tabs[0].id);
  const active = tabs.some((tab) => tab.id === chosen) ? chosen : tabs[0].id;
  const base = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent, index: number) {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
    setChosen(next.id);
    refs.current.get(next.id)?.focus();
  }

  return (
    <div>
      <div role="tablist" aria-label={label} className="flex gap-1 overflow-x-auto shadow-[inset_0_-1px_0] shadow-zinc-200 dark:shadow-zinc-800">
        {tabs.map((tab, index) => {
          const selected = tab.id === active;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) refs.current.set(tab.id, el);
                else refs.current.delete(tab.id);
              }}
              role="tab"
              type="button"
              id={`${base}-tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`${base}-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => setChosen(tab.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={`flex shrink-0 items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium ${
                selected ? "border-brand-600 text-zinc-900 dark:text-white" : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"
              }`}
            >
              {tab.label}
              {tab.count !== undefined && (
                <span className="rounded-full bg-zinc-100 px-1.5 text-xs tabular-nums dark:bg-zinc-800">{tab.count.toLocaleString("en")}</span>
              )}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`${base}-panel-${tab.id}`} aria-labelledby={`${base}-tab-${tab.id}`} hidden={tab.id !== active} className="pt-5">
          {tab.content}
        </div>
      ))}
    </div>
  );
}
