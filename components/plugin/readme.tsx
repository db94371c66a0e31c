import { EmptyState } from "@/components/ui/states";

/** `html` comes from renderReadme, which sanitizes it on the server. */
export function Readme({ html }: { html: string }) {
  if (!html) return <EmptyState title="No README" detail="This version does not ship a README." />;
  return (
    <article
      className="prose-readme rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
