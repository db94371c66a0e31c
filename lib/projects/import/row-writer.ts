import "server-only";
import type { PoolClient } from "pg";
import type { StoredFile } from "./resolve-files";

const BATCH = 500;

type PendingTask = { key: string; data: unknown; files: StoredFile[] };
type PendingAssignment = { task: string; worker: string; status: string; data: unknown };
type PendingEvent = { version: number; task: string; category: string | null; data: unknown };
type TaskFile = StoredFile & { taskId: number };

/** A column of a batch INSERT: its name, its Postgres type (an array of it is passed) and its value in a row. */
type Column<R> = [name: string, type: string, value: (row: R) => unknown];

/** One multi-row INSERT of `rows` through unnest: one array parameter per column, whatever the number of rows. */
async function insertRows<R, Out extends object = object>(client: PoolClient, table: string, columns: Column<R>[], rows: R[], returning = ""): Promise<Out[]> {
  const names = columns.map(([name]) => name).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const sql = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})${returning && ` RETURNING ${returning}`}`;
  const { rows: out } = await client.query<Out>(
    sql,
    columns.map(([, , value]) => rows.map(value)),
  );
  return out;
}

const json = (value: unknown) => JSON.stringify(value);

/**
 * Writes an import's rows inside its transaction, in batches of multi-row INSERTs (unnest), so a large
 * import is a few hundred statements rather than one per line. Tasks are always written before the
 * rows that refer to them, which find their ids in `taskIds`.
 */
export class RowWriter {
  readonly taskIds = new Map<string, number>();
  counts = { tasks: 0, files: 0, assignments: 0, groundTruthEvents: 0 };
  private tasks: PendingTask[] = [];
  private assignments: PendingAssignment[] = [];
  private events: PendingEvent[] = [];

  constructor(
    private readonly client: PoolClient,
    readonly projectId: number,
  ) {}

  async task(task: PendingTask): Promise<void> {
    if (this.tasks.push(task) >= BATCH) await this.flushTasks();
  }

  async assignment(row: PendingAssignment): Promise<void> {
    if (this.assignments.push(row) >= BATCH) await this.flushAssignments();
  }

  async event(row: PendingEvent): Promise<void> {
    if (this.events.push(row) >= BATCH) await this.flushEvents();
  }

  async flush(): Promise<void> {
    await this.flushTasks();
    await this.flushAssignments();
    await this.flushEvents();
  }

  private taskId = (key: string) => this.taskIds.get(key)!;

  private async flushTasks(): Promise<void> {
    if (!this.tasks.length) return;
    const batch = this.tasks;
    this.tasks = [];
    const rows = await insertRows<PendingTask, { id: number; key: string }>(
      this.client,
      "project_tasks",
      [
        ["project_id", "int", () => this.projectId],
        ["key", "text", (t) => t.key],
        ["data", "jsonb", (t) => json(t.data)],
      ],
      batch,
      "id, key",
    );
    for (const row of rows) this.taskIds.set(row.key, row.id);
    const files = batch.flatMap((t) => t.files.map((f): TaskFile => ({ ...f, taskId: this.taskId(t.key) })));
    if (files.length) {
      await insertRows<TaskFile>(
        this.client,
        "task_files",
        [
          ["task_id", "int", (f) => f.taskId],
          ["slot", "text", (f) => f.slot],
          ["file_name", "text", (f) => f.fileName],
          ["content_type", "text", (f) => f.contentType],
          ["sha256", "char(64)", (f) => f.sha256],
          ["size_bytes", "bigint", (f) => f.size],
          ["is_primary", "bool", (f) => f.isPrimary],
        ],
        files,
      );
    }
    this.counts.tasks += batch.length;
    this.counts.files += files.length;
  }

  private async flushAssignments(): Promise<void> {
    if (!this.assignments.length) return;
    await this.flushTasks();
    const batch = this.assignments;
    this.assignments = [];
    await insertRows<PendingAssignment>(
      this.client,
      "assignments",
      [
        ["project_id", "int", () => this.projectId],
        ["task_id", "int", (a) => this.taskId(a.task)],
        ["worker", "text", (a) => a.worker],
        ["status", "text", (a) => a.status],
        ["data", "jsonb", (a) => json(a.data)],
      ],
      batch,
    );
    this.counts.assignments += batch.length;
  }

  private async flushEvents(): Promise<void> {
    if (!this.events.length) return;
    await this.flushTasks();
    const batch = this.events;
    this.events = [];
    await insertRows<PendingEvent>(
      this.client,
      "ground_truth_events",
      [
        ["version_id", "int", (e) => e.version],
        ["task_id", "int", (e) => this.taskId(e.task)],
        ["category", "text", (e) => e.category],
        ["data", "jsonb", (e) => json(e.data)],
      ],
      batch,
    );
    this.counts.groundTruthEvents += batch.length;
  }
}
