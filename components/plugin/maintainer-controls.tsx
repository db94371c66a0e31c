"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fetchJson } from "@/lib/api/api-error";
import type { PersonDto } from "@/lib/registry/schemas";

type Props = { code: string; maintainers: PersonDto[]; editable: boolean };

export function MaintainerControls({ code, maintainers, editable }: Props) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const add = useMutation({
    mutationFn: (address: string) =>
      fetchJson(`/api/v1/plugins/${code}/maintainers`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: address }),
      }),
    onSuccess: () => {
      setEmail("");
      router.refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (userId: string) => fetch(`/api/v1/plugins/${code}/maintainers/${encodeURIComponent(userId)}`, { method: "DELETE" }),
    onSuccess: () => router.refresh(),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (email.trim()) add.mutate(email.trim());
  }

  return (
    <div className="space-y-2">
      {maintainers.length === 0 ? (
        <p className="text-zinc-500">None yet.</p>
      ) : (
        <ul className="space-y-1" data-testid="maintainers">
          {maintainers.map((m) => (
            <li key={m.id} className="flex items-center gap-2">
              <span>{m.name}</span>
              {editable && (
                <button
                  type="button"
                  className="text-xs text-red-700 hover:underline dark:text-red-400"
                  onClick={() => remove.mutate(m.id)}
                  disabled={remove.isPending}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form onSubmit={submit} className="flex gap-2">
          <label className="sr-only" htmlFor="maintainer-email">
            Maintainer email
          </label>
          <input
            id="maintainer-email"
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            placeholder="email of an account"
            className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
          <button
            type="submit"
            disabled={add.isPending}
            className="rounded-lg bg-brand-600 px-3 py-1 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            Add maintainer
          </button>
        </form>
      )}
      {add.isError && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {add.error.message}
        </p>
      )}
    </div>
  );
}
