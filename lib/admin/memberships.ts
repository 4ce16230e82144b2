// Roles per institution. Changes take effect on the person's next request (sessions re-read them).
import 'server-only';
import { ActionError, NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { type Origin, adminAudit } from './audit-event';
import type { GrantInput } from './schemas/person';
import { assertInScope, assertSystemAdmin, where } from './scope';

export async function grantRole(actor: Actor, input: GrantInput, origin: Origin) {
  if (input.allInstitutions) assertSystemAdmin(actor, 'Membership:allInstitutions');
  else assertInScope(actor, input.institutionId);
  const institutionId = input.allInstitutions ? null : input.institutionId || null;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { AND: [where.user(actor), { id: input.userId }] }, select: { id: true } });
    if (!user) throw new NotFoundError(`User:${input.userId}`);
    if (institutionId && !(await tx.institution.findFirst({ where: { id: institutionId, retiredAt: null }, select: { id: true } })))
      throw new NotFoundError(`Institution:${institutionId}`);
    // The unique index does not cover NULL institutions (nationwide grants), so check here for both.
    const exists = await tx.membership.findFirst({ where: { userId: user.id, role: input.role, institutionId, allInstitutions: input.allInstitutions }, select: { id: true } });
    if (exists) throw new ActionError('admin.errors.roleExists');
    const m = await tx.membership.create({ data: { userId: user.id, role: input.role, institutionId, allInstitutions: input.allInstitutions }, select: { id: true } });
    await adminAudit(tx, actor, origin, {
      action: 'admin.membership.grant',
      entityType: 'User',
      entityId: user.id,
      institutionId,
      details: { membershipId: m.id, role: input.role, allInstitutions: input.allInstitutions },
    });
    return m;
  });
}

export async function revokeRole(actor: Actor, input: { membershipId: string }, origin: Origin) {
  return db.$transaction(async (tx) => {
    const m = await tx.membership.findFirst({
      where: { AND: [where.membership(actor), { id: input.membershipId }] },
      select: { id: true, userId: true, role: true, institutionId: true, allInstitutions: true },
    });
    if (!m) throw new NotFoundError(`Membership:${input.membershipId}`);
    // An administrator cannot remove their own last administrator role and lock themselves out.
    if (m.userId === actor.userId && m.role === 'ADMIN' && (await tx.membership.count({ where: { userId: actor.userId, role: 'ADMIN' } })) <= 1)
      throw new ActionError('admin.errors.cannotRemoveOwnAdmin');
    await tx.membership.delete({ where: { id: m.id } });
    await adminAudit(tx, actor, origin, {
      action: 'admin.membership.revoke',
      entityType: 'User',
      entityId: m.userId,
      institutionId: m.institutionId,
      details: { membershipId: m.id, role: m.role, allInstitutions: m.allInstitutions },
    });
    return { revoked: true };
  });
}
