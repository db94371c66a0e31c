import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";

// One pg pool per process, shared by Prisma (through its adapter) and the few hot read paths that
// query it directly (the catalog), where Prisma's per-query overhead was most of the CPU cost.
const holder = processSingleton("pg-pool", () => ({ pool: undefined as pg.Pool | undefined }));

export function pool(): pg.Pool {
  holder.pool ??= new pg.Pool({ connectionString: databaseUrl(), max: 10 });
  return holder.pool;
}
