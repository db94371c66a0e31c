import "server-only";
import { countHit, peekHits } from "./rate-limit";

// Failed sign-ins are counted per (account, address), so guessing from one address is stopped
// without handing anyone a way to lock the owner out: an address that has signed in to the account
// before is never refused by these limits (the per-address limit of better-auth still applies).
// Unknown addresses also share a wider per-account budget, against guessing spread over many.
const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ADDRESS = 10;
export const MAX_FAILURES_FROM_NEW_ADDRESSES = 50;
const KNOWN_MS = 10 * 365 * 24 * 60 * 60 * 1000; // "known" rows live in the same table; never expire in practice

const account = (email: string) => email.trim().toLowerCase();
const keys = (email: string, address: string) => ({
  known: `sign-in|known|${account(email)}|${address}`,
  fromAddress: `sign-in|failures|${account(email)}|${address}`,
  fromNewAddresses: `sign-in|failures|${account(email)}`,
});

/** Seconds to wait before this address may try this account again; 0 when it may now. */
export async function signInWaitSeconds(email: string, address: string): Promise<number> {
  const key = keys(email, address);
  if ((await peekHits(key.known, KNOWN_MS)).count > 0) return 0;
  const [fromAddress, fromNew] = await Promise.all([peekHits(key.fromAddress, WINDOW_MS), peekHits(key.fromNewAddresses, WINDOW_MS)]);
  const blocked = [
    fromAddress.count >= MAX_FAILURES_PER_ADDRESS ? fromAddress.windowStart : 0,
    fromNew.count >= MAX_FAILURES_FROM_NEW_ADDRESSES ? fromNew.windowStart : 0,
  ].filter(Boolean);
  if (!blocked.length) return 0;
  return Math.max(1, Math.ceil((Math.max(...blocked) + WINDOW_MS - Date.now()) / 1000));
}

/** Records a wrong password from `address` (not counted for addresses the account knows). */
export async function recordSignInFailure(email: string, address: string): Promise<void> {
  const key = keys(email, address);
  if ((await peekHits(key.known, KNOWN_MS)).count > 0) return;
  await Promise.all([countHit(key.fromAddress, WINDOW_MS), countHit(key.fromNewAddresses, WINDOW_MS)]);
}

/** Remembers that `address` signed in to the account, so it is never locked out of it. */
export async function recordSignInSuccess(email: string, address: string): Promise<void> {
  await countHit(keys(email, address).known, KNOWN_MS);
}
