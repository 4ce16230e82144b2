// Background re-evaluation (task kind rules.reevaluate): after a ruleset activation the findings of
// every submitted disclosure follow the new rules (old ones superseded, kept), after a watchlist import
// organisations are screened again, after a grant import the totals are current. Progress is recorded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { importGrantsFile } from '@/lib/grants/admin';
import { runTask } from '@/lib/jobs/tasks';
import { importWatchlistFile } from '@/lib/watchlists/admin';
import { makeActor } from '@/test/helpers/actors';
import { contentWith, fileAndCheck, findingsOf, items, makeDisclosure, makeInstitutionWithCycle, makeResearcher, section, seedRulesWorld, submitVersion } from '@/test/helpers/rules-world';
import { runReevaluation } from './reevaluate';
import { activateVersion, createDraft, saveRule } from './rulesets';
import { STARTER_RULESET } from './starter';
import './tasks';
import '@/lib/watchlists/tasks';

const origin = { ip: null, userAgent: null };
const id = () => crypto.randomUUID();
const foreign = { name: 'Example Foreign Foundation', country: 'DE' as const };

let admin: Actor;
let world: Awaited<ReturnType<typeof makeInstitutionWithCycle>>;

beforeAll(async () => {
  await seedRulesWorld('samples');
  admin = await makeActor({ roles: [{ role: 'ADMIN', allInstitutions: true }] });
  world = await makeInstitutionWithCycle();
});

