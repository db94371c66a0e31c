import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { processSingleton } from "@/lib/process-singleton";
import { hubSettingsSchema, type HubSettings } from "./schema";

const KEY = "settings";
// Read on every request (public read is checked on each catalog call): a short-lived copy keeps
// that free, and a change reaches every instance within this long.
const TTL_MS = 2000;
const memo = processSingleton("hub-settings", () => ({ cached: undefined as { value: HubSettings; at: number } | undefined }));

export async function getSettings(): Promise<HubSettings> {
  const { cached } = memo;
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  const row = await db().hubMeta.findUnique({ where: { key: KEY } });
  const parsed = hubSettingsSchema.safeParse(row?.value ?? {});
  const value = parsed.success ? parsed.data : hubSettingsSchema.parse({});
  memo.cached = { value, at: Date.now() };
  return value;
}

export async function updateSettings(patch: Partial<HubSettings>): Promise<HubSettings> {
  const value = hubSettingsSchema.parse({ ...(await getSettings()), ...patch });
  const json = value as unknown as Prisma.InputJsonValue;
  await db().hubMeta.upsert({ where: { key: KEY }, create: { key: KEY, value: json }, update: { value: json, updatedAt: new Date() } });
  memo.cached = { value, at: Date.now() };
  return value;
}
