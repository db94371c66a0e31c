import type { FieldError } from "@/lib/http/errors";

/** A failed API call, carrying the problem+json body's stable code and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  static async from(response: Response): Promise<ApiError> {
    const body = (await response.json().catch(() => null)) as { code?: string; detail?: string; errors?: FieldError[] } | null;
    return new ApiError(response.status, body?.code ?? "http_error", body?.detail ?? `Request failed (${response.status})`, body?.errors ?? []);
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  if (!response.ok) throw await ApiError.from(response);
  return (await response.json()) as T;
}
