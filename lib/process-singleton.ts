/**
 * State that must exist once per process. In production `lib/` is loaded twice — by Next.js's page
 * bundle and by the API router's own modules (server/) — so module-level `let`s would exist twice
 * (two pools, two caches, one of them never invalidated). Everything stateful goes through here:
 * the value lives on globalThis under a registry symbol, shared by every copy of this module.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`synapse-hub.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  if (!(key in store)) store[key] = create();
  return store[key] as T;
}
