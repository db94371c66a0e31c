import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertScope, type Principal } from "@/lib/auth/principal";
import { AppError, type FieldError } from "@/lib/http/errors";
import { commitTemp, discardTemp, type TempBlob } from "@/lib/storage/blob-store";
import { limitsFromEnv } from "./archive/limits";
import type { PluginConfig } from "./config/normalize-config";
import { inspectArchive, type InspectedArchive } from "./inspect-archive";
import { forgetCatalog } from "./catalog-cache";
import { assertCanManage } from "./plugin-access";
import { refreshPlugin } from "./refresh-plugin";
import type { PublishResult } from "./schemas";
import { toActions, toPluginSummary, toVersionSummary } from "./serializers";

/**
 * Publishes a received archive as a new version, for `publisher` (null: the hub itself, seeding its
 * examples). The first publisher of a code owns it. Versions are immutable: the same bytes again is
 * a no-op (created: false); different bytes for an existing code@version is a 409. A debug release is
 * the exception: publishing its code@version again replaces it in place (replaced: true), and a
 * publish that is not debug turns it into an ordinary release. The blob is made durable before the
 * row that points at it commits.
 */
export async function publishVersion(
  temp: TempBlob,
  publisher: Principal | null,
  /** Extra checks against the archive's config (the SDK's form fields); any error refuses the publish. */
  agree?: (config: PluginConfig) => FieldError[],
  options: { debug?: boolean } = {},
): Promise<PublishResult> {
  const debug = options.debug ?? false;
  let inspected: InspectedArchive;
  try {
    inspected = await inspectArchive(temp.path, temp.size, limitsFromEnv(env()));
    const disagreements = agree?.(inspected.config) ?? [];
    if (disagreements.length) throw new AppError("validation_failed", "The form fields disagree with the archive.", disagreements);
    if (publisher) await checkPublisher(db(), inspected.config.code, publisher);
  } catch (error) {
    await discardTemp(temp);
    throw error;
  }
  const { code, version } = inspected.config;
  const earlier = await findVersion(db(), code, version);
  if (earlier && !replaces(earlier, temp.sha256, debug)) {
    await discardTemp(temp);
    return sameOrConflict(earlier, temp.sha256);
  }

  await commitTemp(temp);
  const result = await db().$transaction(async (tx) => {
    const created = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO plugins (id, code, name, category, description, owner_id)
      VALUES (gen_random_uuid(), ${code}, ${inspected.config.name}, ${inspected.config.category}, ${inspected.config.description}, ${publisher?.user.id ?? null})
      ON CONFLICT (code) DO NOTHING RETURNING id`;
    // Publishes of one plugin queue up on its row; a concurrent publish of this version is seen below.
    const [{ id: pluginId }] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM plugins WHERE code = ${code} FOR UPDATE`;
    if (created.length === 0 && publisher) await checkPublisher(tx, code, publisher);
    const raced = await findVersion(tx, code, version);
    if (raced && !replaces(raced, temp.sha256, debug)) return sameOrConflict(raced, temp.sha256);
    const data = {
      config: inspected.config as unknown as Prisma.InputJsonValue,
      actions: toActions(inspected.config) as unknown as Prisma.InputJsonValue,
      configYaml: inspected.configYaml,
      readme: inspected.readme,
      sha256: temp.sha256,
      sizeBytes: BigInt(temp.size),
      format: inspected.format,
      debug,
      updatedAt: new Date(),
    };
    // The replaced bytes' blob is left to the orphan collector once nothing points at it.
    if (raced) await tx.pluginVersion.update({ where: { id: raced.id }, data });
    else await tx.pluginVersion.create({ data: { ...data, pluginId, version } });
    await refreshPlugin(tx, pluginId);
    const stored = await findVersion(tx, code, version);
    return { created: !raced, replaced: Boolean(raced), plugin: toPluginSummary(stored!.plugin), version: toVersionSummary(code, stored!) };
  });
  if (result.created || result.replaced) forgetCatalog();
  return result;
}

type Client = Pick<Prisma.TransactionClient, "pluginVersion" | "plugin" | "pluginMaintainer">;

/** The token may publish this code, and an existing plugin is the publisher's to change. */
async function checkPublisher(client: Client, code: string, publisher: Principal): Promise<void> {
  assertScope(publisher, "publish", code);
  const plugin = await client.plugin.findUnique({ where: { code }, select: { id: true, code: true, ownerId: true } });
  if (plugin) await assertCanManage(client, plugin, publisher);
}

function findVersion(client: Client, code: string, version: string) {
  return client.pluginVersion.findFirst({ where: { version, plugin: { code } }, include: { plugin: true } });
}

/** Only a debug release gives way: to other bytes, or to the same bytes published as a real release. */
function replaces(row: { debug: boolean; sha256: string }, sha256: string, debug: boolean): boolean {
  return row.debug && (row.sha256 !== sha256 || !debug);
}

function sameOrConflict(row: NonNullable<Awaited<ReturnType<typeof findVersion>>>, sha256: string): PublishResult {
  if (row.sha256 !== sha256) {
    throw new AppError(
      "version_exists",
      `${row.plugin.code}@${row.version} is already published with different contents; versions are immutable, publish a new version instead.`,
    );
  }
  return { created: false, replaced: false, plugin: toPluginSummary(row.plugin), version: toVersionSummary(row.plugin.code, row) };
}
