import type { ReactNode } from "react";

export function AuthCard({ title, detail, children }: { title: string; detail: string; children: ReactNode }) {
  return (
    <div className="mx-auto mt-8 max-w-sm rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      <p className="mb-5 mt-1 text-sm text-zinc-600 dark:text-zinc-400">{detail}</p>
      {children}
    </div>
  );
}
