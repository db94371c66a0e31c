"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/lib/api/api-error";
import type { HubSettings } from "@/lib/settings/schema";

const SIGNUP_LABELS = {
  open: "Open: anyone can create an account",
  invite: "Invite-only: with a one-time link from an admin",
  closed: "Closed: no new accounts",
} as const;

function InvitationButton() {
  const invite = useMutation({ mutationFn: () => fetchJson<{ url: string }>("/api/v1/admin/invitations", { method: "POST" }) });
  return (
    <div className="mt-3 space-y-2">
      <Button type="button" size="sm" variant="secondary" onClick={() => invite.mutate()} disabled={invite.isPending}>
        Create invitation link
      </Button>
      {invite.isSuccess && (
        <p className="text-xs">
          Send this link (valid 14 days, once):{" "}
          <code className="break-all font-mono" data-testid="invitation-url">
            {invite.data.url}
          </code>
        </p>
      )}
    </div>
  );
}

export function SettingsForm({ initial }: { initial: HubSettings }) {
  const [settings, setSettings] = useState(initial);
  const save = useMutation({
    mutationFn: (next: HubSettings) =>
      fetchJson<HubSettings>("/api/v1/admin/settings", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(next) }),
  });
  return (
    <form
      className="space-y-5 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(settings);
      }}
    >
      <fieldset className="text-sm">
        <legend className="font-medium">Sign-up</legend>
        {(["open", "invite", "closed"] as const).map((mode) => (
          <label key={mode} className="mt-1 flex items-center gap-2">
            <input type="radio" name="signup" checked={settings.signup === mode} onChange={() => setSettings({ ...settings, signup: mode })} />
            {SIGNUP_LABELS[mode]}
          </label>
        ))}
        {settings.signup === "invite" && <InvitationButton />}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={settings.publicRead} onChange={(event) => setSettings({ ...settings, publicRead: event.target.checked })} />
        Public read: visitors who are not signed in can browse and download
      </label>
      {save.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {save.error.message}
        </p>
      )}
      {save.isSuccess && (
        <p role="status" className="text-sm text-green-700 dark:text-green-400">
          Saved.
        </p>
      )}
      <Button type="submit" disabled={save.isPending}>
        Save settings
      </Button>
    </form>
  );
}
