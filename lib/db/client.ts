import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pool } from "./pool";

// One client per process; kept on globalThis so dev-mode reloads do not open new pools.
const globalForDb = globalThis as unknown as { __db?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.__db ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.__db;
}
