import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import type { RunList, RunListQuery } from "./schemas";
import { RUN_INCLUDE, toRunDto } from "./serialize";

// Keyset paging, newest first: the cursor is the last item's `createdAt|id` (the Exports list pages the same way).
export const encode = (createdAt: Date, id: string) => Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

export function decode(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(iso);
  if (!id || !z.uuid().safeParse(id).success || Number.isNaN(createdAt.getTime()))
    throw new AppError("bad_request", "The cursor is not one this API handed out.");
  return { createdAt, id };
}

export async function listRuns(query: RunListQuery, viewerId: string): Promise<RunList> {
  const where: Prisma.RunWhereInput = {
    pluginCode: query.plugin,
    action: query.action,
    status: query.status,
    method: query.method,
    backend: query.backend,
    launchedById: query.who === "me" ? viewerId : query.who,
  };
  if (query.cursor) {
    const { createdAt, id } = decode(query.cursor);
    where.OR = [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }];
  }
  const rows = await db().run.findMany({ where, include: RUN_INCLUDE, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toRunDto), nextCursor: rows.length > query.limit && last ? encode(last.createdAt, last.id) : null };
}
