"use client";
import { useEffect } from "react";

const KEY = "session-renewed-at";
const EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps a signed-in browser's session cookie sliding. A page render cannot set cookies, so it looks
 * the session up without renewing it; this asks better-auth's get-session endpoint instead, whose
 * answer carries the renewed cookie (at most once a day; asked at most hourly per browser).
 */
export function SessionKeeper() {
  useEffect(() => {
    const last = Number(localStorage.getItem(KEY) ?? 0);
    if (Date.now() - last < EVERY_MS) return;
    localStorage.setItem(KEY, String(Date.now()));
    void fetch("/api/auth/get-session", { cache: "no-store" }).catch(() => localStorage.removeItem(KEY));
  }, []);
  return null;
}
