import { createHash } from "node:crypto";

/** A caller-provided lock across hub instances (a Postgres advisory lock), used instead of the lock file. */
export type LockFn = <T>(key: string, fn: () => Promise<T>) => Promise<T>;

export type EnvKeyInput = {
  interpreter: { path: string; version: string };
  requirementsText: string;
  packageManager: "pip" | "uv";
  options: string[];
};

/**
 * Requirements as far as the environment they produce is concerned: comments, blank lines, stray
 * whitespace and line order do not change what pip installs, so versions that differ only in those
 * share one environment.
 */
export function normalizeRequirements(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/(^|\s)#.*$/, "")
        .trim()
        .replace(/\s+/g, " "),
    )
    .filter((line) => line !== "")
    .sort();
}

/** The environment's cache key: everything that decides what ends up installed. */
export function envKey(input: EnvKeyInput): string {
  const material = JSON.stringify({
    interpreter: [input.interpreter.path, input.interpreter.version],
    requirements: normalizeRequirements(input.requirementsText),
    manager: input.packageManager,
    options: input.options,
  });
  return createHash("sha256").update(material).digest("hex");
}
