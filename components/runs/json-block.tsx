/** A value pretty-printed as JSON, scrolling sideways rather than breaking the page. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  return (
    <pre
      aria-label={label}
      className="max-h-[70vh] overflow-auto rounded-xl border border-zinc-200 bg-white p-4 font-mono text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-950"
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
