import semver from "semver";

/**
 * The version "latest" points at: the highest stable non-yanked one, else the highest prerelease.
 * Debug releases never are: they are named explicitly or not at all.
 */
export function latestVersion(versions: { version: string; yanked: boolean; debug?: boolean }[]): string | null {
  const live = versions.filter((v) => !v.yanked && !v.debug).map((v) => v.version);
  const stable = live.filter((v) => !semver.prerelease(v));
  const pool = stable.length > 0 ? stable : live;
  return pool.sort(semver.rcompare)[0] ?? null;
}

export function sortVersionsDesc<T extends { version: string }>(versions: T[]): T[] {
  return [...versions].sort((a, b) => semver.rcompare(a.version, b.version));
}
