// Where sign-in sends a person back to: `?next=` on /sign-in, set by pages that need an account.
// Only a path on this hub (one leading slash, no scheme, no backslash tricks) is followed; anything
// else goes home, so the parameter cannot send anyone to another site.

export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.includes("\\") || /[\u0000-\u001f]/.test(next)) return "/";
  return next;
}

/** The sign-in page, coming back to `path` afterwards. */
export const signInFor = (path: string): string => `/sign-in?next=${encodeURIComponent(safeReturnPath(path))}`;
