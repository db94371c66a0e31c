"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { formatBytes } from "@/lib/format";

type Options<T> = {
  /** File names the server takes, and what to say when another is chosen. */
  accepted: RegExp;
  wrongType: string;
  /** What the file is called in the size refusal ("archive", "file"). */
  noun: string;
  maxBytes: number;
  send: (file: File, onProgress: (fraction: number) => void, signal: AbortSignal) => Promise<T>;
  onSuccess?: (result: T) => void;
};

/**
 * One file chosen and uploaded at a time (a plugin archive, a project): checked here first for its
 * type and size, then sent with progress and a way to cancel it.
 */
export function useFileUpload<T>({ accepted, wrongType, noun, maxBytes, send, onSuccess }: Options<T>) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [localError, setLocalError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      abort.current = new AbortController();
      setProgress(0);
      return send(chosen, setProgress, abort.current.signal);
    },
    onSuccess,
  });

  function choose(next: File) {
    upload.reset();
    setFile(next);
    if (!accepted.test(next.name)) return setLocalError(wrongType);
    if (next.size > maxBytes) return setLocalError(`The ${noun} is ${formatBytes(next.size)}; the limit is ${formatBytes(maxBytes)}.`);
    setLocalError(null);
    upload.mutate(next);
  }

  return { file, progress, localError, upload, choose, cancel: () => abort.current?.abort() };
}
