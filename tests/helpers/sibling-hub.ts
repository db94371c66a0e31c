// Another instance of the suite's hub (scripts/test.ts starts the first one): the same database and
// the same blob store, as instances behind a load balancer share them, so a row published through
// any instance finds its bytes from every other. Its own port, process and settings.
import { randomBytes } from "node:crypto";
import { startHub, type HubProcess } from "@/scripts/lib/hub-process";
import { freePort } from "@/scripts/lib/postgres";

export type SiblingOptions = { host?: string; port?: number; dev?: boolean; env?: Record<string, string | undefined> };

export async function startSiblingHub(options: SiblingOptions = {}): Promise<HubProcess> {
  const need = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the integration tests through \`npm test\` (scripts/test.ts)`);
    return value;
  };
  return startHub({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? (await freePort()),
    dev: options.dev,
    quiet: !process.env.TEST_VERBOSE,
    env: {
      DATABASE_URL: need("DATABASE_URL"),
      DATA_DIR: need("HUB_DATA_DIR"),
      NODE_ENV: options.dev ? "development" : "production",
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      SEED_EXAMPLES: "false",
      // The test process knows the suite's Ray head; a sibling uses it only when a test says so.
      RAY_ADDRESS: undefined,
      RAY_SERVE_URL: undefined,
      ...options.env,
    },
  });
}
