import "server-only";
import { env } from "@/lib/env";

/** The origins a browser may send cookie-authenticated requests from. */
export function trustedOrigins(): string[] {
  const config = env();
  if (config.PUBLIC_URL) return [new URL(config.PUBLIC_URL).origin];
  const port = config.PORT;
  // Unconfigured local use: 127.0.0.1 and localhost are the same hub.
  return config.HOST === "127.0.0.1" || config.HOST === "localhost"
    ? [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
    : [`http://${config.HOST}:${port}`];
}
