// A world for the review tests: two institutions, their officers and researchers, an auditor and an
// administrator, cycles, a (non-active) ruleset with rules to cite, and a builder for submitted
// disclosures with their version, organisations and findings, written directly (the filing feature has
// its own tests of how submissions are made).
import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { sampleContent } from '@/lib/disclosures/sample';
import type { DisclosureStatus, Severity } from '@/lib/generated/prisma/enums';
import { disclosureSearchText } from '@/lib/review/search-keys';
import { createCycle } from '@/lib/seed/factories';
import { normalizeName } from '@/lib/watchlists/normalize';
import { actorFor, makeActor, makeInstitution } from './actors';

export const RULES = [
  { code: 'TALENT_PROGRAMME', severity: 'FLAG' as Severity, titleEn: 'Talent programme of a country of concern', titleJa: '懸念国の人材登用プログラム', citationEn: '42 USC 19237', citationJa: '米国法典第42編第19237条' },
  { code: 'PAID_APPOINTMENT', severity: 'REVIEW' as Severity, titleEn: 'Paid foreign appointment', titleJa: '外国機関での有給の役職', citationEn: 'Guideline §4' },
  { code: 'SPONSORED_TRAVEL', severity: 'INFO' as Severity, titleEn: 'Travel paid by a foreign entity', titleJa: '外国機関負担の旅費', citationJa: 'チェックリスト 7' },
];

export async function reviewWorld() {
  const a = await makeInstitution({
    departments: [
      { code: 'ENG', nameJa: '工学研究科', nameEn: 'Graduate School of Engineering' },
      { code: 'SCI', nameJa: '理学研究科', nameEn: 'Graduate School of Science' },
    ],
  });
  const b = await makeInstitution();
  const officerA = await makeActor({ displayName: '鈴木 一郎', roles: [{ role: 'OFFICER', institutionId: a.id }] });
  const officerA2 = await makeActor({ displayName: '伊藤 誠', locale: 'en', roles: [{ role: 'OFFICER', institutionId: a.id }] });
  const officerB = await makeActor({ displayName: '高橋 美咲', roles: [{ role: 'OFFICER', institutionId: b.id }] });
  const researcherA = await makeActor({ displayName: '山田 太郎', roles: [{ role: 'RESEARCHER', institutionId: a.id }] });
  const researcherB = await makeActor({ displayName: '佐藤 花子', roles: [{ role: 'RESEARCHER', institutionId: b.id }] });
  const auditor = await makeActor({ roles: [{ role: 'AUDITOR', allInstitutions: true }] });
  const admin = await makeActor({ roles: [{ role: 'ADMIN', allInstitutions: true }] });
  const [cycleA, pastA, cycleB] = await db.$transaction(async (tx) => [
    await createCycle(tx, { institutionId: a.id, fiscalYear: 2026 }),
    await createCycle(tx, { institutionId: a.id, fiscalYear: 2025, status: 'CLOSED' }),
    await createCycle(tx, { institutionId: b.id, fiscalYear: 2026 }),
  ]);
  const ruleset = await db.ruleset.create({ data: { code: `rs-${randomUUID().slice(0, 8)}`, nameJa: '規則', nameEn: 'Rules' } });
  // Not ACTIVE: the re-evaluation that follows a match decision finds no rules in force here.
  const rsv = await db.rulesetVersion.create({ data: { rulesetId: ruleset.id, version: 3, status: 'DRAFT' } });
  const rules = new Map<string, string>();
  for (const r of RULES) {
    const row = await db.rule.create({
      data: {
        rulesetVersionId: rsv.id,
        code: r.code,
        titleJa: r.titleJa,
        titleEn: r.titleEn,
        expression: 'true',
        severity: r.severity,
        messageJa: `${r.titleJa}に該当します。`,
        messageEn: `${r.titleEn}.`,
        citationJa: r.citationJa ?? '',
        citationEn: r.citationEn ?? '',
      },
    });
    rules.set(r.code, row.id);
  }
  return { a, b, officerA, officerA2, officerB, researcherA, researcherB, auditor, admin, cycleA, pastA, cycleB, rules, rulesetVersionId: rsv.id };
}

export type ReviewWorld = Awaited<ReturnType<typeof reviewWorld>>;

export interface SubmittedSpec {
  cycle: { id: string; institutionId: string };
  /** An existing researcher (their actor), or a new one named `name`. */
  researcher?: Actor;
  name?: string;
  status?: DisclosureStatus;
  submittedAt?: Date;
  departmentId?: string | null;
  assigneeId?: string | null;
  /** Rule codes that fired (current findings). */
  findings?: string[];
  /** Rule codes of findings superseded by a later evaluation. */
  superseded?: string[];
  organisations?: string[];
  /** Organisations picked from the registry (ForeignEntity ids), as written by the researcher. */
  registered?: { name: string; entityId: string }[];
  /** The researcher's other name forms (a new researcher only). */
  nameKana?: string;
  nameRomaji?: string;
  pendingMatches?: number;
  versions?: number;
  /** Shapes each version's content before it is written (versions are append-only afterwards). */
  content?: (content: ReturnType<typeof sampleContent>) => void;
}

