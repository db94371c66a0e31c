/** Marks a debug release (or a run of one): replaceable, never latest, removed after a while. */
export function DebugBadge({ className = "" }: { className?: string }) {
  return (
    <span
      title="A debug release: replaced when republished, never offered as latest, removed after a while"
      data-debug-badge
      className={`rounded-full bg-violet-100 px-1.5 py-0.5 font-sans text-xs text-violet-800 dark:bg-violet-950 dark:text-violet-300 ${className}`}
    >
      debug
    </span>
  );
}
