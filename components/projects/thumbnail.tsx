"use client";

import { useState } from "react";
import type { ItemFile } from "@/lib/projects/schemas";
import { formatBytes } from "@/lib/format";
import type { DrawnBox } from "./boxes";

/** A file's preview: an image scaled into the card with the item's boxes drawn over it, else its name and type. */
export function Thumbnail({ file, boxes, alt }: { file: ItemFile | undefined; boxes: DrawnBox[]; alt: string }) {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [broken, setBroken] = useState(false);
  const frame = "flex h-36 items-center justify-center overflow-hidden rounded-t-xl bg-zinc-100 dark:bg-zinc-950";
  if (!file) return <div className={`${frame} text-xs text-zinc-500`}>No file</div>;
  if (!file.contentType.startsWith("image/") || broken) {
    return (
      <a href={file.url} className={`${frame} flex-col gap-1 px-3 text-center text-xs text-zinc-600 hover:underline dark:text-zinc-400`}>
        <svg aria-hidden viewBox="0 0 24 24" className="size-7 text-zinc-400" fill="none" stroke="currentColor" strokeWidth="1.5">
          <path d="M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8z" />
          <path d="M14 3v5h5" />
        </svg>
        <span className="max-w-full truncate font-mono">{file.fileName}</span>
        <span>
          {broken ? "no preview · " : `${file.contentType} · `}
          {formatBytes(file.sizeBytes)}
        </span>
      </a>
    );
  }
  return (
    <div className={frame}>
      {/* The wrapper shrinks to the image, so the overlay's coordinates are the image's own pixels. */}
      <div className="relative">
        {/* eslint-disable-next-line @next/next/no-img-element -- a signed-in file read, not a static asset next/image could optimise */}
        <img
          src={file.url}
          alt={alt}
          loading="lazy"
          className="block h-36 w-auto max-w-full [image-rendering:pixelated]"
          onLoad={(event) => setSize({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
          onError={() => setBroken(true)}
        />
        {size && boxes.length > 0 && (
          <svg aria-hidden viewBox={`0 0 ${size.width} ${size.height}`} preserveAspectRatio="none" className="pointer-events-none absolute inset-0 size-full">
            {boxes.map((box, i) => (
              <rect
                key={i}
                x={box.x}
                y={box.y}
                width={box.width}
                height={box.height}
                fill="none"
                className="stroke-yellow-400"
                strokeWidth={1.5}
                vectorEffect="non-scaling-stroke"
              />
            ))}
          </svg>
        )}
      </div>
    </div>
  );
}