describe('re-evaluation', () => {
  it('after an activation, supersedes findings that no longer fire and writes those of the new version', async () => {
    // ¥6,240,000 of foreign support: over the starter threshold of ¥5,000,000.
    const support = items.support({ id: id(), source: foreign, totalAmount: { amountMinor: 30_000_000, currency: 'CNY' } });
    const appointment = items.appointment({ id: id(), organisation: foreign });
    const d = await fileAndCheck(world, contentWith({ support: section(support), appointments: section(appointment) }));
    expect(d.codes).toEqual(['foreign-appointment-without-contract', 'foreign-support-amount']);
    const v1 = d.findings[0]!.rule.rulesetVersionId;

    const ruleset = await db.ruleset.findUniqueOrThrow({ where: { code: STARTER_RULESET.code } });
    const { version } = await createDraft(admin, { rulesetId: ruleset.id }, origin);
    const draft = await db.rulesetVersion.findFirstOrThrow({ where: { rulesetId: ruleset.id, version }, include: { rules: true } });
    const rule = draft.rules.find((r) => r.code === 'foreign-support-amount')!;
    await saveRule(admin, { ...rule, versionId: draft.id, ruleId: rule.id, forEach: 'support', params: '{"thresholdJpy": 7000000}' }, origin);
    const { taskId } = await activateVersion(admin, { versionId: draft.id }, origin);

    // Until the task runs, the submitted version keeps the findings it was checked with.
    expect((await findingsOf(d.versionId)).every((f) => f.rule.rulesetVersionId === v1)).toBe(true);
    await runTask(taskId);

    const task = await db.backgroundTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({ status: 'SUCCEEDED', progressDone: 1, progressTotal: 1 });
    expect(task.result).toMatchObject({ reason: 'rules.activated', disclosures: 1, changed: 1, added: 1, superseded: 2, rulesetVersionIds: [draft.id] });

    const now = await findingsOf(d.versionId);
    expect(now.map((f) => [f.rule.code, f.rule.rulesetVersionId])).toEqual([['foreign-appointment-without-contract', draft.id]]);
    const superseded = await db.finding.findMany({ where: { versionId: d.versionId, supersededAt: { not: null } }, include: { rule: true } });
    expect(superseded.map((f) => f.rule.code).sort()).toEqual(['foreign-appointment-without-contract', 'foreign-support-amount']);
    expect(superseded.every((f) => f.rule.rulesetVersionId === v1)).toBe(true);
    expect(await db.disclosure.findUniqueOrThrow({ where: { id: d.disclosureId } })).toMatchObject({ maxSeverity: 'REVIEW', findingCount: 1 });

    // Running again changes nothing: findings that still fire are kept as they are.
    const again = await db.$transaction((tx) =>
      tx.backgroundTask.create({ data: { kind: 'rules.reevaluate', params: { reason: 'manual' } }, select: { id: true } }),
    );
    await runTask(again.id);
    expect((await db.backgroundTask.findUniqueOrThrow({ where: { id: again.id } })).result).toMatchObject({ changed: 0, added: 0, superseded: 0 });
    expect((await findingsOf(d.versionId)).map((f) => f.id)).toEqual(now.map((f) => f.id));
  });

  it('after a watchlist import, organisations are screened again and the list rule fires on the new entry', async () => {
    const d = await fileAndCheck(world, contentWith({ travel: section(items.travel({ id: id(), sponsor: { name: 'Sharif University of Technology', country: 'IR' } })) }));
    expect(d.codes).toEqual([]);
    // A METI-layout sample imported as the list the starter rule names (the demo's list is not seeded here).
    const result = await importWatchlistFile(
      admin,
      {
        target: 'new',
        code: 'jp-meti-end-user-list',
        kind: 'WATCHLIST',
        nameJa: '経済産業省 外国ユーザーリスト（サンプル）',
        nameEn: 'METI End User List (sample)',
        source: 'test',
        editionDate: '2026-11-01',
        isSample: true,
        fileName: 'meti-eul.sample.csv',
        csvText: readFileSync(path.resolve(import.meta.dirname, '../watchlists/samples/meti-eul.sample.csv'), 'utf8'),
      },
      origin,
    );
    expect(result).toMatchObject({ layout: 'meti-eul', added: 6, rejectedCount: 0 });
    // The import queues the registry re-screen (each organisation once), which queues the re-evaluation.
    expect(await db.backgroundTask.findUniqueOrThrow({ where: { id: result.taskId! } })).toMatchObject({ kind: 'watchlists.rescreen', params: { reason: 'watchlist.imported' } });
    await runTask(result.taskId!);
    const rescreen = await db.backgroundTask.findUniqueOrThrow({ where: { id: result.taskId! } });
    expect(rescreen.status).toBe('SUCCEEDED');
    const reevaluation = (rescreen.result as { reevaluationTaskId: string }).reevaluationTaskId;
    expect(await db.backgroundTask.findUniqueOrThrow({ where: { id: reevaluation } })).toMatchObject({ params: { reason: 'watchlist.imported', screen: false } });
    await runTask(reevaluation);
    const after = await findingsOf(d.versionId);
    expect(after.map((f) => f.rule.code)).toEqual(['listed-organisation']);
    expect(after[0]?.values).toMatchObject({ 'item.name': 'Sharif University of Technology', 'item.status': 'pending' });
    expect(await db.disclosure.findUniqueOrThrow({ where: { id: d.disclosureId } })).toMatchObject({ maxSeverity: 'FLAG', pendingMatches: 1 });
  });

  it('after a grant import, the grant totals rule fires for the researcher whose totals crossed the threshold', async () => {
    const programme = items.programme({ id: id(), programme: { name: 'Example Talent Programme', country: 'CN' }, sponsor: foreign });
    const content = contentWith({ programmes: section(programme) });
    const d = await fileAndCheck(world, { ...content, profile: { ...content.profile, eradNumber: '30000003' } });
    expect(d.codes).toEqual(['talent-programme']);
    const csv = 'erad_number,project_number,fiscal_year,role,amount_jpy\n30000003,20S00001,2020,PI,"150,000,000"\n';
    const result = await importGrantsFile(admin, { fileName: 'more.csv', csvText: csv }, origin);
    expect(result).toMatchObject({ added: 1, updated: 0 });
    await runTask(result.taskId!);
    expect((await findingsOf(d.versionId)).map((f) => f.rule.code).sort()).toEqual(['talent-programme', 'talent-programme-with-domestic-grants']);
  });

  it('reads a cycle in keyset batches, evaluates each latest version, and writes only what changed', async () => {
    const cycleWorld = await makeInstitutionWithCycle('FY2031');
    const appointment = () => contentWith({ appointments: section(items.appointment({ id: id(), organisation: foreign })) });
    const filed = [];
    for (let i = 0; i < 5; i++) filed.push(await fileAndCheck(cycleWorld, appointment()));
    expect(filed.every((d) => d.codes.join() === 'foreign-appointment-without-contract')).toBe(true);
    // One researcher filed again without the appointment: only the latest version counts.
    const refiled = filed[4]!;
    const latest = await submitVersion(refiled.disclosureId, refiled.researcherId, contentWith({}));
    // A draft never submitted is not read at all.
    const researcher = await makeResearcher(cycleWorld.institution.id);
    await makeDisclosure({ cycleId: cycleWorld.cycle.id, institutionId: cycleWorld.institution.id, researcherId: researcher.id });
    // Three disclosures lost their findings and summary (as if checked by rules no longer in force).
    const stale = filed.slice(0, 3).map((d) => d.disclosureId);
    await db.finding.updateMany({ where: { disclosureId: { in: stale } }, data: { supersededAt: new Date() } });
    await db.disclosure.updateMany({ where: { id: { in: stale } }, data: { maxSeverity: null, findingCount: 0 } });
    const untouched = await db.disclosure.findUniqueOrThrow({ where: { id: filed[3]!.disclosureId }, select: { updatedAt: true } });

    const progress: [number, number | undefined][] = [];
    const run = () =>
      runReevaluation({ params: { reason: 'manual', cycleId: cycleWorld.cycle.id }, progress: async (done, total) => void progress.push([done, total]) }, { batch: 2 });
    expect(await run()).toMatchObject({ disclosures: 5, changed: 3, added: 3, superseded: 0 });
    // Three batches (2 + 2 + 1), two in flight at once: progress after each, never backwards.
    expect(progress[0]).toEqual([0, 5]);
    expect(progress.length).toBe(4);
    expect(progress.at(-1)).toEqual([5, 5]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));

    for (const d of filed.slice(0, 4)) {
      expect((await findingsOf(d.versionId)).map((f) => f.rule.code)).toEqual(['foreign-appointment-without-contract']);
      expect(await db.disclosure.findUniqueOrThrow({ where: { id: d.disclosureId } })).toMatchObject({ maxSeverity: 'REVIEW', findingCount: 1 });
    }
    expect(await findingsOf(latest)).toEqual([]);
    expect(await db.disclosure.findUniqueOrThrow({ where: { id: refiled.disclosureId } })).toMatchObject({ maxSeverity: null, findingCount: 0 });
    // A disclosure whose findings and summary were already right is not written.
    expect(await db.disclosure.findUniqueOrThrow({ where: { id: filed[3]!.disclosureId }, select: { updatedAt: true } })).toEqual(untouched);
    expect(await run()).toMatchObject({ disclosures: 5, changed: 0, added: 0, superseded: 0 });
  });
});
