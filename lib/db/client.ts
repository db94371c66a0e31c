import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { processSingleton } from "@/lib/process-singleton";
import { pool } from "./pool";

const holder = processSingleton("prisma", () => ({ client: undefined as PrismaClient | undefined }));

/** The one Prisma client of this process, on the shared pool. */
export function db(): PrismaClient {
  holder.client ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return holder.client;
}
