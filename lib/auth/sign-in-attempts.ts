import "server-only";
import { createHash } from "node:crypto";
import { countHit, peekHits } from "./rate-limit";

// Failed sign-ins are counted per (account, address), so guessing from one address is stopped
// without handing anyone a way to lock the owner out. A known device is never refused by these
// limits (better-auth's per-address limit still applies): one whose browser holds the device cookie
// of an earlier sign-in to the account (sign-in-guard.ts), or an address that signed in to it before.
// Failures from unknown devices also add up per account; past a threshold the account counts as
// under attack, and every unknown address gets fewer tries and a slower answer, but never none, so
// a flood can slow the owner on a new device down and cannot lock them out.
const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ADDRESS = 10;
export const UNDER_ATTACK_AFTER_FAILURES = 50;
export const MAX_FAILURES_PER_ADDRESS_UNDER_ATTACK = 3;
export const UNDER_ATTACK_SLOW_DOWN_MS = 1000;
const KNOWN_MS = 10 * 365 * 24 * 60 * 60 * 1000; // "known" rows live in the same table; never expire in practice

/** One sign-in: the account's email, the client's normalised address, and its device id when its browser sent one. */
export type SignInAttempt = { email: string; address: string; device?: string | null };

const account = (email: string) => email.trim().toLowerCase();
// The device id is a bearer secret: only its hash is stored.
const digest = (device: string) => createHash("sha256").update(device).digest("base64url");
const keys = ({ email, address, device }: SignInAttempt) => ({
  knownAddress: `sign-in|known|${account(email)}|${address}`,
  knownDevice: device ? `sign-in|known-device|${account(email)}|${digest(device)}` : null,
  fromAddress: `sign-in|failures|${account(email)}|${address}`,
  fromUnknownDevices: `sign-in|failures|${account(email)}`,
});

async function isKnown(key: ReturnType<typeof keys>): Promise<boolean> {
  const known = await Promise.all([key.knownAddress, key.knownDevice].map(async (k) => (k ? (await peekHits(k, KNOWN_MS)).count > 0 : false)));
  return known.some(Boolean);
}

/** Whether this attempt may go on: `waitSeconds` > 0 refuses it for that long; else wait `slowDownMs` first. */
export async function signInAllowance(attempt: SignInAttempt): Promise<{ waitSeconds: number; slowDownMs: number }> {
  const key = keys(attempt);
  if (await isKnown(key)) return { waitSeconds: 0, slowDownMs: 0 };
  const [fromAddress, fromUnknown] = await Promise.all([peekHits(key.fromAddress, WINDOW_MS), peekHits(key.fromUnknownDevices, WINDOW_MS)]);
  const underAttack = fromUnknown.count >= UNDER_ATTACK_AFTER_FAILURES;
  if (fromAddress.count >= (underAttack ? MAX_FAILURES_PER_ADDRESS_UNDER_ATTACK : MAX_FAILURES_PER_ADDRESS)) {
    return { waitSeconds: Math.max(1, Math.ceil((fromAddress.windowStart + WINDOW_MS - Date.now()) / 1000)), slowDownMs: 0 };
  }
  return { waitSeconds: 0, slowDownMs: underAttack ? UNDER_ATTACK_SLOW_DOWN_MS : 0 };
}

/** Records a wrong password (not counted for known devices). */
export async function recordSignInFailure(attempt: SignInAttempt): Promise<void> {
  const key = keys(attempt);
  if (await isKnown(key)) return;
  await Promise.all([countHit(key.fromAddress, WINDOW_MS), countHit(key.fromUnknownDevices, WINDOW_MS)]);
}

/** Remembers the address and the device that signed in to the account, so neither is ever locked out of it. */
export async function recordSignInSuccess(attempt: SignInAttempt): Promise<void> {
  const key = keys(attempt);
  await Promise.all([key.knownAddress, key.knownDevice].map((k) => k && countHit(k, KNOWN_MS)));
}
