import "server-only";
import path from "node:path";
import { parseEnv, type Env } from "./env-schema";

let cached: (Env & { blobDir: string }) | undefined;

/** The validated configuration; the first call parses process.env (the only place that reads it). */
export function env(): Env & { blobDir: string } {
  if (!cached) {
    const parsed = parseEnv(process.env);
    cached = { ...parsed, blobDir: path.resolve(parsed.DATA_DIR, "blobs") };
  }
  return cached;
}

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the hub with `npm start`, which provides one");
  return url;
}
