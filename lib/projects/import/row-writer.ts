import "server-only";
import type { PoolClient } from "pg";
import type { StoredFile } from "./resolve-files";

const BATCH = 500;

type PendingTask = { key: string; data: unknown; files: StoredFile[] };
type PendingAssignment = { task: string; worker: string; status: string; data: unknown };
type PendingEvent = { version: number; task: string; category: string | null; data: unknown };

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
    this.tasks.push(task);
    if (this.tasks.length >= BATCH) await this.flushTasks();
  }

  async assignment(row: PendingAssignment): Promise<void> {
    this.assignments.push(row);
    if (this.assignments.length >= BATCH) await this.flushAssignments();
  }

  async event(row: PendingEvent): Promise<void> {
    this.events.push(row);
    if (this.events.length >= BATCH) await this.flushEvents();
  }

  async flush(): Promise<void> {
    await this.flushTasks();
    await this.flushAssignments();
    await this.flushEvents();
  }

  private async flushTasks(): Promise<void> {
    if (!this.tasks.length) return;
    const batch = this.tasks;
    this.tasks = [];
    const { rows } = await this.client.query<{ id: number; key: string }>(
      `INSERT INTO project_tasks (project_id, key, data) SELECT $1, k, d FROM unnest($2::text[], $3::jsonb[]) AS t(k, d) RETURNING id, key`,
      [this.projectId, batch.map((t) => t.key), batch.map((t) => JSON.stringify(t.data))],
    );
    for (const row of rows) this.taskIds.set(row.key, row.id);
    const files = batch.flatMap((t) => t.files.map((f) => ({ ...f, taskId: this.taskIds.get(t.key)! })));
    if (files.length) {
      await this.client.query(
        `INSERT INTO task_files (task_id, slot, file_name, content_type, sha256, size_bytes, is_primary)
         SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::char(64)[], $6::bigint[], $7::bool[])`,
        [
          files.map((f) => f.taskId),
          files.map((f) => f.slot),
          files.map((f) => f.fileName),
          files.map((f) => f.contentType),
          files.map((f) => f.sha256),
          files.map((f) => f.size),
          files.map((f) => f.isPrimary),
        ],
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
    await this.client.query(
      `INSERT INTO assignments (project_id, task_id, worker, status, data) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::jsonb[])`,
      [
        this.projectId,
        batch.map((a) => this.taskIds.get(a.task)!),
        batch.map((a) => a.worker),
        batch.map((a) => a.status),
        batch.map((a) => JSON.stringify(a.data)),
      ],
    );
    this.counts.assignments += batch.length;
  }

  private async flushEvents(): Promise<void> {
    if (!this.events.length) return;
    await this.flushTasks();
    const batch = this.events;
    this.events = [];
    await this.client.query(
      `INSERT INTO ground_truth_events (version_id, task_id, category, data) SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::jsonb[])`,
      [batch.map((e) => e.version), batch.map((e) => this.taskIds.get(e.task)!), batch.map((e) => e.category), batch.map((e) => JSON.stringify(e.data))],
    );
    this.counts.groundTruthEvents += batch.length;
  }
}
