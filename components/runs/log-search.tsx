"use client";

type Props = { value: string; onChange: (value: string) => void; total: number; current: number; onStep: (delta: 1 | -1) => void };

/** Search box for the log: Enter goes to the next match, Shift+Enter to the previous one. */
export function LogSearch({ value, onChange, total, current, onStep }: Props) {
  return (
    <div className="flex items-center gap-1">
      <input
        type="search"
        aria-label="Search the log"
        placeholder="Search the log"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            onStep(event.shiftKey ? -1 : 1);
          }
        }}
        className="w-48 rounded-lg border border-zinc-300 bg-white px-2.5 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900 sm:w-64"
      />
      {value && (
        <>
          <span data-testid="log-matches" className="min-w-16 text-center text-xs tabular-nums text-zinc-500" aria-live="polite">
            {total === 0 ? "no match" : `${current} / ${total}`}
          </span>
          <StepButton label="Previous match" onClick={() => onStep(-1)} disabled={total === 0} path="m15 18-6-6 6-6" />
          <StepButton label="Next match" onClick={() => onStep(1)} disabled={total === 0} path="m9 18 6-6-6-6" />
        </>
      )}
    </div>
  );
}

function StepButton({ label, onClick, disabled, path }: { label: string; onClick: () => void; disabled: boolean; path: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      className="rounded-md p-1 text-zinc-600 hover:bg-zinc-100 disabled:opacity-40 dark:text-zinc-400 dark:hover:bg-zinc-800"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
        <path d={path} />
      </svg>
    </button>
  );
}
