import "server-only";
import { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, type FieldError } from "@/lib/http/errors";
import { hubOrigin } from "@/lib/http/hub-origin";
import { admitPublisher, assertMayPublishCode, parseCodeHint } from "@/lib/registry/publish-gate";
import { publishVersion } from "@/lib/registry/publish-version";
import { discardTemp } from "@/lib/storage/blob-store";
import { receiveUpload } from "@/lib/uploads/receive-upload";
import { toSynapseRelease } from "./serializers";

// Both generations of the SDK's `synapse plugin publish`: newer clients send plugin, version, config
// (a JSON string), debug and meta with the file; older ones only plugin, debug and the file.
const fieldsSchema = z.object({
  plugin: z.string().regex(/^[a-z0-9_-]+$/, "must be a plugin code"),
  version: z.string().min(1).optional(),
  config: z.string().optional(),
  debug: z.enum(["True", "False", "true", "false"]).optional(),
  meta: z.string().optional(),
});

/** POST /plugin_releases/: the archive in the zip is authoritative; the form must agree with it. */
export async function publishRelease(req: Request, principal: Principal): Promise<Response> {
  // The SDK sends `plugin` before the file: scope and ownership are settled before the archive is read.
  await admitPublisher(principal);
  const upload = await receiveUpload(req, env().ARCHIVE_MAX_BYTES, "file", async (fields) => {
    const code = parseCodeHint(fields.plugin, "plugin");
    if (code) await assertMayPublishCode(principal, code);
  });
  const parsed = fieldsSchema.safeParse(upload.fields);
  if (!parsed.success) {
    await discardTemp(upload.file);
    throw parsed.error;
  }
  const fields = parsed.data;
  const declared = fields.config === undefined ? undefined : parseDeclaredConfig(fields.config);
  if (declared === null) {
    await discardTemp(upload.file);
    throw new AppError("validation_failed", "The config field is not a JSON object.", [{ path: "config", message: "must be a JSON object" }]);
  }
  // Reject before storing anything when the form says one thing and the archive another.
  const debug = fields.debug?.toLowerCase() === "true";
  const result = await publishVersion(upload.file, principal, (config) => mismatches(fields, declared, config), { debug });
  const version = await db().pluginVersion.findFirstOrThrow({ where: { version: result.version.version, plugin: { code: result.plugin.code } } });
  const body = {
    ...toSynapseRelease(hubOrigin(req), result.plugin.code, version),
    created_now: result.created,
    replaced: result.replaced,
  };
  return Response.json(body, { status: result.created || result.replaced ? 201 : 200 });
}

function parseDeclaredConfig(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

function mismatches(
  fields: z.infer<typeof fieldsSchema>,
  declared: Record<string, unknown> | undefined,
  config: { code: string; version: string },
): FieldError[] {
  const errors: FieldError[] = [];
  if (fields.plugin !== config.code) errors.push({ path: "plugin", message: `is "${fields.plugin}" but the archive's config.yaml says "${config.code}"` });
  if (fields.version && fields.version !== config.version)
    errors.push({ path: "version", message: `is "${fields.version}" but the archive's config.yaml says "${config.version}"` });
  if (declared?.version !== undefined && declared.version !== config.version)
    errors.push({ path: "config.version", message: `disagrees with the archive (${config.version})` });
  if (declared?.code !== undefined && declared.code !== config.code)
    errors.push({ path: "config.code", message: `disagrees with the archive (${config.code})` });
  return errors;
}
