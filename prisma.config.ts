// Prisma CLI configuration. Prisma's native engines cannot be downloaded on this network, so the
// CLI runs its WebAssembly schema engine through the pg driver adapter (see STACK.md).
import { defineConfig } from "prisma/config";
import { MigrationAdapter } from "./scripts/lib/prisma-adapter";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set (npm start and npm test set it for you)");
    return new MigrationAdapter(connectionString);
  },
});
