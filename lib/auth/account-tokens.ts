// One-time links for invitations and password resets. The link carries 256 random bits; only their
// SHA-256 is stored, so the table cannot be used to take over accounts. A new link of the same purpose
// supersedes older ones; each works once, until it expires.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { ActionError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record';
import { type Tx, db } from '@/lib/db/client';
import type { AccountTokenPurpose } from '@/lib/generated/prisma/enums';
import { hashPassword } from './password';
import { revokeAllSessions } from './sessions';

export const TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  INVITE: 72 * 3600 * 1000,
  PASSWORD_RESET: 3600 * 1000,
};
export const TOKEN_PATH: Record<AccountTokenPurpose, string> = { INVITE: '/account/accept', PASSWORD_RESET: '/account/reset' };

export function hashAccountToken(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

/** Issues a new link token (returned raw, the only time it exists) and retires older unused ones. */
export async function issueAccountToken(
  tx: Tx,
  o: { userId: string; purpose: AccountTokenPurpose; createdById: string | null; now?: Date; ttlMs?: number },
): Promise<{ token: string; expiresAt: Date }> {
  const now = o.now ?? new Date();
  await tx.accountToken.updateMany({
    where: { userId: o.userId, purpose: o.purpose, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + (o.ttlMs ?? TOKEN_TTL_MS[o.purpose]));
  await tx.accountToken.create({ data: { purpose: o.purpose, tokenHash: hashAccountToken(token), userId: o.userId, expiresAt, createdById: o.createdById } });
  return { token, expiresAt };
}

export type TokenState = 'valid' | 'expired' | 'used' | 'unknown';

/** What a link page shows before the person types anything. */
export async function inspectAccountToken(
  raw: string,
  purpose: AccountTokenPurpose,
): Promise<{ state: TokenState; email?: string; displayName?: string; expiresAt?: Date }> {
  const t = await db.accountToken.findUnique({
    where: { tokenHash: hashAccountToken(raw) },
    select: { purpose: true, expiresAt: true, usedAt: true, user: { select: { email: true, displayName: true, disabledAt: true } } },
  });
  if (!t || t.purpose !== purpose || t.user.disabledAt) return { state: 'unknown' };
  if (t.usedAt) return { state: 'used' };
  if (t.expiresAt <= new Date()) return { state: 'expired' };
  return { state: 'valid', email: t.user.email, displayName: t.user.displayName, expiresAt: t.expiresAt };
}

/**
 * Uses the link to set the account's password: once, before expiry, for an enabled account. Every
 * session of the account ends (a reset must lock out whoever had the old password).
 */
export async function redeemAccountToken(
  raw: string,
  purpose: AccountTokenPurpose,
  password: string,
  origin: { ip: string | null; userAgent: string | null },
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const t = await tx.accountToken.findUnique({
      where: { tokenHash: hashAccountToken(raw) },
      select: { id: true, purpose: true, user: { select: { id: true, email: true, disabledAt: true } } },
    });
    // Claim the token first: of two concurrent uses only one updates the row.
    const claimed = t
      ? await tx.accountToken.updateMany({ where: { id: t.id, purpose, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
      : { count: 0 };
    if (!t || claimed.count !== 1 || t.user.disabledAt) {
      await recordAudit(tx, {
        action: purpose === 'INVITE' ? 'account.invite.accept' : 'account.password.reset',
        outcome: 'DENIED',
        actorId: t?.user.id ?? null,
        actorEmail: t?.user.email ?? null,
        ...origin,
        details: { reason: t ? 'expired_or_used' : 'unknown_token' },
      });
      return null;
    }
    await tx.user.update({ where: { id: t.user.id }, data: { passwordHash } });
    const revoked = await revokeAllSessions(t.user.id, tx);
    await recordAudit(tx, {
      action: purpose === 'INVITE' ? 'account.invite.accept' : 'account.password.reset',
      actorId: t.user.id,
      actorEmail: t.user.email,
      entityType: 'User',
      entityId: t.user.id,
      ...origin,
      details: { sessionsRevoked: revoked },
    });
    return { email: t.user.email };
  }).then((r) => {
    if (!r) throw new ActionError('account.errors.linkInvalid');
    return r;
  });
}
