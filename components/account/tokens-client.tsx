"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/api/api-error";
import type { TokenDto } from "@/lib/auth/scopes";
import { formatDate, formatRelative } from "@/lib/format";

const tokenKeys = { all: ["tokens"] as const };
const SCOPES = [
  { value: "read", label: "read", help: "browse and download" },
  { value: "publish", label: "publish", help: "publish and yank every plugin you manage" },
  { value: "run", label: "run", help: "launch actions" },
];

export function TokensClient({ initial }: { initial: TokenDto[] }) {
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: tokenKeys.all,
    queryFn: () => fetchJson<{ items: TokenDto[] }>("/api/v1/tokens").then((r) => r.items),
    initialData: initial,
  });
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: unknown) =>
      fetchJson<{ token: string }>("/api/v1/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    onSuccess: (created) => {
      setSecret(created.token);
      void queryClient.invalidateQueries({ queryKey: tokenKeys.all });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => fetchJson(`/api/v1/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scopes = form.getAll("scope").map(String);
    const only = String(form.get("plugin") ?? "").trim();
    if (only) scopes.push(`publish:${only}`);
    const days = String(form.get("expires"));
    create.mutate({ name: form.get("name"), scopes, expiresInDays: days === "never" ? null : Number(days) });
  }

  return (
    <div className="space-y-6">
      {secret && (
        <div role="status" className="rounded-xl border border-green-300 bg-green-50 p-4 text-sm dark:border-green-900 dark:bg-green-950/40">
          <p className="font-medium text-green-900 dark:text-green-200">Copy your new token now. It will not be shown again.</p>
          <div className="mt-2 flex gap-2">
            <code data-testid="new-token" className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 font-mono text-xs dark:bg-zinc-900">
              {secret}
            </code>
            <Button size="sm" variant="secondary" onClick={() => navigator.clipboard?.writeText(secret)}>
              Copy
            </Button>
          </div>
        </div>
      )}
      <form onSubmit={submit} className="space-y-4 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 className="font-semibold">New token</h2>
        <label className="block text-sm">
          <span className="font-medium">Name</span>
          <input
            name="name"
            required
            maxLength={100}
            placeholder="CI on main"
            className="mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </label>
        <fieldset className="text-sm">
          <legend className="font-medium">Scopes</legend>
          <div className="mt-1 space-y-1">
            {SCOPES.map((scope) => (
              <label key={scope.value} className="flex items-center gap-2">
                <input type="checkbox" name="scope" value={scope.value} defaultChecked={scope.value !== "run"} />
                <span className="font-mono">{scope.label}</span>
                <span className="text-zinc-500">— {scope.help}</span>
              </label>
            ))}
          </div>
          <label className="mt-2 block">
            <span className="text-zinc-600 dark:text-zinc-400">…or publish to one plugin only (its code)</span>
            <input
              name="plugin"
              pattern="[a-z0-9_-]+"
              placeholder="my-plugin"
              className="mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
          </label>
        </fieldset>
        <label className="block text-sm">
          <span className="font-medium">Expires</span>
          <select
            name="expires"
            defaultValue="90"
            className="mt-1 block rounded-lg border border-zinc-300 bg-white px-2 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="never">never</option>
          </select>
        </label>
        {create.isError && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {create.error.message}
          </p>
        )}
        <Button type="submit" disabled={create.isPending}>
          Create token
        </Button>
      </form>
      <TokenList tokens={tokens.data} onRevoke={(id) => revoke.mutate(id)} revoking={revoke.isPending} />
    </div>
  );
}

function TokenList({ tokens, onRevoke, revoking }: { tokens: TokenDto[]; onRevoke: (id: string) => void; revoking: boolean }) {
  if (tokens.length === 0) return <p className="text-sm text-zinc-500">No tokens yet.</p>;
  return (
    <ul className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
      {tokens.map((token) => {
        const expired = token.expiresAt !== null && new Date(token.expiresAt) < new Date();
        const state = token.revokedAt ? "revoked" : expired ? "expired" : null;
        return (
          <li key={token.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm" data-token={token.name}>
            <div className="min-w-0 flex-1">
              <p className="font-medium">
                {token.name} <code className="ml-1 font-mono text-xs text-zinc-500">{token.prefix}…</code>
                {state && <span className="ml-2 rounded-full bg-zinc-200 px-1.5 py-0.5 text-xs dark:bg-zinc-800">{state}</span>}
              </p>
              <p className="text-xs text-zinc-500" suppressHydrationWarning>
                {token.scopes.join(", ")} · created {formatDate(token.createdAt)} ·{" "}
                {token.expiresAt ? `expires ${formatDate(token.expiresAt)}` : "never expires"} ·{" "}
                {token.lastUsedAt ? `last used ${formatRelative(token.lastUsedAt)}` : "never used"}
              </p>
            </div>
            {!token.revokedAt && (
              <Button size="sm" variant="danger" disabled={revoking} onClick={() => onRevoke(token.id)}>
                Revoke
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
