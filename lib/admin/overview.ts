// The administration home: what needs attention, in the administrator's scope.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { where } from './scope';

export async function adminOverview(actor: Actor) {
  const [institutions, people, invited, disabled, cycles, recent] = await Promise.all([
    db.institution.count({ where: { AND: [where.institution(actor), { retiredAt: null }] } }),
    db.user.count({ where: { AND: [where.user(actor), { disabledAt: null }] } }),
    db.user.count({ where: { AND: [where.user(actor), { disabledAt: null, passwordHash: null }] } }),
    db.user.count({ where: { AND: [where.user(actor), { disabledAt: { not: null } }] } }),
    db.disclosureCycle.findMany({
      where: { AND: [where.cycle(actor), { status: { in: ['OPEN', 'DRAFT'] } }] },
      orderBy: [{ filingDeadline: 'asc' }],
      take: 10,
      select: { id: true, code: true, status: true, titleJa: true, titleEn: true, filingDeadline: true, institution: { select: { slug: true, nameJa: true, nameEn: true } } },
    }),
    db.auditEvent.findMany({
      where: { AND: [where.audit(actor), { action: { startsWith: 'admin.' } }] },
      orderBy: { id: 'desc' },
      take: 8,
      select: { id: true, occurredAt: true, actorEmail: true, action: true, entityType: true, entityId: true },
    }),
  ]);
  return { institutions, people, invited, disabled, cycles, recent: recent.map((r) => ({ ...r, id: r.id.toString() })) };
}
