import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "@/lib/http/errors";
import { nodeBodyOf } from "@/lib/http/node-body";
import { discardTemp, type TempBlob } from "@/lib/storage/blob-store";
import { receiveToTemp } from "@/lib/storage/receive-to-temp";

export type Upload = { file: TempBlob; fields: Record<string, string> };
/** Runs once the fields before the file are known and before the file is read; throwing refuses the upload. */
export type BeforeFile = (fields: Record<string, string>) => Promise<void>;

const MULTIPART_SLACK = 1024 * 1024;
const RAW_TYPES = /^application\/(zip|x-zip-compressed|gzip|x-gzip|x-compressed-tar|octet-stream)\b/;

/**
 * Streams an uploaded archive to a temp file (never whole in memory): either multipart/form-data
 * with the archive in the `file` field (what `curl -F file=@plugin.zip` sends), or the raw archive
 * as the request body.
 */
export async function receiveUpload(req: Request, maxBytes: number, fileField = "file", beforeFile?: BeforeFile): Promise<Upload> {
  const type = req.headers.get("content-type") ?? "";
  const length = Number(req.headers.get("content-length"));
  if (Number.isFinite(length) && length > maxBytes + MULTIPART_SLACK) {
    throw new AppError("archive_too_large", `The archive is larger than the limit of ${maxBytes} bytes.`);
  }
  if (!req.body) throw missingFile(fileField);
  const body = nodeBodyOf(req) ?? Readable.fromWeb(req.body as unknown as WebReadableStream);
  if (type.startsWith("multipart/form-data")) return receiveMultipart(body, type, maxBytes, fileField, beforeFile);
  if (RAW_TYPES.test(type)) {
    await beforeFile?.({}).catch((error) => {
      body.resume(); // drained, not reset, so the client reads the refusal
      throw error;
    });
    return { file: await receiveToTemp(body, maxBytes), fields: {} };
  }
  body.resume();
  throw new AppError("unsupported_media_type", "Send the archive as multipart/form-data (field `file`) or as application/zip / application/gzip.");
}

function receiveMultipart(body: Readable, type: string, maxBytes: number, fileField: string, beforeFile?: BeforeFile): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": type }, limits: { files: 1, fields: 50, fieldSize: 1024 * 1024, parts: 60 } });
    } catch {
      reject(new AppError("bad_request", "The multipart body has no boundary."));
      return;
    }
    const fields: Record<string, string> = {};
    let file: Promise<TempBlob> | undefined;
    const fail = (error: unknown) => {
      body.unpipe(parser);
      body.resume();
      file?.then(discardTemp, () => {});
      reject(error);
    };
    parser.on("field", (name, value) => (fields[name] = value));
    parser.on("file", (name, stream) => {
      if (name !== fileField || file) {
        stream.resume();
        return;
      }
      // busboy holds the rest of the body back until the file stream is read, so a refusal here comes
      // before the archive is uploaded; fields after the file are not seen by the check.
      file = (beforeFile ? beforeFile({ ...fields }) : Promise.resolve()).then(() => receiveToTemp(stream, maxBytes));
      file.catch(fail);
    });
    parser.on("close", () => {
      if (!file) return fail(missingFile(fileField));
      file.then(
        (temp) => resolve({ file: temp, fields }),
        () => {},
      );
    });
    parser.on("error", () => fail(new AppError("bad_request", "The multipart body is malformed.")));
    body.on("error", () => fail(new AppError("bad_request", "The upload was interrupted.")));
    body.pipe(parser);
  });
}

function missingFile(field: string): AppError {
  return new AppError("validation_failed", `Attach the plugin archive in the \`${field}\` field.`, [{ path: field, message: "is required" }]);
}
