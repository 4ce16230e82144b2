// Inviting people: the account is created without a password, with its first role, and a one-time link
// (valid 72 hours) lets the person choose one.
import 'server-only';
import { ActionError, NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { normalizeEmail } from '@/lib/auth/sign-in';
import { db } from '@/lib/db/client';
import { deliverSoon } from '@/lib/mail/deliver';
import { queueAccountLink } from './account-mail';
import { type Origin, adminAudit } from './audit-event';
import type { InviteInput, UserIdInput } from './schemas/person';
import { assertInScope, where } from './scope';

export async function inviteUser(actor: Actor, input: InviteInput, origin: Origin): Promise<{ userId: string }> {
  assertInScope(actor, input.institutionId);
  const email = normalizeEmail(input.email);
  const result = await db.$transaction(async (tx) => {
    const inst = await tx.institution.findFirst({ where: { id: input.institutionId, retiredAt: null }, select: { id: true, nameJa: true, nameEn: true } });
    if (!inst) throw new NotFoundError(`Institution:${input.institutionId}`);
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new ActionError('errors.invalidInput', { email: ['admin.errors.emailTaken'] });
    const user = await tx.user.create({
      data: { email, displayName: input.displayName, locale: input.locale, memberships: { create: { role: input.role, institutionId: inst.id } } },
      select: { id: true, email: true, displayName: true, locale: true },
    });
    const { expiresAt } = await queueAccountLink(tx, { user, purpose: 'INVITE', createdById: actor.userId, institution: inst, role: input.role });
    await adminAudit(tx, actor, origin, {
      action: 'admin.user.invite',
      entityType: 'User',
      entityId: user.id,
      institutionId: inst.id,
      details: { email, role: input.role, expiresAt: expiresAt.toISOString() },
    });
    return { userId: user.id };
  });
  await deliverSoon();
  return result;
}

/** A fresh link for someone who has not accepted yet (the old link stops working). */
export async function resendInvitation(actor: Actor, input: UserIdInput, origin: Origin): Promise<{ expiresAt: Date }> {
  const result = await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { AND: [where.user(actor), { id: input.userId }] },
      select: {
        id: true,
        email: true,
        displayName: true,
        locale: true,
        passwordHash: true,
        disabledAt: true,
        memberships: { where: where.membership(actor), take: 1, orderBy: { createdAt: 'asc' }, select: { role: true, institutionId: true, institution: { select: { nameJa: true, nameEn: true } } } },
      },
    });
    if (!user) throw new NotFoundError(`User:${input.userId}`);
    if (user.passwordHash || user.disabledAt) throw new ActionError('admin.errors.notInvited');
    const first = user.memberships[0];
    const { expiresAt } = await queueAccountLink(tx, { user, purpose: 'INVITE', createdById: actor.userId, institution: first?.institution, role: first?.role });
    await adminAudit(tx, actor, origin, {
      action: 'admin.user.reinvite',
      entityType: 'User',
      entityId: user.id,
      institutionId: first?.institutionId ?? null,
      details: { email: user.email, expiresAt: expiresAt.toISOString() },
    });
    return { expiresAt };
  });
  await deliverSoon();
  return result;
}
