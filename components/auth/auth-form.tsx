"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { safeReturnPath } from "@/lib/auth/return-path";
import { useState, type FormEvent } from "react";

type Mode = "setup" | "sign-in" | "sign-up";

const ENDPOINTS: Record<Mode, string> = {
  setup: "/api/v1/setup",
  "sign-in": "/api/auth/sign-in/email",
  "sign-up": "/api/auth/sign-up/email",
};

const LABELS: Record<Mode, string> = { setup: "Create admin account", "sign-in": "Sign in", "sign-up": "Create account" };

export function AuthForm({ mode, invitation }: { mode: Mode; invitation?: string }) {
  const router = useRouter();
  const next = safeReturnPath(useSearchParams().get("next"));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const body = Object.fromEntries(new FormData(event.currentTarget));
    const headers: Record<string, string> = { "content-type": "application/json", ...(invitation ? { "x-invitation": invitation } : {}) };
    const response = await fetch(ENDPOINTS[mode], { method: "POST", headers, body: JSON.stringify(body) }).catch(() => null);
    setPending(false);
    if (!response?.ok) {
      setError(await errorMessage(response));
      return;
    }
    router.push(next);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate={false}>
      {mode !== "sign-in" && <Field name="name" label="Name" type="text" autoComplete="name" />}
      <Field name="email" label="Email" type="email" autoComplete="email" />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
        minLength={8}
        hint={mode === "sign-in" ? undefined : "At least 8 characters."}
      />
      {error && (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300"
        >
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Please wait…" : LABELS[mode]}
      </button>
      {mode === "sign-in" && (
        <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
          No account yet?{" "}
          <Link href="/sign-up" className="font-medium text-brand-600 hover:underline dark:text-brand-100">
            Create one
          </Link>
        </p>
      )}
      {mode === "sign-up" && (
        <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
          Already have an account?{" "}
          <Link href="/sign-in" className="font-medium text-brand-600 hover:underline dark:text-brand-100">
            Sign in
          </Link>
        </p>
      )}
    </form>
  );
}

function Field({ name, label, hint, ...input }: { name: string; label: string; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block text-sm">
      <span className="font-medium">{label}</span>
      <input
        name={name}
        required
        {...input}
        className="mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      {hint && <span className="mt-1 block text-xs text-zinc-500">{hint}</span>}
    </label>
  );
}

async function errorMessage(response: Response | null): Promise<string> {
  if (!response) return "The hub could not be reached. Check your connection and try again.";
  if (response.status === 429) return "Too many attempts. Wait a minute and try again.";
  const body = (await response.json().catch(() => null)) as { detail?: string; message?: string; errors?: { path: string; message: string }[] } | null;
  const fields = body?.errors?.map((e) => `${e.path} ${e.message}`).join("; ");
  return fields || body?.detail || body?.message || `Something went wrong (${response.status}).`;
}
