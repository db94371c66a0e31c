/**
 * PEP 440 version specifiers, as far as `requires-python` needs them: release numbers compared with
 * zero padding (`==3.12` is 3.12.0), `.*` prefix matches on `==`/`!=`, `~=` compatible releases, and
 * comma-separated clauses that must all hold. Pre-release and local segments of a specifier are refused
 * as invalid rather than half-supported.
 */

export type PythonVersion = readonly number[];

type Clause = { op: string; version: number[]; wildcard: boolean };

const CLAUSE = /^(===|~=|==|!=|<=|>=|<|>)\s*v?(\d+(?:\.\d+)*)(\.\*)?$/;

/** Parses "3.12.1" (or "3.12") into numbers; null when it is not a plain release. */
export function parseVersion(text: string): number[] | null {
  const match = /^v?(\d+(?:\.\d+)*)$/.exec(text.trim());
  return match ? match[1].split(".").map(Number) : null;
}

export function compareVersions(a: PythonVersion, b: PythonVersion): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Returns a predicate for a specifier such as ">=3.10,<3.13"; throws on a specifier it cannot read. */
export function parseSpecifier(specifier: string): (version: PythonVersion) => boolean {
  const clauses = specifier
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map(parseClause);
  return (version) => clauses.every((clause) => matches(clause, version));
}

function parseClause(text: string): Clause {
  const match = CLAUSE.exec(text);
  if (!match) throw new Error(`"${text}" is not a version specifier PEP 440 allows here`);
  const [, op, digits, star] = match;
  const wildcard = star !== undefined;
  if (wildcard && op !== "==" && op !== "!=") throw new Error(`"${text}": ".*" is only allowed with == and !=`);
  const version = digits.split(".").map(Number);
  if (op === "~=" && version.length < 2) throw new Error(`"${text}": ~= needs at least two release numbers`);
  return { op, version, wildcard };
}

function matches({ op, version, wildcard }: Clause, candidate: PythonVersion): boolean {
  const cmp = compareVersions(candidate, version);
  switch (op) {
    case "==":
    case "===":
      return wildcard ? hasPrefix(candidate, version) : cmp === 0;
    case "!=":
      return wildcard ? !hasPrefix(candidate, version) : cmp !== 0;
    case "<=":
      return cmp <= 0;
    case ">=":
      return cmp >= 0;
    case "<":
      return cmp < 0;
    case ">":
      return cmp > 0;
    case "~=":
      return cmp >= 0 && hasPrefix(candidate, version.slice(0, -1));
  }
  return false;
}

function hasPrefix(candidate: PythonVersion, prefix: PythonVersion): boolean {
  return prefix.every((part, i) => (candidate[i] ?? 0) === part);
}
