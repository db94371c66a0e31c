import { defaultMethod, type Category, type Method } from "./categories";
import type { RawConfig } from "./config-schema";

export type PluginAction = Record<string, unknown> & { entrypoint: string; method: Method; description?: string };

/** The stored form of a config: every default applied, unknown keys kept as given. */
export type PluginConfig = {
  [key: string]: unknown;
  name: string;
  code: string;
  version: string;
  category: Category;
  description: string;
  readme: string;
  package_manager: "pip" | "uv";
  package_manager_options: string[];
  actions: Record<string, PluginAction>;
};

/** The SDK derives a missing code from the name. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

export function normalizeConfig(raw: RawConfig): PluginConfig {
  const actions: Record<string, PluginAction> = {};
  for (const [name, action] of Object.entries(raw.actions)) {
    // The SDK's enum has `restapi` too; a run treats it as a task (one request in, one result out).
    const method = action.method === "restapi" ? "task" : (action.method ?? defaultMethod(name));
    actions[name] = { ...action, method };
  }
  const options = [...raw.package_manager_options];
  if (raw.package_manager === "uv" && !options.includes("--no-cache")) options.unshift("--no-cache");
  return {
    ...raw,
    code: raw.code ?? slugify(raw.name),
    readme: raw.readme ?? "README.md",
    package_manager_options: options,
    actions,
  };
}
