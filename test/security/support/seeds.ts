// A valid input for every server action, keyed by the action's name (def.name, not its file: actions
// move between folders), built from the seed world for the actor who may run it. The fuzzer makes one or
// two fields of a seed hostile and keeps the rest valid, so its calls get past the input gate into the
// action's body. "Each seed alone succeeds" is a test of its own, so the table cannot rot; an action
// without a seed fails the suite by name.
import type { Actor } from '@/lib/auth/roles';
import { inviteUser } from '@/lib/admin/invitations';
import { createCycle } from '@/lib/admin/cycles';
import { issueToken } from '@/lib/api/tokens';
import { mfaRequiredRoles } from '@/lib/auth/mfa-policy';
import { db } from '@/lib/db/client';
import { createTask } from '@/lib/jobs/tasks';
import { DRY_RUN_TASK } from '@/lib/rules/dry-run';
import { sampleContent } from '@/lib/disclosures/sample';
import { startUpdate } from '@/lib/filing/updates';
import { sampleGrantsCsv } from '@/lib/grants/seed';
import { japanDate } from '@/lib/time/japan';
import { makeActor } from '@/test/helpers/actors';
import { submitInput } from '@/test/helpers/filing';
import { submitted } from '@/test/helpers/review-world';
import {
  type SeedWorld,
  disclosureWithMatch,
  draft,
  draftWithAttachment,
  draftWithGrant,
  filed,
  filledDraft,
  origin,
  researcherOf,
  sectionRevision,
  secondFactorUser,
  spareInstitution,
  stateVersionOf,
  uniq,
} from './seed-world';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Seed {
  actor: Actor;
  input: Record<string, unknown>;
}
export type SeedBuilder = (w: SeedWorld) => Promise<Seed>;

const WATCHLIST_CSV = readFileSync(path.resolve(import.meta.dirname, '../../../lib/watchlists/samples/meti-eul.sample.csv'), 'utf8');
const ROSTER_HEADER = 'email,name_kanji,name_kana,name_romaji,department_code,position,erad_number,orcid';

const cycleInput = (institutionId: string) => ({
  institutionId,
  code: `FZ${uniq()}`.slice(0, 32),
  fiscalYear: 2030,
  titleJa: '2030年度 年次開示',
  titleEn: 'FY2030 annual disclosure',
  opensAt: '2030-04-01T09:00',
  filingDeadline: '2031-01-31T17:00',
  reviewDeadline: '2031-03-15T17:00',
  attestationJa: '以上の内容に相違ありません。',
  attestationEn: 'I certify that the above is complete and true.',
  rates: [{ currency: 'USD', jpyPerUnit: '150.25' }],
  reminderDays: '14, 7, 1',
});

const ruleInput = (versionId: string) => ({
  versionId,
  code: `fuzz-rule-${uniq()}`,
  titleJa: '有給の兼業',
  titleEn: 'Paid appointment',
  forEach: '',
  expression: 'true',
  severity: 'INFO',
  messageJa: '確認してください。',
  messageEn: 'Please check.',
  citationJa: '指針 §4',
  citationEn: 'Guideline §4',
  params: '{"threshold": 1000000}',
});

async function draftVersion(w: SeedWorld, withRule: boolean) {
  const ruleset = await db.ruleset.create({ data: { code: `fuzz-rs-${uniq()}`, nameJa: '規則', nameEn: 'Rules' } });
  const version = await db.rulesetVersion.create({ data: { rulesetId: ruleset.id, version: 1, status: 'DRAFT' } });
  if (withRule) {
    const r = ruleInput(version.id);
    await db.rule.create({
      data: { rulesetVersionId: version.id, code: r.code, titleJa: r.titleJa, titleEn: r.titleEn, expression: 'true', severity: 'INFO', messageJa: r.messageJa, messageEn: r.messageEn, citationJa: r.citationJa, citationEn: r.citationEn },
    });
  }
  return { rulesetId: ruleset.id, versionId: version.id, admin: w.admin };
}

/** A person with a role at institution A, for the administrators' account controls. */
const personAtA = (w: SeedWorld) => makeActor({ roles: [{ role: 'RESEARCHER', institutionId: w.a.id }] });

