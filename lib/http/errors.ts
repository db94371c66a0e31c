// The small error taxonomy of the API: every failure a caller can act on has a stable code.

/** `file` names the file of an archive the error is in (a project import: `tasks.jsonl`, line 12). */
export type FieldError = { path: string; message: string; line?: number; column?: number; file?: string };

const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  invalid_token: 401,
  forbidden: 403,
  origin_mismatch: 403,
  insufficient_scope: 403,
  not_found: 404,
  plugin_not_found: 404,
  version_not_found: 404,
  action_not_found: 404,
  method_not_allowed: 405,
  version_exists: 409,
  run_finished: 409,
  setup_done: 409,
  payload_too_large: 413,
  archive_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  validation_failed: 422,
  params_invalid: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
  config_invalid: 422,
  // The local compute backend: no interpreter satisfies the plugin's requires-python; its virtualenv could not be built.
  no_python: 422,
  env_build_failed: 422,
  config_missing: 422,
  archive_invalid: 422,
  // A launch names a backend this hub has not been given (Ray without RAY_ADDRESS); params too large for it.
  backend_unavailable: 422,
  params_too_large: 413,
  // Projects: an import whose lines do not validate (every error with its file and line); an unknown project.
  import_invalid: 422,
  project_not_found: 404,
  // Run artifacts: over ARTIFACT_MAX_BYTES; bytes that are not what the run declared; a share link past its expiry or not ours.
  artifact_too_large: 413,
  checksum_mismatch: 422,
  share_expired: 403,
  share_invalid: 403,
  // The Synapse export lists: a filter key the hub does not apply (refused, never silently ignored).
  unsupported_filter: 400,
  internal: 500,
  bad_gateway: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof STATUS | `archive_${string}`;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
    /** Extra response headers the refusal needs (Retry-After on a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return (STATUS as Record<string, number>)[this.code] ?? (this.code.startsWith("archive_") ? 422 : 500);
  }
}

export const notFound = (code: "plugin_not_found" | "version_not_found" | "project_not_found" | "not_found", message: string) => new AppError(code, message);
