// Uploads run artifacts as a run does (PUT with its run token and the declared sha256), streamed from
// a file or a generated stream, never whole in memory; shared by the artifact tests and bench/export-download.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** The plugin action that hands out its own run token as its result, so a caller can upload for the run. */
export const TOKEN_ACTION = { body: 'return {"token": os.environ["SYNAPSE_ACCESS_TOKEN"]}' };

/** Streams `body` (its `size` bytes) to the run's artifact `path`; resolves with the status and the answer's text. */
export function putArtifact(
  base: string,
  runId: string,
  runToken: string,
  path: string,
  body: () => Readable,
  size: number,
  sha256: string,
): Promise<{ status: number; text: string }> {
  const url = `${base}/api/v1/runs/${runId}/artifacts/${path.split("/").map(encodeURIComponent).join("/")}`;
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "PUT",
        headers: {
          authorization: `Token ${runToken}`,
          "content-type": "application/octet-stream",
          "content-length": size,
          "x-artifact-sha256": sha256,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    pipeline(body(), request).catch(reject);
  });
}

const MiB = 1024 * 1024;

/**
 * `size` bytes that do not compress, generated as a stream (1 MiB blocks of one random block, each
 * stamped with its index so no two blocks are equal), the same bytes every time it is called.
 */
export function generatedBytes(size: number, seed = randomBytes(MiB)): () => Readable {
  return () =>
    Readable.from(
      (function* () {
        for (let offset = 0, index = 0; offset < size; offset += MiB, index++) {
          const block = Buffer.from(seed.subarray(0, Math.min(MiB, size - offset)));
          if (block.length >= 8) block.writeBigUInt64LE(BigInt(index), 0);
          yield block;
        }
      })(),
      { objectMode: false },
    );
}

/** The sha256 of a stream's bytes. */
export async function sha256Of(stream: Readable | AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of stream as AsyncIterable<Uint8Array>) hash.update(chunk);
  return hash.digest("hex");
}
