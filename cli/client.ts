// HTTP access to the hub for the CLI: auth header, problem+json errors, streamed uploads with progress.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { CliConfig } from "./config";
import { CliError } from "./errors";

type Problem = { code?: string; detail?: string; errors?: { path: string; message: string; line?: number; column?: number }[] };

export class HubClient {
  constructor(private readonly connection: CliConfig) {}

  get host(): string {
    return this.connection.host;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { accept: "application/json", ...(this.connection.token ? { authorization: `Bearer ${this.connection.token}` } : {}), ...extra };
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.host}${path}`, { ...init, headers: this.headers(init.headers as Record<string, string>) });
    } catch (error) {
      throw new CliError(`Cannot reach the hub at ${this.host}: ${(error as Error).cause ?? (error as Error).message}`);
    }
    if (!response.ok) throw await problemError(response);
    return response;
  }

  async json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await (await this.request(path, init)).json()) as T;
  }

  /** Streams a file as the request body (never whole in memory), reporting bytes sent. */
  async upload<T>(path: string, file: string, contentType: string, onProgress: (sent: number, total: number) => void): Promise<{ status: number; body: T }> {
    const total = (await stat(file)).size;
    const url = new URL(`${this.host}${path}`);
    const transport = url.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(
        url,
        { method: "POST", headers: this.headers({ "content-type": contentType, "content-length": String(total) }) },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const status = response.statusCode ?? 0;
            if (status >= 400) return reject(problemFromText(status, text));
            resolve({ status, body: JSON.parse(text) as T });
          });
        },
      );
      request.on("error", (error) => reject(new CliError(`Upload to ${this.host} failed: ${error.message}`)));
      let sent = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          sent += chunk.length;
          onProgress(sent, total);
          done(null, chunk);
        },
      });
      pipeline(createReadStream(file), meter, request).catch(() => {}); // errors surface on `request`
    });
  }
}

async function problemError(response: Response): Promise<CliError> {
  return problemFromText(response.status, await response.text());
}

function problemFromText(status: number, text: string): CliError {
  let problem: Problem = {};
  try {
    problem = JSON.parse(text) as Problem;
  } catch {
    // not problem+json (a proxy's error page, say)
  }
  const details = (problem.errors ?? []).map((e) => `${e.line !== undefined ? `${e.line}:${e.column} ` : ""}${e.path}: ${e.message}`);
  return new CliError(`${problem.detail ?? `The hub answered ${status}.`}${problem.code ? ` [${problem.code}]` : ""}`, 1, details, problem.code);
}
