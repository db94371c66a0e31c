"use client";

import { ErrorState } from "@/components/ui/states";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return <ErrorState title="This page could not be shown" detail="The hub hit an error while loading it. Try again in a moment." onRetry={reset} />;
}
