import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { receiveUpload } from "@/lib/uploads/receive-upload";
import { admitPublisher, assertMayPublishCode, parseCodeHint } from "./publish-gate";
import { publishVersion } from "./publish-version";
import type { PublishResult } from "./schemas";

/**
 * POST /api/v1/plugins: refuses a publisher who may not publish before reading the archive. The
 * client may name the plugin up front (`?plugin=<code>`, or a `plugin` form field before the file),
 * so scope and ownership are checked then too; the archive must then be that plugin.
 */
export async function receiveAndPublish(req: Request, publisher: Principal): Promise<PublishResult> {
  await admitPublisher(publisher);
  let hint = parseCodeHint(new URL(req.url).searchParams.get("plugin"), "plugin");
  const upload = await receiveUpload(req, env().ARCHIVE_MAX_BYTES, "file", async (fields) => {
    const field = parseCodeHint(fields.plugin, "plugin");
    if (hint && field && field !== hint) throw mismatch(`The plugin field (${field}) and the plugin query parameter (${hint}) disagree.`);
    hint ??= field;
    if (hint) await assertMayPublishCode(publisher, hint);
  });
  // `?debug=true` (or a `debug` form field) publishes a debug release: replaceable, never latest.
  const debug = [new URL(req.url).searchParams.get("debug"), upload.fields.debug].some((value) => value?.toLowerCase() === "true");
  return publishVersion(
    upload.file,
    publisher,
    (config) => (hint && hint !== config.code ? [{ path: "plugin", message: `is "${hint}" but the archive's config.yaml says "${config.code}"` }] : []),
    { debug },
  );
}

function mismatch(message: string) {
  return new AppError("validation_failed", message, [{ path: "plugin", message: "disagrees with the query parameter" }]);
}
