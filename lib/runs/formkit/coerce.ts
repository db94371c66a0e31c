// Lenient readings of submitted values, shared by the defaults and the validation: an HTML control
// (and many scripts) send numbers and booleans as text.

/** Empty (absent, null, blank text): a field left unfilled. */
export const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** A number from a number or numeric text; anything else is returned as it was, for the error. */
export function toNumber(v: unknown): unknown {
  if (typeof v === "string" && v.trim() !== "") {
    const n = Number(v.trim());
    return Number.isNaN(n) ? v : n;
  }
  return v;
}

export function toBoolean(v: unknown): unknown {
  if (v === "true" || v === "on") return true;
  if (v === "false" || v === "off") return false;
  return v;
}

/** Text from text or a number (a script may send `"name": 7`). */
export const toText = (v: unknown): unknown => (typeof v === "number" ? String(v) : v);

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Whether `value` lies on the grid `base + k·step`, within floating-point error (0.3 is 3 × 0.1). */
export function onStep(value: number, step: number, base = 0): boolean {
  const k = (value - base) / step;
  return Math.abs(k - Math.round(k)) <= 1e-9 * Math.max(1, Math.abs(k));
}
