import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";

// One pg pool per process, shared by Prisma (through its adapter) and the few hot read paths that
// query it directly (the catalog), where Prisma's per-query overhead was most of the CPU cost.
const globalForPool = globalThis as unknown as { __pool?: pg.Pool };

export function pool(): pg.Pool {
  globalForPool.__pool ??= new pg.Pool({ connectionString: databaseUrl(), max: 10 });
  return globalForPool.__pool;
}
