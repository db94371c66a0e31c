/** Collects SQL conditions and their parameters ($1, $2, …) in step. */
export class SqlConditions {
  readonly parts: string[] = [];

  /** Pass another instance's `params` to number on from it (two WHERE clauses of one statement). */
  constructor(readonly params: unknown[] = []) {}

  add(sql: (p: (value: unknown) => string) => string): void {
    this.parts.push(sql((value) => this.param(value)));
  }

  /** Adds a parameter outside any condition (a LIMIT) and returns its placeholder. */
  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  /** The conditions joined with AND, or TRUE when there are none. */
  get sql(): string {
    return this.parts.length ? this.parts.join(" AND ") : "TRUE";
  }

  get where(): string {
    return this.parts.length ? `WHERE ${this.sql}` : "";
  }
}
