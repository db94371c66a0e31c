// Where `login` keeps the hub's address and token: one JSON file, readable by its owner only.
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { CliError } from "./errors";

const configSchema = z.object({ host: z.url(), token: z.string().min(1).optional() });
export type CliConfig = z.infer<typeof configSchema>;

export function configPath(): string {
  if (process.env.SYNAPSE_HUB_CONFIG) return process.env.SYNAPSE_HUB_CONFIG;
  const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), ".config");
  return path.join(base, "synapse-hub", "config.json");
}

export async function readConfig(): Promise<CliConfig | null> {
  const text = await readFile(configPath(), "utf8").catch(() => null);
  if (text === null) return null;
  const parsed = configSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new CliError(`${configPath()} is not a valid config; run \`synapse-hub login\` again.`);
  return parsed.data;
}

export async function writeConfig(config: CliConfig): Promise<string> {
  const file = configPath();
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // writeFile keeps the mode of a file that already existed
  return file;
}

/** Flags win over the environment, which wins over the saved login. */
export async function resolveConnection(flags: { host?: string; token?: string }): Promise<CliConfig> {
  const saved = await readConfig();
  // An empty variable counts as unset.
  const host = flags.host || process.env.SYNAPSE_HUB_HOST || saved?.host;
  if (!host) throw new CliError("No hub configured: run `synapse-hub login --host <url>` or pass --host.", 2);
  return { host: host.replace(/\/+$/, ""), token: flags.token || process.env.SYNAPSE_HUB_TOKEN || saved?.token };
}
