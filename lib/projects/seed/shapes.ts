// The example project's images: coloured shapes drawn in code, each with its bounding box, the same
// on every hub (a seeded random generator), so the seed needs no image files in the repository.
import { encodePng } from "./png";

export const SHAPE_CLASSES = ["circle", "square", "triangle"] as const;
export type ShapeClass = (typeof SHAPE_CLASSES)[number];

/** A bounding box in pixels, top-left origin. */
export type Box = { class: ShapeClass; x: number; y: number; width: number; height: number };

export type ShapeImage = { png: Buffer; width: number; height: number; boxes: Box[] };

const COLOURS: [number, number, number][] = [
  [220, 38, 38],
  [22, 163, 74],
  [37, 99, 235],
  [234, 88, 12],
  [147, 51, 234],
];

/** mulberry32: small, fast and good enough to place shapes. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const inside: Record<ShapeClass, (u: number, v: number) => boolean> = {
  // u, v: the pixel's centre relative to the box, 0..1 on each axis.
  circle: (u, v) => (u - 0.5) ** 2 + (v - 0.5) ** 2 <= 0.25,
  square: () => true,
  triangle: (u, v) => Math.abs(u - 0.5) <= v / 2,
};

/** Image `index` of the example project: 1–3 shapes that do not overlap, on a pale background. */
export function shapeImage(index: number, width = 96, height = 72): ShapeImage {
  const next = random(index * 7919 + 17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const rgb = new Uint8Array(width * height * 3);
  const shade = 236 + Math.floor(next() * 16);
  rgb.fill(shade);
  const boxes: Box[] = [];
  const wanted = 1 + Math.floor(next() * 3);
  for (let attempt = 0; boxes.length < wanted && attempt < 50; attempt++) {
    const size = 16 + Math.floor(next() * 18);
    const box: Box = { class: pick(SHAPE_CLASSES), x: Math.floor(next() * (width - size)), y: Math.floor(next() * (height - size)), width: size, height: size };
    if (boxes.some((b) => box.x < b.x + b.width + 2 && b.x < box.x + box.width + 2 && box.y < b.y + b.height + 2 && b.y < box.y + box.height + 2)) continue;
    boxes.push(box);
    const colour = pick(COLOURS);
    for (let y = box.y; y < box.y + box.height; y++) {
      for (let x = box.x; x < box.x + box.width; x++) {
        if (inside[box.class]((x - box.x + 0.5) / box.width, (y - box.y + 0.5) / box.height)) rgb.set(colour, (y * width + x) * 3);
      }
    }
  }
  return { png: encodePng(width, height, rgb), width, height, boxes };
}
