import "server-only";
import { Worker } from "node:worker_threads";
import { processSingleton } from "@/lib/process-singleton";

/**
 * SHA-256 of a file that is still being written, computed on a worker thread that reads behind the
 * writer: the receiving thread only says how far the file is written, and never copies or hashes a
 * byte itself. Hashing on the receiving thread was its largest single cost (60-90 ms of a ~230 ms
 * 100 MiB publish, bench/publish); on the worker, paired runs took ~230 → ~200 ms (2 busy cores, so
 * the gain is what the other core can spare). One worker per process serves every upload, in order.
 */
export type FileHash = {
  /** The file is written (not necessarily synced) up to `bytes`. */
  advance(bytes: number): void;
  /** The digest of the file's first `bytes` bytes, once they are all written. */
  digest(bytes: number): Promise<string>;
  /** The same, with the bytes' CRC-32 too (only for a hash opened with `crc32`). */
  digestWithCrc(bytes: number): Promise<{ sha256: string; crc32: number }>;
  /** Forgets an unfinished hash (a refused upload). */
  drop(): void;
};

// Plain CommonJS, evaluated as is: a separate file would need its own entry in every bundle that loads lib/.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { crc32 } = require("node:zlib");
const { openSync, readSync, closeSync } = require("node:fs");
const block = Buffer.allocUnsafe(1024 * 1024);
const files = new Map();
function catchUp(file, upTo) {
  while (file.done < upTo) {
    const read = readSync(file.fd, block, 0, Math.min(block.length, upTo - file.done), file.done);
    if (read === 0) throw new Error("the file is shorter than what was written");
    file.hash.update(block.subarray(0, read));
    if (file.crc !== undefined) file.crc = crc32(block.subarray(0, read), file.crc);
    file.done += read;
  }
}
function forget(id) {
  const file = files.get(id);
  files.delete(id);
  if (file) closeSync(file.fd);
}
parentPort.on("message", ({ id, op, path, bytes, crc }) => {
  try {
    if (op === "open") return void files.set(id, { fd: openSync(path, "r"), hash: createHash("sha256"), done: 0, crc: crc ? 0 : undefined });
    const file = files.get(id);
    if (op === "drop" || !file) return forget(id);
    catchUp(file, bytes);
    if (op === "digest") {
      forget(id);
      parentPort.postMessage({ id, digest: file.hash.digest("hex"), crc32: file.crc });
    }
  } catch (error) {
    try { forget(id); } catch {}
    parentPort.postMessage({ id, error: String(error) });
  }
});
`;

type Reply = { id: number; digest?: string; crc32?: number; error?: string };
type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };

const state = processSingleton("hash-worker", () => ({
  worker: undefined as Worker | undefined,
  waiting: new Map<number, Pending>(),
  failed: new Map<number, string>(),
  nextId: 0,
}));

function worker(): Worker {
  if (state.worker) return state.worker;
  const created = new Worker(WORKER_SOURCE, { eval: true });
  created.unref(); // never keeps the process alive on its own
  created.on("message", (reply: Reply) => {
    const { id, error } = reply;
    const waiting = state.waiting.get(id);
    state.waiting.delete(id);
    if (error !== undefined) {
      if (waiting) waiting.reject(new Error(`hashing the upload failed: ${error}`));
      else state.failed.set(id, error); // reported when its digest is asked for
    } else waiting?.resolve(reply);
  });
  const fail = (error: Error) => {
    if (state.worker === created) state.worker = undefined;
    for (const waiting of state.waiting.values()) waiting.reject(error);
    state.waiting.clear();
  };
  created.on("error", fail);
  created.on("exit", (code) => fail(new Error(`the hashing worker exited (${code})`)));
  state.worker = created;
  return created;
}

/** `crc32`: also compute the CRC-32 (run artifacts, which the result's zip lists without reading them). */
export function hashFileBehindWriter(path: string, { crc32 = false } = {}): FileHash {
  const id = state.nextId++;
  const target = worker();
  target.postMessage({ id, op: "open", path, crc: crc32 });
  const ask = (bytes: number): Promise<Reply> => {
    if (state.worker !== target) return Promise.reject(new Error("the hashing worker exited"));
    const failed = state.failed.get(id);
    state.failed.delete(id);
    if (failed !== undefined) return Promise.reject(new Error(`hashing the upload failed: ${failed}`));
    const reply = new Promise<Reply>((resolve, reject) => state.waiting.set(id, { resolve, reject }));
    target.postMessage({ id, op: "digest", bytes });
    return reply;
  };
  return {
    advance: (bytes) => target.postMessage({ id, op: "advance", bytes }),
    digest: (bytes) => ask(bytes).then((reply) => reply.digest!),
    digestWithCrc: (bytes) => ask(bytes).then((reply) => ({ sha256: reply.digest!, crc32: reply.crc32 ?? 0 })),
    drop() {
      state.failed.delete(id);
      target.postMessage({ id, op: "drop" });
    },
  };
}
