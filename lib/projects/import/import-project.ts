import "server-only";
import type { PoolClient } from "pg";
import { pool } from "@/lib/db/pool";
import { assignmentSchema, groundTruthSchema, LINE_TYPES, projectSchema, taskSchema, type LineType, type ProjectHeader } from "./format";
import { ImportErrors } from "./import-errors";
import { checkFiles, storeFiles } from "./resolve-files";
import { RowWriter } from "./row-writer";
import type { ImportSource, RawRecord } from "./sources";

export type ImportResult = { id: number; name: string; counts: RowWriter["counts"] & { groundTruthVersions: number } };

export type ImportOptions = {
  /** Writes of the caller's that must commit with the project or not at all (the seed's marker row). */
  beforeCommit?: (client: PoolClient, projectId: number) => Promise<void>;
};

/**
 * Imports a project all or nothing: one transaction for every row, rolled back on the first problem
 * while the rest of the upload is still read, so the refusal lists every error with its file and line.
 * Files are streamed into the blob store and committed before the rows that name them (a refused
 * import leaves only unreferenced blobs, which the orphan collector removes).
 */
export async function importProject(source: ImportSource, createdById: string | null, options: ImportOptions = {}): Promise<ImportResult> {
  const client = await pool().connect();
  const errors = new ImportErrors();
  try {
    await client.query("BEGIN");
    const state = new ImportState(client, source, errors, createdById);
    for await (const record of source.records()) await state.take(record);
    if (!state.writer && !errors.any) errors.add("(upload)", undefined, "", "there is no project record");
    if (errors.any) throw errors.toError();
    await state.writer!.flush();
    await options.beforeCommit?.(client, state.writer!.projectId);
    await client.query("COMMIT");
    return { id: state.writer!.projectId, name: state.name, counts: { ...state.writer!.counts, groundTruthVersions: state.versions.size } };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

class ImportState {
  writer: RowWriter | null = null;
  name = "";
  readonly versions = new Map<string, number>();
  /** Every task key seen, written or not, so a later line naming it is not also an error. */
  private readonly keys = new Set<string>();
  private readonly blobs = new Map<string, { sha256: string; size: number }>();

  constructor(
    private readonly client: PoolClient,
    private readonly source: ImportSource,
    private readonly errors: ImportErrors,
    private readonly createdById: string | null,
  ) {}

  async take({ file, line, type, text }: RawRecord): Promise<void> {
    if (text === null) return this.errors.add(file, line, "", type === "project" ? "is missing or larger than 1 MiB" : "is longer than 16 MiB");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return this.errors.add(file, line, "", `is not valid JSON (${(error as Error).message})`);
    }
    let kind = type;
    if (kind === null) {
      // A single .jsonl: the line says what it is.
      const tagged = value as { type?: unknown } | null;
      if (!tagged || typeof tagged !== "object" || !LINE_TYPES.includes(tagged.type as LineType)) {
        return this.errors.add(file, line, "type", `must be one of ${LINE_TYPES.join(", ")}`);
      }
      kind = tagged.type as LineType;
      const { type: _type, ...rest } = tagged; // eslint-disable-line @typescript-eslint/no-unused-vars
      value = rest;
    }
    if (kind !== "project" && !this.writer && !this.name) {
      this.name = "(invalid)"; // said once: the lines after it are still checked
      return this.errors.add(file, line, "", "the project record must come first");
    }
    if (kind === "project") return this.project(file, line, value);
    if (kind === "task") return this.task(file, line, value);
    if (kind === "assignment") return this.assignment(file, line, value);
    return this.groundTruth(file, line, value);
  }

  private async project(file: string, line: number, value: unknown): Promise<void> {
    if (this.writer || this.name) return this.errors.add(file, line, "type", "there is more than one project record");
    const parsed = projectSchema.safeParse(value);
    if (!parsed.success) {
      this.name = "(invalid)";
      return this.errors.addZod(file, line, parsed.error);
    }
    const header: ProjectHeader = parsed.data;
    this.name = header.name;
    const { rows } = await this.client.query<{ id: number }>(
      "INSERT INTO projects (name, description, configuration, created_by_id) VALUES ($1, $2, $3, $4) RETURNING id",
      [header.name, header.description, JSON.stringify(header.configuration), this.createdById],
    );
    this.writer = new RowWriter(this.client, rows[0].id);
    for (const version of header.ground_truth_versions) {
      if (this.versions.has(version.name)) this.errors.add(file, line, "ground_truth_versions", `version ${JSON.stringify(version.name)} is declared twice`);
      else await this.version(version.name, version.description);
    }
  }

  private async task(file: string, line: number, value: unknown): Promise<void> {
    const parsed = taskSchema.safeParse(value);
    if (!parsed.success) return this.errors.addZod(file, line, parsed.error);
    const task = parsed.data;
    if (this.keys.has(task.key)) return this.errors.add(file, line, "key", `task ${JSON.stringify(task.key)} appears more than once`);
    this.keys.add(task.key);
    const checked = checkFiles(task.files, this.source, this.errors, file, line);
    if (this.errors.any || !this.writer) return; // already refused: only checking from here on
    await this.writer.task({ key: task.key, data: task.data, files: await storeFiles(checked, this.source, this.blobs) });
  }

  private async assignment(file: string, line: number, value: unknown): Promise<void> {
    const parsed = assignmentSchema.safeParse(value);
    if (!parsed.success) return this.errors.addZod(file, line, parsed.error);
    if (!this.keys.has(parsed.data.task)) return this.errors.add(file, line, "task", `no task ${JSON.stringify(parsed.data.task)} before this line`);
    if (!this.errors.any && this.writer) await this.writer.assignment(parsed.data);
  }

  private async groundTruth(file: string, line: number, value: unknown): Promise<void> {
    const parsed = groundTruthSchema.safeParse(value);
    if (!parsed.success) return this.errors.addZod(file, line, parsed.error);
    const event = parsed.data;
    if (!this.keys.has(event.task)) return this.errors.add(file, line, "task", `no task ${JSON.stringify(event.task)} before this line`);
    if (this.errors.any || !this.writer) return;
    const version = this.versions.get(event.version) ?? (await this.version(event.version, ""));
    await this.writer.event({ version, task: event.task, category: event.category ?? null, data: event.data });
  }

  private async version(name: string, description: string): Promise<number> {
    const { rows } = await this.client.query<{ id: number }>(
      "INSERT INTO ground_truth_versions (project_id, name, description) VALUES ($1, $2, $3) RETURNING id",
      [this.writer!.projectId, name, description],
    );
    this.versions.set(name, rows[0].id);
    return rows[0].id;
  }
}
