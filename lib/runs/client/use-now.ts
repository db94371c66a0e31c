"use client";
import { useEffect, useState, useSyncExternalStore } from "react";

/** The current time, ticking every `ms` while `live` (a running run's duration counts up). */
export function useNow(live: boolean, ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [live, ms]);
  return now;
}

const never = () => () => {};

/**
 * False while the server renders and the browser hydrates, true after. Times are shown in the
 * reader's time zone and relative to the reader's clock, so they are rendered by the browser only
 * (the server's would not match them, and hydration would fail).
 */
export const useIsClient = (): boolean =>
  useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
