// A plain HTTP client for tests that must choose what fetch() will not: the local address a request
// leaves from (each address has its own rate limits) and the Host header it names.
import http from "node:http";

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; json: <T = Record<string, unknown>>() => T; cookies: string[] };

export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; from?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = http.request(
      {
        host: target.hostname.replace(/^\[|\]$/g, ""),
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? "GET",
        headers: options.body === undefined ? options.headers : { "content-length": String(Buffer.byteLength(options.body)), ...options.headers },
        localAddress: options.from,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          const cookies = res.headers["set-cookie"] ?? [];
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: <T>() => JSON.parse(body) as T, cookies });
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** The Cookie header a browser would send back for these Set-Cookie lines. */
export const cookieHeader = (setCookies: string[]) => setCookies.map((c) => c.split(";")[0]).join("; ");

/** Max-Age of the session cookie in a Set-Cookie list, or undefined when it is not set. */
export function sessionCookieMaxAge(setCookies: string[]): number | undefined {
  const line = setCookies.find((c) => /^(__Secure-)?shub\.session_token=/.test(c));
  const match = line && /;\s*Max-Age=(\d+)/i.exec(line);
  return match ? Number(match[1]) : undefined;
}