const inAMonth = () => {
  const d = new Date(`${japanDate()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 30);
  return d.toISOString().slice(0, 10);
};

export const SEEDS: Record<string, SeedBuilder> = {
  // --- API tokens, audit
  'api_token.issue': async (w) => ({
    actor: w.admin,
    input: { name: 'Reporting export', ownerEmail: w.officerA.email, role: 'OFFICER', allInstitutions: false, institutionIds: [w.a.id], expiresInDays: 30 },
  }),
  'api_token.revoke': async (w) => {
    const t = await issueToken(w.admin, { name: 'To revoke', ownerEmail: w.officerA.email, role: 'OFFICER', allInstitutions: false, institutionIds: [w.a.id], expiresInDays: 30 }, origin);
    return { actor: w.admin, input: { id: t.id } };
  },
  'audit.verify.request': async (w) => ({ actor: w.admin, input: {} }),

  // --- Cycles, institutions, departments
  'admin.cycle.create': async (w) => ({ actor: w.admin, input: cycleInput(w.a.id) }),
  'admin.cycle.update': async (w) => {
    const input = cycleInput(w.a.id);
    const { id } = await createCycle(w.admin, input, origin);
    return { actor: w.admin, input: { ...input, id, titleEn: 'FY2030 annual disclosure (revised)' } };
  },
  'admin.cycle.status': async (w) => {
    // An institution of its own: one cycle open at a time, and A's is.
    const { id } = await createCycle(w.admin, cycleInput((await spareInstitution()).id), origin);
    return { actor: w.admin, input: { id, to: 'OPEN' } };
  },
  'admin.institution.create': async (w) => ({ actor: w.admin, input: { slug: `fuzz-${uniq()}`, nameJa: 'ファズ大学', nameEn: 'Fuzz University', country: 'JP' } }),
  'admin.institution.rename': async (w) => ({ actor: w.admin, input: { id: (await spareInstitution()).id, nameJa: '改名大学', nameEn: 'Renamed University' } }),
  'admin.institution.retire': async (w) => ({ actor: w.admin, input: { id: (await spareInstitution()).id, retired: true } }),
  'admin.department.create': async (w) => ({ actor: w.admin, input: { institutionId: w.a.id, code: `D${uniq()}`.slice(0, 20), nameJa: '情報学研究科', nameEn: 'Graduate School of Informatics' } }),
  'admin.department.rename': async (w) => ({
    actor: w.admin,
    input: { id: (await spareInstitution()).departments[0]!.id, nameJa: '新工学研究科', nameEn: 'New School of Engineering' },
  }),
  'admin.department.retire': async (w) => ({ actor: w.admin, input: { id: (await spareInstitution()).departments[0]!.id, retired: true } }),

  // --- People
  'admin.user.invite': async (w) => ({
    actor: w.admin,
    input: { email: `invitee-${uniq()}@kaiji.test`, displayName: '招待 花子', institutionId: w.a.id, role: 'RESEARCHER', locale: 'ja' },
  }),
  'admin.user.reinvite': async (w) => {
    const { userId } = await inviteUser(w.admin, { email: `invitee-${uniq()}@kaiji.test`, displayName: '招待 次郎', institutionId: w.a.id, role: 'RESEARCHER', locale: 'en' }, origin);
    return { actor: w.admin, input: { userId } };
  },
  'admin.membership.grant': async (w) => ({
    actor: w.admin,
    input: { userId: (await personAtA(w)).userId, role: 'OFFICER', institutionId: w.a.id, allInstitutions: false },
  }),
  'admin.membership.revoke': async (w) => {
    const person = await personAtA(w);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: person.userId }, select: { id: true } });
    return { actor: w.admin, input: { membershipId: membership.id } };
  },
  'admin.user.disable': async (w) => ({ actor: w.admin, input: { userId: (await personAtA(w)).userId, disabled: true } }),
  'admin.user.password_reset': async (w) => ({ actor: w.admin, input: { userId: (await personAtA(w)).userId } }),
  'admin.user.mfa_reset': async (w) => ({ actor: w.admin, input: { userId: (await personAtA(w)).userId } }),
  'admin.roster.preview': async (w) => ({ actor: w.admin, input: rosterInput(w) }),
  'admin.roster.import': async (w) => ({ actor: w.admin, input: rosterInput(w) }),
  'admin.settings.mfa': async (w) => ({ actor: w.admin, input: { requiredRoles: (await mfaRequiredRoles()).roles } }),

  // --- National configuration: grants, watchlists, rules
  'grants.import': async (w) => ({ actor: w.admin, input: { fileName: 'kaken.csv', csvText: sampleGrantsCsv() } }),
  'watchlists.import': async (w) => ({
    actor: w.admin,
    input: {
      target: 'new',
      code: `fuzz-eul-${uniq()}`,
      kind: 'WATCHLIST',
      nameJa: '外国ユーザーリスト',
      nameEn: 'End User List',
      source: 'METI',
      sourceUrl: 'https://www.meti.go.jp/policy/anpo/law05.html',
      editionDate: '2026-01-15',
      isSample: true,
      fileName: 'meti-eul.sample.csv',
      csvText: WATCHLIST_CSV,
    },
  }),
  'rules.ruleset.create': async (w) => ({ actor: w.admin, input: { code: `fuzz-rs-${uniq()}`, nameJa: '規則集', nameEn: 'Rule set' } }),
  'rules.version.draft': async (w) => {
    const { rulesetId } = await draftVersion(w, false);
    await db.rulesetVersion.updateMany({ where: { rulesetId }, data: { status: 'ACTIVE', effectiveFrom: new Date() } });
    return { actor: w.admin, input: { rulesetId, note: 'Annual revision' } };
  },
  'rules.rule.save': async (w) => ({ actor: w.admin, input: ruleInput((await draftVersion(w, false)).versionId) }),
  'rules.rule.delete': async (w) => {
    const { versionId } = await draftVersion(w, true);
    const rule = await db.rule.findFirstOrThrow({ where: { rulesetVersionId: versionId } });
    return { actor: w.admin, input: { ruleId: rule.id } };
  },
  'rules.version.discard': async (w) => ({ actor: w.admin, input: { versionId: (await draftVersion(w, true)).versionId } }),
  'rules.version.activate': async (w) => ({ actor: w.admin, input: { versionId: (await draftVersion(w, true)).versionId, effectiveFrom: '' } }),
  'rules.version.dry_run': async (w) => ({ actor: w.admin, input: { versionId: w.rulesetVersionId, cycleCode: 'FY2026' } }),
  // A background dry run the administrator started (a national cycle's), whose progress the page polls.
  'rules.version.dry_run_status': async (w) => {
    const params = { versionId: w.rulesetVersionId, cycleCode: 'FY2026', actor: { userId: w.admin.userId, email: w.admin.email }, origin };
    const taskId = await db.$transaction((tx) => createTask(tx, { kind: DRY_RUN_TASK, params, requestedById: w.admin.userId }));
    return { actor: w.admin, input: { taskId } };
  },

  // --- Filing (a researcher of their own for each run)
  'filing.startDisclosure': async (w) => ({ actor: await researcherOf(w.a.id, w.a.departments[0]!.id), input: { cycleId: w.cycleA.id } }),
  'filing.saveSection': async (w) => {
    const d = await draft(w);
    return { actor: d.actor, input: { disclosureId: d.disclosureId, section: 'appointments', revision: await sectionRevision(d.disclosureId, 'appointments'), data: sampleContent().appointments } };
  },
  'filing.submit': async (w) => {
    const d = await filledDraft(w);
    return { actor: d.actor, input: await submitInput(d.disclosureId) };
  },
  'filing.startUpdate': async (w) => {
    const d = await filed(w);
    return { actor: d.actor, input: { disclosureId: d.disclosureId, stateVersion: d.stateVersion } };
  },
  'filing.discardUpdate': async (w) => {
    const d = await filed(w);
    await startUpdate(d.actor, { disclosureId: d.disclosureId, stateVersion: d.stateVersion }, origin);
    return { actor: d.actor, input: { disclosureId: d.disclosureId, stateVersion: await stateVersionOf(d.disclosureId) } };
  },
  'filing.deleteAttachment': async (w) => {
    const d = await draftWithAttachment(w);
    return { actor: d.actor, input: { attachmentId: d.attachmentId } };
  },
  'filing.confirmCarried': async (w) => {
    const c = await w.carried();
    return { actor: c.actor, input: { disclosureId: c.disclosureId, itemId: c.programmeId } };
  },
  'filing.endCarried': async (w) => {
    const c = await w.carried();
    return { actor: c.actor, input: { disclosureId: c.disclosureId, itemId: c.appointmentId, endDate: '2026-09-30' } };
  },
  'filing.acceptGrant': async (w) => {
    const g = await draftWithGrant(w);
    return { actor: g.actor, input: { disclosureId: g.disclosureId, funder: g.funder, projectNumber: g.projectNumber } };
  },
  'filing.dismissGrant': async (w) => {
    const g = await draftWithGrant(w);
    return { actor: g.actor, input: { disclosureId: g.disclosureId, funder: g.funder, projectNumber: g.projectNumber } };
  },

  // --- Reports
  'reports.export': async (w) => ({ actor: w.auditor, input: { kind: 'report', report: 'breakdowns', format: 'csv', query: 'fy=2026', locale: 'en' } }),

  // --- Review (a submitted disclosure of institution A for each run)
  'review.decide': async (w) => {
    const d = await submitted(w, { cycle: w.cycleA });
    return {
      actor: w.officerA,
      input: {
        disclosureId: d.id,
        stateVersion: 1,
        decision: 'APPROVE',
        reason: 'Managed under a plan.',
        disposition: 'MANAGED',
        plan: { conditions: 'Report the appointment yearly.', responsiblePerson: '鈴木 一郎', reviewDates: [inAMonth()] },
      },
    };
  },
  'review.start': async (w) => ({ actor: w.officerA, input: { disclosureId: (await submitted(w, { cycle: w.cycleA })).id, stateVersion: 1 } }),
  'review.assign': async (w) => ({
    actor: w.officerA,
    input: { disclosureId: (await submitted(w, { cycle: w.cycleA })).id, assigneeId: w.officerA2.userId, expectedAssigneeId: '' },
  }),
  'review.match.decide': async (w) => {
    const m = await disclosureWithMatch(w);
    return { actor: w.officerA, input: { disclosureId: m.disclosureId, matchId: m.matchId, decision: 'DISMISSED', note: 'A different organisation of the same name.' } };
  },
  'review.comment': async (w) => ({
    actor: w.officerA,
    input: { disclosureId: (await submitted(w, { cycle: w.cycleA })).id, visibility: 'RESEARCHER', body: 'Please attach the contract.' },
  }),

  // --- Second factor (a person of their own for each run)
  'auth.mfa.enrol': async () => {
    const u = await secondFactorUser({ enrolled: false });
    return { actor: u.actor, input: { code: u.code } };
  },
  'auth.mfa.verify': async () => {
    const u = await secondFactorUser({ enrolled: true });
    return { actor: u.owing!, input: { code: u.recoveryCodes![0]! } };
  },
  'auth.mfa.recovery_codes_regenerated': async () => ({ actor: (await secondFactorUser({ enrolled: true })).actor, input: {} }),
};

function rosterInput(w: SeedWorld) {
  const id = uniq();
  const rows = [
    `roster-${id}-1@example.ac.jp,佐藤 一郎,サトウ イチロウ,Ichiro Sato,ENG,教授,,0000-0002-1825-0097`,
    `roster-${id}-2@example.ac.jp,田中 由美,タナカ ユミ,Yumi Tanaka,SCI,准教授,,`,
  ];
  return { institutionId: w.a.id, csv: `${[ROSTER_HEADER, ...rows].join('\r\n')}\r\n`, fileName: 'roster.csv', sendInvites: false };
}

/** Someone who may not run the action, or may but not on this record: same role at institution B, or none. */
export function outsiderFor(w: SeedWorld, roles: readonly string[] | undefined): Actor | null {
  if (!roles?.length) return null;
  if (roles.includes('RESEARCHER')) return w.researcherB;
  if (roles.includes('OFFICER')) return w.officerB;
  if (roles.includes('AUDITOR')) return w.auditorB;
  return w.adminB;
}
