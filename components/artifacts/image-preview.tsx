"use client";

import { useRef } from "react";

/** An image file as a thumbnail; a click (or Enter) opens it full size in a dialog that Escape closes. */
export function ImagePreview({ url, name }: { url: string; name: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        aria-label={`Enlarge ${name}`}
        className="self-start overflow-hidden rounded-lg border border-zinc-200 bg-[conic-gradient(at_50%_50%,#f4f4f5_25%,#fff_0_50%,#f4f4f5_0_75%,#fff_0)] bg-[length:16px_16px] focus-visible:outline-2 focus-visible:outline-brand-600 dark:border-zinc-800 dark:bg-[conic-gradient(at_50%_50%,#18181b_25%,#27272a_0_50%,#18181b_0_75%,#27272a_0)]"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- run files are blobs of any size, not optimizable assets */}
        <img src={url} alt={name} data-testid="image-thumbnail" className="h-56 w-auto max-w-full object-contain" />
      </button>
      <dialog
        ref={dialog}
        aria-label={name}
        onClick={(event) => event.target === dialog.current && dialog.current.close()}
        className="m-auto max-h-[95vh] max-w-[95vw] rounded-xl border border-zinc-200 bg-white p-2 shadow-2xl backdrop:bg-black/70 dark:border-zinc-700 dark:bg-zinc-900"
      >
        <div className="mb-2 flex items-center justify-between gap-4 px-1">
          <span className="truncate font-mono text-xs text-zinc-600 dark:text-zinc-300">{name}</span>
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className="rounded px-2 py-0.5 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            Close
          </button>
        </div>
        {/* eslint-disable-next-line @next/next/no-img-element -- as above */}
        <img src={url} alt={`${name}, full size`} className="max-h-[85vh] max-w-[90vw] object-contain" />
      </dialog>
    </>
  );
}
