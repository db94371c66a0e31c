"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { createShare, sharedPageUrl } from "@/lib/artifacts/client/api";

const EXPIRIES = [
  { seconds: 3600, label: "1 hour" },
  { seconds: 24 * 3600, label: "1 day" },
  { seconds: 7 * 24 * 3600, label: "7 days" },
  { seconds: 30 * 24 * 3600, label: "30 days (the longest)" },
];

/**
 * Mints a link to this result page that works without an account until it expires (the hub signs
 * it; it cannot be revoked sooner, so the expiry is the reader's choice, a day by default), and copies it.
 */
export function ShareButton({ runId }: { runId: string }) {
  const [open, setOpen] = useState(false);
  const [seconds, setSeconds] = useState(EXPIRIES[1].seconds);
  const [copied, setCopied] = useState<boolean | null>(null);
  const panel = useId();
  const mint = useMutation({
    mutationFn: () => createShare(runId, seconds),
    onSuccess: async (share) => setCopied(await copy(sharedPageUrl(window.location.origin, runId, share.token))),
  });
  const link = mint.data ? sharedPageUrl(window.location.origin, runId, mint.data.token) : null;

  return (
    <div className="relative">
      <Button variant="secondary" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}>
        Share…
      </Button>
      {open && (
        <div
          id={panel}
          role="group"
          aria-label="Share link"
          onKeyDown={(event) => event.key === "Escape" && setOpen(false)}
          className="absolute right-0 z-20 mt-2 w-[min(24rem,calc(100vw-2rem))] space-y-3 rounded-xl border border-zinc-200 bg-white p-4 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <p className="text-zinc-600 dark:text-zinc-400">Anyone with the link can see and download these files, without an account, until it expires.</p>
          <div className="flex items-end gap-2">
            <label className="flex flex-1 flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
              Link works for
              <select
                value={seconds}
                onChange={(event) => setSeconds(Number(event.target.value))}
                className="rounded-lg border border-zinc-300 bg-white px-2.5 py-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
              >
                {EXPIRIES.map((e) => (
                  <option key={e.seconds} value={e.seconds}>
                    {e.label}
                  </option>
                ))}
              </select>
            </label>
            <Button onClick={() => mint.mutate()} disabled={mint.isPending}>
              {mint.isPending ? "Creating…" : link ? "New link" : "Create link"}
            </Button>
          </div>
          {mint.isError && (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {mint.error.message}
            </p>
          )}
          {link && mint.data && (
            <div className="space-y-1.5">
              <div className="flex gap-2">
                <input
                  readOnly
                  value={link}
                  aria-label="Share link"
                  onFocus={(event) => event.target.select()}
                  className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-zinc-50 px-2.5 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
                />
                <Button variant="secondary" size="sm" onClick={async () => setCopied(await copy(link))}>
                  Copy
                </Button>
              </div>
              <p role="status" className="text-xs text-zinc-500">
                {copied ? "Copied. " : copied === false ? "Select the link and copy it. " : ""}
                Expires {new Date(mint.data.expiresAt).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" })}.
              </p>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no clipboard permission (or not a secure context): the link is shown to copy by hand
  }
}
