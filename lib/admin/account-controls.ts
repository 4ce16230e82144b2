// Account-wide controls: disable and enable, password reset, second-factor reset. Each ends the person's
// sessions in the same transaction, so their very next request is refused (loadActor re-reads them).
import 'server-only';
import { ActionError, NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { type Tx, db } from '@/lib/db/client';
import { deliverSoon } from '@/lib/mail/deliver';
import { queueAccountLink } from './account-mail';
import { type Origin, adminAudit } from './audit-event';
import type { UserIdInput } from './schemas/person';
import { where } from './scope';

async function manageable(tx: Tx, actor: Actor, userId: string) {
  const user = await tx.user.findFirst({
    where: { AND: [where.manageableUser(actor), { id: userId }] },
    select: {
      id: true,
      email: true,
      displayName: true,
      locale: true,
      passwordHash: true,
      disabledAt: true,
      memberships: { take: 1, orderBy: { createdAt: 'asc' }, select: { institutionId: true, institution: { select: { nameJa: true, nameEn: true } } } },
    },
  });
  if (!user) throw new NotFoundError(`User:${userId}`);
  return { ...user, institutionId: user.memberships[0]?.institutionId ?? null };
}

export async function setUserDisabled(actor: Actor, input: UserIdInput & { disabled: boolean }, origin: Origin) {
  if (input.disabled && input.userId === actor.userId) throw new ActionError('admin.errors.cannotDisableSelf');
  return db.$transaction(async (tx) => {
    const user = await manageable(tx, actor, input.userId);
    if (!!user.disabledAt === input.disabled) return { changed: false, sessionsRevoked: 0 };
    await tx.user.update({ where: { id: user.id }, data: { disabledAt: input.disabled ? new Date() : null } });
    const sessionsRevoked = input.disabled ? await revokeAllSessions(user.id, tx) : 0;
    await adminAudit(tx, actor, origin, {
      action: input.disabled ? 'admin.user.disable' : 'admin.user.enable',
      entityType: 'User',
      entityId: user.id,
      institutionId: user.institutionId,
      details: { email: user.email, sessionsRevoked },
    });
    return { changed: true, sessionsRevoked };
  });
}

/** Sends a reset link (valid 1 hour) and ends every session at once, in case the old password leaked. */
export async function sendPasswordReset(actor: Actor, input: UserIdInput, origin: Origin) {
  const result = await db.$transaction(async (tx) => {
    const user = await manageable(tx, actor, input.userId);
    if (user.disabledAt) throw new ActionError('admin.errors.userDisabled');
    if (!user.passwordHash) throw new ActionError('admin.errors.notActivated');
    const sessionsRevoked = await revokeAllSessions(user.id, tx);
    const { expiresAt } = await queueAccountLink(tx, { user, purpose: 'PASSWORD_RESET', createdById: actor.userId });
    await adminAudit(tx, actor, origin, {
      action: 'admin.user.password_reset',
      entityType: 'User',
      entityId: user.id,
      institutionId: user.institutionId,
      details: { email: user.email, sessionsRevoked, expiresAt: expiresAt.toISOString() },
    });
    return { expiresAt, sessionsRevoked };
  });
  await deliverSoon();
  return result;
}

/** For a lost authenticator: TOTP and recovery codes are removed; the person enrols again at next sign-in. */
export async function resetSecondFactor(actor: Actor, input: UserIdInput, origin: Origin) {
  return db.$transaction(async (tx) => {
    const user = await manageable(tx, actor, input.userId);
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null } });
    const codes = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.rateLimit.deleteMany({ where: { key: { in: [`totp-step:${user.id}`, `mfa:user:${user.id}`] } } });
    const sessionsRevoked = await revokeAllSessions(user.id, tx);
    await adminAudit(tx, actor, origin, {
      action: 'admin.user.mfa_reset',
      entityType: 'User',
      entityId: user.id,
      institutionId: user.institutionId,
      details: { email: user.email, recoveryCodesRemoved: codes.count, sessionsRevoked },
    });
    return { sessionsRevoked };
  });
}