let seq = 0;

/** A submitted disclosure with its version(s), organisations and findings. */
export async function submitted(w: ReviewWorld, s: SubmittedSpec) {
  const researcher =
    s.researcher ??
    (await actorFor(
      (
        await db.user.create({
          data: {
            email: `r${++seq}-${randomUUID().slice(0, 6)}@kaiji.test`,
            displayName: s.name ?? `Researcher ${seq}`,
            nameKana: s.nameKana,
            nameRomaji: s.nameRomaji,
            locale: 'ja',
            memberships: { create: { role: 'RESEARCHER', institutionId: s.cycle.institutionId } },
          },
        })
      ).id,
    ));
  const status = s.status ?? 'SUBMITTED';
  const at = s.submittedAt ?? new Date();
  const rules = await db.rule.findMany({ where: { id: { in: [...w.rules.values()] } }, select: { id: true, code: true, severity: true } });
  const byCode = new Map(rules.map((r) => [r.code, r]));
  const fired = (s.findings ?? []).map((c) => byCode.get(c)!);
  const rank = { INFO: 1, REVIEW: 2, FLAG: 3 } as const;
  const max = fired.reduce<Severity | null>((m, r) => (!m || rank[r.severity] > rank[m] ? r.severity : m), null);
  return db.$transaction(async (tx) => {
    const d = await tx.disclosure.create({
      data: {
        cycleId: s.cycle.id,
        researcherId: researcher.userId,
        institutionId: s.cycle.institutionId,
        departmentId: s.departmentId ?? null,
        status,
        stateVersion: 1,
        assigneeId: s.assigneeId ?? null,
        researcherName: s.name ?? researcher.displayName,
        maxSeverity: max,
        findingCount: fired.length,
        pendingMatches: s.pendingMatches ?? 0,
        lastSubmittedAt: at,
      },
    });
    let versionId = '';
    for (let n = 1; n <= (s.versions ?? 1); n++) {
      const content = sampleContent();
      if (s.organisations?.length) {
        content.appointments.items = s.organisations.map((name, i) => ({
          ...content.appointments.items[0]!,
          id: randomUUID(),
          organisation: { name, country: 'CN' },
          title: n > 1 ? `Visiting Professor (v${n}, ${i})` : 'Visiting Professor',
        }));
      }
      s.content?.(content);
      const v = await tx.disclosureVersion.create({
        data: {
          disclosureId: d.id,
          number: n,
          kind: n === 1 ? 'INITIAL' : 'RESUBMISSION',
          content: content as object,
          contentHash: randomUUID().replace(/-/g, '').padEnd(64, '0'),
          formVersion: 1,
          attestationText: 'I certify.',
          certifiedName: researcher.displayName,
          certifiedAt: at,
          locale: 'ja',
          submittedById: researcher.userId,
          idempotencyKey: randomUUID(),
        },
      });
      versionId = v.id;
      if (n === (s.versions ?? 1)) {
        for (const item of content.appointments.items) {
          if (!s.organisations?.length) break;
          await tx.disclosureOrganisation.create({
            data: { disclosureId: d.id, versionId: v.id, name: item.organisation.name, normalizedName: normalizeName(item.organisation.name), country: 'CN', itemRef: `appointments/${item.id}` },
          });
        }
        for (const r of s.registered ?? []) {
          await tx.disclosureOrganisation.create({
            data: { disclosureId: d.id, versionId: v.id, entityId: r.entityId, name: r.name, normalizedName: normalizeName(r.name), country: 'CN', itemRef: `appointments/${randomUUID()}` },
          });
        }
      }
    }
    // The queue search's keys, as a submission writes them (lib/filing/submit.ts).
    const searchText = await disclosureSearchText(tx, {
      researcherId: researcher.userId,
      researcherNames: [s.name],
      organisations: [...(s.organisations ?? []).map((name) => ({ name })), ...(s.registered ?? [])],
    });
    await tx.disclosure.update({ where: { id: d.id }, data: { searchText } });
    for (const r of fired) {
      await tx.finding.create({
        data: { disclosureId: d.id, versionId, ruleId: r.id, severity: r.severity, values: { amountJpy: 1_800_000, country: 'CN' }, messageJa: '該当します。', messageEn: `Fired ${r.code}.` },
      });
    }
    for (const code of s.superseded ?? []) {
      const r = byCode.get(code)!;
      await tx.finding.create({
        data: { disclosureId: d.id, versionId, ruleId: r.id, severity: r.severity, values: {}, messageJa: '旧', messageEn: 'old', supersededAt: new Date() },
      });
    }
    return { id: d.id, versionId, researcher };
  });
}
