import { usageError } from "../errors";

/** `code@version` → its parts; the version may be optional (`fallback`). */
export function parseRef(ref: string, fallback?: string): { code: string; version: string } {
  const [code, version = fallback] = ref.split("@");
  if (!/^[a-z0-9_-]+$/.test(code ?? "")) throw usageError(`"${ref}" is not a plugin code (expected code or code@version).`);
  if (!version) throw usageError(`"${ref}" needs a version: ${code}@<version>.`);
  return { code, version };
}
