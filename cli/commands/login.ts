import { readFileSync } from "node:fs";
import { HubClient } from "../client";
import { writeConfig } from "../config";
import { usageError } from "../errors";
import { print, type Output } from "../output";

/** `login --host <url> [--token <t> | --token-stdin]`: checks the hub answers, then saves host and token. */
export async function login(flags: { host?: string; token?: string; "token-stdin"?: boolean }, output: Output): Promise<void> {
  if (!flags.host) throw usageError("login needs --host <url>, e.g. --host http://127.0.0.1:3000");
  let host: string;
  try {
    host = new URL(flags.host).toString().replace(/\/+$/, "");
  } catch {
    throw usageError(`--host ${flags.host} is not a URL`);
  }
  const token = flags["token-stdin"] ? readFileSync(0, "utf8").trim() : flags.token || process.env.SYNAPSE_HUB_TOKEN;
  await new HubClient({ host, token }).json("/api/health");
  const file = await writeConfig({ host, ...(token ? { token } : {}) });
  print(output, `Logged in to ${host}${token ? " with a token" : " (no token)"}. Saved to ${file}.`, { host, tokenSaved: Boolean(token), config: file });
}
