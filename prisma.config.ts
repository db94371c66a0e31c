// Prisma CLI configuration. Prisma's native engines cannot be downloaded on this network, so the
// CLI runs its WebAssembly schema engine through the pg driver adapter (see STACK.md).
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import pg from "pg";

// prisma/orm#27403: the adapter cannot deserialize the catalog types `name` (19) and `"char"` (18)
// (and their arrays) that the schema engine reads during migrate; report them as text instead.
const TEXT_OIDS: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };
type RowDescription = { fields: { dataTypeID: number }[] };
const query = pg.Query.prototype as unknown as { handleRowDescription(msg: RowDescription): void };
const original = query.handleRowDescription;
query.handleRowDescription = function (this: unknown, msg: RowDescription) {
  for (const field of msg.fields) field.dataTypeID = TEXT_OIDS[field.dataTypeID] ?? field.dataTypeID;
  return original.call(this, msg);
};

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set (npm start and npm test set it for you)");
    return new PrismaPg({ connectionString });
  },
});
