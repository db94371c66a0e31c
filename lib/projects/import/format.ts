import { z } from "zod";

/**
 * The project import format (README "Projects"): a `.zip` with `project.json`, `tasks.jsonl`,
 * `assignments.jsonl`, `ground_truth.jsonl` and the files the tasks name, or one `.jsonl` whose lines
 * say their `type`. Tasks are referred to by their own `key`; files by their path in the zip (or, in a
 * `.jsonl`, inline as a `data:` URI).
 */

const MAX_KEY = 200;
const key = z.string().min(1).max(MAX_KEY);
const json = z.record(z.string(), z.unknown());
const slot = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, "must be 1–100 letters, digits, `_`, `.` or `-`");

export const projectSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5000).default(""),
    /** The project's annotation configuration (classes, tools), handed to exporters as is. */
    configuration: json.default({}),
    /** Declares ground-truth versions up front (with a description); versions named by lines are created too. */
    ground_truth_versions: z
      .array(z.object({ name: key, description: z.string().max(2000).default("") }).strict())
      .max(1000)
      .default([]),
  })
  .strict();
export type ProjectHeader = z.infer<typeof projectSchema>;

/** A file of a task: a path in the zip, or a `data:` URI (the only way in a `.jsonl`). */
const fileRef = z.union([
  z.string().min(1).max(4096),
  z
    .object({
      path: z.string().min(1).max(4096).optional(),
      data: z.string().startsWith("data:").optional(),
      name: z.string().min(1).max(255).optional(),
      primary: z.boolean().optional(),
    })
    .strict()
    .refine((f) => (f.path === undefined) !== (f.data === undefined), "give exactly one of `path` and `data`"),
]);
export type FileRef = z.infer<typeof fileRef>;

export const taskSchema = z
  .object({
    key,
    data: json.default({}),
    files: z.record(slot, fileRef).default({}),
  })
  .strict()
  .refine((t) => Object.keys(t.files).length <= 32, { message: "at most 32 files per task", path: ["files"] });
export type TaskLine = z.infer<typeof taskSchema>;

export const assignmentSchema = z
  .object({
    task: key,
    worker: z.string().min(1).max(200),
    status: z.enum(["pending", "in_progress", "submitted", "approved", "rejected"]),
    data: json.default({}),
  })
  .strict();
export type AssignmentLine = z.infer<typeof assignmentSchema>;

export const groundTruthSchema = z
  .object({
    version: key,
    task: key,
    category: z.string().min(1).max(200).optional(),
    data: json.default({}),
  })
  .strict();
export type GroundTruthLine = z.infer<typeof groundTruthSchema>;

/** The zip's files, in the order they are read (tasks first, so the others can refer to them). */
export const ZIP_FILES = { tasks: "tasks.jsonl", assignments: "assignments.jsonl", groundTruth: "ground_truth.jsonl" } as const;

/** The kinds of line of a single-file `.jsonl` import (its `type`); the first line is the project. */
export const LINE_TYPES = ["project", "task", "assignment", "ground_truth"] as const;
export type LineType = (typeof LINE_TYPES)[number];
