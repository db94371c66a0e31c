import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { hashToken } from "./tokens";

const INVITATION_DAYS = 14;

/** Creates a one-time invitation; the code is returned once and stored only as a hash. */
export async function createInvitation(adminId: string): Promise<{ code: string; expiresAt: string }> {
  const code = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  await db().invitation.create({ data: { codeHash: hashToken(code), createdById: adminId, expiresAt } });
  return { code, expiresAt: expiresAt.toISOString() };
}

/** Uses up an invitation atomically: of two sign-ups with one code, only one gets it. */
export async function redeemInvitation(code: string): Promise<boolean> {
  const used = await db().invitation.updateMany({
    where: { codeHash: hashToken(code), usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return used.count === 1;
}
