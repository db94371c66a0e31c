import { AppError } from "./errors";

/** The request's JSON body, `fallback` when it is empty; malformed JSON is a 400. */
export async function readJson(req: Request, fallback: unknown): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return fallback;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}
