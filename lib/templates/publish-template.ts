import "server-only";
import { Readable } from "node:stream";
import type { Principal } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { admitPublisher, assertMayPublishCode } from "@/lib/registry/publish-gate";
import { publishVersion } from "@/lib/registry/publish-version";
import type { PublishResult } from "@/lib/registry/schemas";
import { receiveToTemp } from "@/lib/storage/receive-to-temp";
import { generatePluginZip } from "./generate";
import type { TemplateInput } from "./schemas";

/**
 * "Publish now" on the New plugin page: the scaffold, as a debug release, goes through the one publish path every archive
 * takes (the same checks, ownership and immutability), for the signed-in user. The same variables
 * give the same bytes, so publishing twice answers `created: false` instead of a conflict.
 */
export async function publishTemplate(input: TemplateInput, publisher: Principal): Promise<PublishResult> {
  const { zip, variables } = await generatePluginZip(input);
  await admitPublisher(publisher);
  await assertMayPublishCode(publisher, variables.code);
  const temp = await receiveToTemp(Readable.from([zip]), env().ARCHIVE_MAX_BYTES);
  // A debug release: the author will edit and republish it, and a scaffold should never become "latest".
  return publishVersion(temp, publisher, undefined, { debug: true });
}
