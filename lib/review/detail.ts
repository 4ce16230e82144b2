// Everything the review page shows about one disclosure in the officer's scope: the submitted content
// (latest version), the version before it and the researcher's previous-year disclosure (for the
// diffs), the findings with the rules that produced them, the decisions, and the officers it can be
// assigned to. Null when the disclosure is not in scope (the page answers 404).
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { reviewScope, reviewable } from './scope';

const versionSelect = { id: true, number: true, kind: true, content: true, createdAt: true, certifiedName: true, certifiedAt: true, locale: true } as const;

export async function reviewDetail(actor: Actor, disclosureId: string) {
  const d = await db.disclosure.findFirst({
    where: reviewable(actor, disclosureId),
    select: {
      id: true,
      institutionId: true,
      researcherId: true,
      researcherName: true,
      departmentId: true,
      status: true,
      stateVersion: true,
      lastSubmittedAt: true,
      decidedAt: true,
      findingCount: true,
      pendingMatches: true,
      researcher: { select: { displayName: true, email: true } },
      department: { select: { nameJa: true, nameEn: true } },
      assignee: { select: { id: true, displayName: true } },
      cycle: {
        select: {
          id: true,
          code: true,
          fiscalYear: true,
          titleJa: true,
          titleEn: true,
          filingDeadline: true,
          reviewDeadline: true,
          exchangeRates: { select: { currency: true, jpyPerUnit: true } },
        },
      },
      versions: { orderBy: { number: 'desc' }, take: 2, select: versionSelect },
    },
  });
  if (!d) return null;
  const [latest, previous] = d.versions;
  const [findings, decisions, officers, previousYear] = await Promise.all([
    latest
      ? db.finding.findMany({
          where: { disclosureId: d.id, versionId: latest.id, supersededAt: null },
          orderBy: [{ severity: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            severity: true,
            itemRef: true,
            values: true,
            messageJa: true,
            messageEn: true,
            rule: {
              select: {
                code: true,
                titleJa: true,
                titleEn: true,
                citationJa: true,
                citationEn: true,
                rulesetVersion: { select: { version: true, ruleset: { select: { code: true, nameJa: true, nameEn: true } } } },
              },
            },
          },
        })
      : [],
    db.reviewDecision.findMany({
      where: { disclosureId: d.id },
      orderBy: { createdAt: 'desc' },
      select: {
        id: true,
        decision: true,
        reason: true,
        createdAt: true,
        officerId: true,
        versionId: true,
        plan: { select: { conditions: true, responsiblePerson: true, reviewDates: true } },
      },
    }),
    db.user.findMany({
      // The researcher is never among the officers it can be assigned to (segregation of duties).
      where: { id: { not: d.researcherId }, disabledAt: null, memberships: { some: { role: 'OFFICER', institutionId: d.institutionId } } },
      orderBy: { displayName: 'asc' },
      select: { id: true, displayName: true },
    }),
    // Same researcher, previous fiscal year, and still within the officer's scope.
    db.disclosure.findFirst({
      where: { AND: [reviewScope(actor), { researcherId: d.researcherId, cycle: { fiscalYear: d.cycle.fiscalYear - 1 } }] },
      select: {
        id: true,
        status: true,
        cycle: { select: { code: true, titleJa: true, titleEn: true } },
        versions: { orderBy: { number: 'desc' }, take: 1, select: versionSelect },
      },
    }),
  ]);
  const officerNames = new Map(officers.map((o) => [o.id, o.displayName]));
  const missing = decisions.map((x) => x.officerId).filter((id) => !officerNames.has(id));
  if (missing.length) {
    for (const u of await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, displayName: true } })) officerNames.set(u.id, u.displayName);
  }
  const versionNumbers = new Map(d.versions.map((v) => [v.id, v.number]));
  return {
    id: d.id,
    researcherName: d.researcherName,
    researcher: d.researcher,
    status: d.status,
    stateVersion: d.stateVersion,
    lastSubmittedAt: d.lastSubmittedAt,
    decidedAt: d.decidedAt,
    findingCount: d.findingCount,
    pendingMatches: d.pendingMatches,
    department: d.department,
    departmentId: d.departmentId,
    assignee: d.assignee,
    cycle: { ...d.cycle, exchangeRates: d.cycle.exchangeRates.map((r) => ({ currency: r.currency, jpyPerUnit: r.jpyPerUnit.toString() })) },
    latest: latest ?? null,
    previous: previous ?? null,
    previousYear: previousYear && previousYear.versions[0] ? { ...previousYear, version: previousYear.versions[0] } : null,
    findings,
    decisions: decisions.map((x) => ({
      ...x,
      officer: officerNames.get(x.officerId) ?? '',
      versionNumber: versionNumbers.get(x.versionId) ?? null,
      plan: x.plan ? { ...x.plan, reviewDates: x.plan.reviewDates.map((dt) => dt.toISOString().slice(0, 10)) } : null,
    })),
    officers,
  };
}

export type ReviewDetail = NonNullable<Awaited<ReturnType<typeof reviewDetail>>>;
