import "server-only";
import { watch, type FSWatcher } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { registerFolder } from "./register-folder";
import type { LocalPluginList } from "./schemas";

const CONFIG_FILES = ["config.yaml", "synapse.yaml"];
const DEBOUNCE_MS = 300;

const state = processSingleton("local-plugins", () => ({
  dirs: [] as string[],
  items: new Map<string, LocalPluginList["items"][number]>(),
  watchers: [] as FSWatcher[],
  timer: undefined as NodeJS.Timeout | undefined,
  scanning: Promise.resolve(),
}));

export const pluginDirs = (): string[] =>
  (env().PLUGINS_DIR ?? "")
    .split(":")
    .filter(Boolean)
    .map((dir) => path.resolve(dir));

/** What the last scan found, folders in name order. */
export function localPlugins(): LocalPluginList {
  return { dirs: state.dirs, items: [...state.items.values()].sort((a, b) => a.folder.localeCompare(b.folder)) };
}

/** A PLUGINS_DIR entry that is itself a plugin counts as one; otherwise each of its folders with a config does. */
async function pluginFolders(dir: string): Promise<string[]> {
  const has = async (folder: string) => (await Promise.all(CONFIG_FILES.map((f) => stat(path.join(folder, f)).catch(() => null)))).some(Boolean);
  if (await has(dir)) return [dir];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => path.join(dir, e.name));
  return (await Promise.all(folders.map(async (folder) => ((await has(folder)) ? folder : null)))).filter((f): f is string => f !== null);
}

/** Registers every plugin folder found, one scan at a time (a change during a scan queues another). */
export function scanLocalPlugins(): Promise<void> {
  state.scanning = state.scanning.then(async () => {
    const found = (await Promise.all(state.dirs.map(pluginFolders))).flat();
    for (const folder of [...state.items.keys()]) if (!found.includes(folder)) state.items.delete(folder);
    for (const folder of found) state.items.set(folder, await registerFolder(folder));
  });
  return state.scanning.catch((error) => console.error("could not scan PLUGINS_DIR:", error));
}

/** At start-up and on every change under PLUGINS_DIR (debounced): discover, validate, register as debug releases. */
export function startLocalPluginWatcher(): void {
  if (state.watchers.length || state.dirs.length) return;
  state.dirs = pluginDirs();
  if (state.dirs.length === 0) return;
  const later = () => {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => void scanLocalPlugins(), DEBOUNCE_MS);
  };
  for (const dir of state.dirs) {
    try {
      const watcher = watch(dir, { recursive: true }, later);
      watcher.on("error", (error) => console.error(`watching ${dir} failed:`, error.message));
      state.watchers.push(watcher);
    } catch (error) {
      console.error(`cannot watch ${dir} (PLUGINS_DIR): ${(error as Error).message}`);
    }
  }
  void scanLocalPlugins().then(() => {
    const { items } = localPlugins();
    console.log(`Local plugins (PLUGINS_DIR): ${items.filter((i) => i.ok).length} registered as debug releases, ${items.filter((i) => !i.ok).length} invalid.`);
  });
}
