"use client";

import { useRef, useState, type DragEvent } from "react";

type Props = {
  onFile: (file: File) => void;
  disabled?: boolean;
  title: string;
  hint: string;
  /** The file input's `accept` and accessible name. */
  accept: string;
  inputLabel: string;
  testId?: string;
  /** Less padding, for a drop target inside a panel. */
  compact?: boolean;
};

/** A drop target that is also a keyboard-reachable file picker (plugin archives, project imports). */
export function Dropzone({ onFile, disabled, title, hint, accept, inputLabel, testId = "dropzone", compact = false }: Props) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  }

  return (
    <div
      data-testid={testId}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={`flex flex-col items-center rounded-xl border-2 border-dashed px-6 text-center transition-colors ${compact ? "gap-2 py-10" : "gap-3 py-14"} ${
        over ? "border-brand-500 bg-brand-50 dark:bg-brand-700/10" : "border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900"
      }`}
    >
      <svg aria-hidden viewBox="0 0 24 24" className={`${compact ? "size-9" : "size-10"} text-zinc-400`} fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M12 16V4m0 0-4 4m4-4 4 4M4 16v4h16v-4" />
      </svg>
      <p className="font-medium">{title}</p>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{hint}</p>
      <button
        type="button"
        disabled={disabled}
        onClick={() => input.current?.click()}
        className={`${compact ? "mt-1 " : ""}rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800`}
      >
        Choose a file
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="sr-only"
        tabIndex={-1}
        aria-label={inputLabel}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = "";
        }}
      />
    </div>
  );
}
