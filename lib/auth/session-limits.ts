// Sessions slide while used (idle expiry, see auth.ts) but never outlive this since sign-in.
export const ABSOLUTE_SESSION_MS = 30 * 24 * 60 * 60 * 1000;
