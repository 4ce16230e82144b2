// What the queue's filter form offers: the cycles, departments and officers of the institutions in the
// officer's review scope, and the rule codes findings can name (newest title of each code).
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { institutionWhere, reviewInstitutions } from './scope';

export async function queueOptions(actor: Actor) {
  const inst = reviewInstitutions(actor);
  if (inst !== 'all' && inst.length === 0) return { cycles: [], departments: [], officers: [], rules: [] };
  const where = institutionWhere(actor);
  const [cycles, departments, officers, rules] = await Promise.all([
    db.disclosureCycle.findMany({
      where: { ...where, status: { not: 'DRAFT' } },
      orderBy: [{ fiscalYear: 'desc' }, { code: 'asc' }],
      select: { id: true, code: true, titleJa: true, titleEn: true, fiscalYear: true, status: true },
    }),
    db.department.findMany({ where: { ...where, retiredAt: null }, orderBy: { code: 'asc' }, select: { id: true, code: true, nameJa: true, nameEn: true } }),
    db.user.findMany({
      where: { disabledAt: null, memberships: { some: { role: 'OFFICER', ...(inst === 'all' ? {} : { institutionId: { in: inst } }) } } },
      orderBy: { displayName: 'asc' },
      select: { id: true, displayName: true },
    }),
    db.$queryRaw<{ code: string; titleJa: string; titleEn: string }[]>`
      SELECT DISTINCT ON (r.code) r.code, r."titleJa", r."titleEn"
      FROM "Rule" r JOIN "RulesetVersion" v ON v.id = r."rulesetVersionId"
      WHERE v.status IN ('ACTIVE', 'RETIRED')
      ORDER BY r.code, v."activatedAt" DESC NULLS LAST, v.version DESC`,
  ]);
  return { cycles, departments, officers, rules };
}

export type QueueOptions = Awaited<ReturnType<typeof queueOptions>>;
