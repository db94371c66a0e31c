// Reads bounding boxes out of an annotation's data, in the spellings imports use: objects
// `{x, y, width, height, class|label}` or arrays `[x, y, width, height, label?]`, under `boxes`.
export type DrawnBox = { x: number; y: number; width: number; height: number; label: string | null };

const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function boxesOf(data: unknown): DrawnBox[] {
  const list = (data as { boxes?: unknown } | null)?.boxes;
  if (!Array.isArray(list)) return [];
  const boxes: DrawnBox[] = [];
  for (const entry of list.slice(0, 200)) {
    if (Array.isArray(entry) && entry.slice(0, 4).every(num)) {
      boxes.push({ x: entry[0], y: entry[1], width: entry[2], height: entry[3], label: typeof entry[4] === "string" ? entry[4] : null });
    } else if (entry && typeof entry === "object") {
      const b = entry as Record<string, unknown>;
      const label = typeof b.class === "string" ? b.class : typeof b.label === "string" ? b.label : null;
      if (num(b.x) && num(b.y) && num(b.width) && num(b.height)) boxes.push({ x: b.x, y: b.y, width: b.width, height: b.height, label });
    }
  }
  return boxes;
}
