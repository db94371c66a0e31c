// `npm run prisma -- <args>`: the Prisma CLI with the offline settings of scripts/lib/prisma-cli.ts.
import { runPrisma } from "./lib/prisma-cli";

try {
  runPrisma(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
