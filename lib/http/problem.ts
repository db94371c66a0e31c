import { ZodError } from "zod";
import { AppError, type FieldError } from "./errors";

/** RFC 9457 problem details, plus our stable `code` and field `errors`. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
};

export function toProblem(error: unknown): Problem {
  if (error instanceof AppError) {
    return problem(error.status, error.code, error.message, error.errors);
  }
  if (error instanceof ZodError) {
    const errors = error.issues.map((issue) => ({ path: issue.path.join(".") || "(root)", message: issue.message }));
    return problem(422, "validation_failed", "The request is not valid.", errors);
  }
  return problem(500, "internal", "Something went wrong on our side.");
}

function problem(status: number, code: string, detail: string, errors?: FieldError[]): Problem {
  return { type: `/problems/${code}`, title: code.replaceAll("_", " "), status, detail, code, ...(errors ? { errors } : {}) };
}

export function problemResponse(p: Problem, headers?: HeadersInit): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}
