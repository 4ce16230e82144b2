// System-wide security settings (system administrators only): which roles must use a second factor.
import 'server-only';
import type { Origin } from '@/lib/audit/record';
import { MFA_REQUIRED_ROLES_KEY, mfaRequiredRoles } from '@/lib/auth/mfa-policy';
import { ROLES, type Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { auditBy } from '@/lib/audit/by';
import type { MfaPolicyInput } from './schemas/security';
import { assertSystemAdmin } from '@/lib/auth/guards';

export async function securitySettings(actor: Actor) {
  assertSystemAdmin(actor, 'Setting:mfa');
  const [policy, enrolled] = await Promise.all([
    mfaRequiredRoles(),
    db.membership.groupBy({ by: ['role'], where: { user: { totpEnabledAt: { not: null }, disabledAt: null } }, _count: { userId: true } }),
  ]);
  const totals = await db.membership.groupBy({ by: ['role'], where: { user: { disabledAt: null } }, _count: { userId: true } });
  const count = (rows: typeof totals, role: string) => rows.find((r) => r.role === role)?._count.userId ?? 0;
  return { ...policy, byRole: ROLES.map((role) => ({ role, enrolled: count(enrolled, role), total: count(totals, role) })) };
}

export async function setMfaPolicy(actor: Actor, input: MfaPolicyInput, origin: Origin) {
  assertSystemAdmin(actor, 'Setting:mfa');
  const roles = ROLES.filter((r) => input.requiredRoles.includes(r));
  return db.$transaction(async (tx) => {
    const before = await mfaRequiredRoles(tx);
    await tx.setting.upsert({ where: { key: MFA_REQUIRED_ROLES_KEY }, create: { key: MFA_REQUIRED_ROLES_KEY, value: roles }, update: { value: roles } });
    await auditBy(tx, actor, origin, { action: 'admin.settings.mfa', entityType: 'Setting', entityId: MFA_REQUIRED_ROLES_KEY, details: { before: before.roles, after: roles } });
    return { roles };
  });
}
