import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { RunDto } from "./schemas";
import { RUN_INCLUDE, toRunDto } from "./serialize";

export async function getRun(id: string): Promise<RunDto> {
  const run = await db().run.findUnique({ where: { id }, include: RUN_INCLUDE });
  if (!run) throw notFound("not_found", "No such run.");
  return toRunDto(run);
}
