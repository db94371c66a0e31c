import { AppError } from "@/lib/http/errors";

const CONFIG_NAMES = ["config.yaml", "synapse.yaml"];
// Folders that archivers add beside the real content and that no plugin means to ship.
const IGNORED_TOP = new Set(["__MACOSX"]);

/** Finds config.yaml (or synapse.yaml) at the root or inside the archive's single top-level folder. */
export function findConfig(files: string[]): { root: string; configPath: string } {
  for (const name of CONFIG_NAMES) if (files.includes(name)) return { root: "", configPath: name };
  const tops = new Set(files.map((f) => f.split("/")[0]).filter((t) => !IGNORED_TOP.has(t)));
  if (tops.size === 1) {
    const [top] = tops;
    for (const name of CONFIG_NAMES) {
      if (files.includes(`${top}/${name}`)) return { root: `${top}/`, configPath: `${top}/${name}` };
    }
  }
  const where = tops.size === 1 ? `the root or in ${[...tops][0]}/` : "the root (or in a single top-level folder)";
  throw new AppError("config_missing", `No config.yaml or synapse.yaml found at ${where}.`);
}
