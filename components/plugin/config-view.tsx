export function ConfigView({ yaml }: { yaml: string }) {
  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-800">
      <div className="border-b border-zinc-200 bg-zinc-100 px-4 py-2 font-mono text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
        config.yaml
      </div>
      <pre className="overflow-x-auto bg-white p-4 font-mono text-[13px] leading-6 dark:bg-zinc-950">
        <code>{yaml}</code>
      </pre>
    </div>
  );
}
