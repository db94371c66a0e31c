/** A running serve action: where the hub proxies it, and for a gradio UI the UI itself, embedded. */
export function ServePanel({ url, action }: { url: string; action: string }) {
  return (
    <section className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="min-w-0 text-sm">
          Serving at{" "}
          <a href={url} className="break-all font-mono text-brand-600 hover:underline dark:text-brand-500">
            {url}
          </a>
        </p>
        <a
          href={url}
          target="_blank"
          rel="noreferrer"
          className="rounded-lg bg-brand-600 px-2.5 py-1 text-xs font-medium text-white shadow-sm hover:bg-brand-700"
        >
          Open
        </a>
      </div>
      {action === "gradio" && (
        <iframe title={`${action} UI`} src={url} className="h-[75vh] w-full rounded-lg border border-zinc-200 bg-white dark:border-zinc-800" />
      )}
    </section>
  );
}
