import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import type { NewEvent } from "../event-store";
import type { LogLevel } from "../schemas";

/** One `POST /logs/` entry (DESIGN.md §3); the body is one of these or a list of them. */
export const logEntrySchema = z.looseObject({
  event: z.string().min(1).max(100),
  data: z.unknown().optional(),
  datetime: z.string().max(64).optional(),
  job: z.string().max(64).optional(),
  level: z.string().max(20).nullish(),
  file: z.string().nullish(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;
export const logBodySchema = z.union([logEntrySchema, z.array(logEntrySchema).max(10_000)]);

/** An image or file sent inline as a `data:` URI is kept in the event up to this size (the runtime's 5 MiB, encoded). */
const MAX_FILE_CHARS = 7 * 1024 * 1024;
const LEVELS: Record<string, LogLevel> = {
  danger: "error",
  error: "error",
  critical: "error",
  warning: "warning",
  warn: "warning",
  success: "success",
  debug: "debug",
};
const levelOf = (value: unknown): LogLevel => LEVELS[String(value ?? "").toLowerCase()] ?? "info";

/** The run each entry reports for must be the token's run: a run token cannot write into another run. */
export function checkEntriesBelongTo(entries: LogEntry[], runId: string): void {
  const foreign = entries.find((entry) => entry.job !== undefined && entry.job !== runId);
  if (foreign) throw new AppError("forbidden", `This token reports for run ${runId}, not ${foreign.job}.`);
}

/** The hub's event for each log entry, in order. */
export function toEvents(entries: LogEntry[]): NewEvent[] {
  return entries.map((entry) => {
    const at = parseDate(entry.datetime);
    const data = (entry.data ?? {}) as Record<string, unknown>;
    switch (entry.event) {
      case "message":
        return { type: "log", at, data: { level: levelOf(data.context ?? entry.level), message: String(data.content ?? ""), source: "plugin" } };
      case "metric":
        return { type: "metric", at, data };
      case "trials":
        return { type: "trials", at, data };
      case "artifact":
        return { type: "artifact", at, data };
      case "visualization":
        return { type: "visualization", at, data: { ...data, image: inlineFile(entry.file ?? (data.image as string | undefined)) } };
      case "debug":
      case "info":
      case "warning":
      case "error":
        return { type: "log", at, data: { level: levelOf(entry.event), message: messageOf(data), source: "plugin", event: entry.event } };
      default:
        return {
          type: "log",
          at,
          data: { level: levelOf(entry.level), message: `${entry.event}: ${summary(data)}`, source: "plugin", event: entry.event, data },
        };
    }
  });
}

function inlineFile(uri: string | null | undefined): { url: string; contentType: string } | null {
  if (!uri || !uri.startsWith("data:") || uri.length > MAX_FILE_CHARS) return null;
  return { url: uri, contentType: /^data:([^;,]+)/.exec(uri)?.[1] ?? "application/octet-stream" };
}

function messageOf(data: Record<string, unknown> | string): string {
  if (typeof data === "string") return data;
  for (const key of ["message", "content", "msg"]) if (typeof data[key] === "string") return data[key] as string;
  return summary(data);
}

const summary = (data: unknown) => {
  const text = typeof data === "string" ? data : JSON.stringify(data);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
};

function parseDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
