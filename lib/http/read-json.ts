import { AppError } from "./errors";
import { readCapped } from "./read-capped";

/** The request's JSON body (at most `max`, 1 MiB by default, else 413), `fallback` when it is empty; malformed JSON is a 400. */
export async function readJson(req: Request, fallback: unknown, max?: number): Promise<unknown> {
  const text = (await readCapped(req, max)).toString("utf8");
  if (!text.trim()) return fallback;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}
