import type { ZodError } from "zod";
import { AppError, type FieldError } from "@/lib/http/errors";

/** Enough to fix a file in one go; past it the errors are counted, not listed. */
const MAX_LISTED = 1000;

/** Every problem of an import, each with its file and line; the import refuses if there is any. */
export class ImportErrors {
  readonly listed: FieldError[] = [];
  count = 0;

  add(file: string, line: number | undefined, path: string, message: string): void {
    this.count++;
    if (this.listed.length < MAX_LISTED) this.listed.push({ file, ...(line !== undefined ? { line } : {}), path: path || "(line)", message });
  }

  addZod(file: string, line: number | undefined, error: ZodError): void {
    for (const issue of error.issues) this.add(file, line, issue.path.join("."), issue.message);
  }

  get any(): boolean {
    return this.count > 0;
  }

  toError(): AppError {
    const more = this.count > this.listed.length ? ` (the first ${this.listed.length} are listed)` : "";
    return new AppError("import_invalid", `The import has ${this.count} error${this.count === 1 ? "" : "s"}${more}; nothing was imported.`, this.listed);
  }
}
