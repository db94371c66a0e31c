// Applies committed migrations (prisma/migrations) to the database at `url`.
import { runPrisma } from "./prisma-cli";

export function migrate(url: string): void {
  runPrisma(["migrate", "deploy"], { DATABASE_URL: url }, true);
}
