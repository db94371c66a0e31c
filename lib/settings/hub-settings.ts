import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { processSingleton } from "@/lib/process-singleton";
import { hubSettingsSchema, type HubSettings } from "./schema";

const KEY = "settings";
// Read on every request (public read is checked on each catalog call): a short-lived copy keeps
// that free, and a change reaches every instance within twice this long.
const TTL_MS = 2000;
const memo = processSingleton("hub-settings", () => ({
  cached: undefined as { value: HubSettings; at: number } | undefined,
  loading: undefined as Promise<HubSettings> | undefined,
  /** Bumped by every update, so a read that started before it does not overwrite the new value. */
  writes: 0,
}));

export async function getSettings(): Promise<HubSettings> {
  const { cached } = memo;
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  // One read for every request that finds the copy expired, not one each (under load that was a
  // burst of dozens of identical queries every TTL).
  memo.loading ??= readSettings().finally(() => {
    memo.loading = undefined;
  });
  // While it runs, a copy at most twice the TTL old still answers: one slow query (a checkpoint, a
  // busy pool) must not hold every request of the hub behind it.
  if (cached && Date.now() - cached.at < 2 * TTL_MS) {
    memo.loading.catch(() => {});
    return cached.value;
  }
  return memo.loading;
}

async function readSettings(): Promise<HubSettings> {
  const writes = memo.writes;
  const row = await db().hubMeta.findUnique({ where: { key: KEY } });
  const parsed = hubSettingsSchema.safeParse(row?.value ?? {});
  const value = parsed.success ? parsed.data : hubSettingsSchema.parse({});
  if (memo.writes === writes) memo.cached = { value, at: Date.now() };
  return value;
}

export async function updateSettings(patch: Partial<HubSettings>): Promise<HubSettings> {
  const value = hubSettingsSchema.parse({ ...(await getSettings()), ...patch });
  const json = value as unknown as Prisma.InputJsonValue;
  await db().hubMeta.upsert({ where: { key: KEY }, create: { key: KEY, value: json }, update: { value: json, updatedAt: new Date() } });
  memo.writes++;
  memo.cached = { value, at: Date.now() };
  return value;
}
