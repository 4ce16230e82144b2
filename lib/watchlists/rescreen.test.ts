// The registry re-screen after a list changes: each distinct organisation once, new matches written,
// pending counts recounted, officers' decisions untouched; and the task with its progress.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { runTask } from '@/lib/jobs/tasks';
import { contentWith, fileAndCheck, items, makeInstitutionWithCycle, section, seedRulesWorld } from '@/test/helpers/rules-world';
import { organisationKeyOf } from './record-matches';
import { enqueueRescreen, registryOrganisations, rescreenRegistry, RESCREEN_TASK } from './rescreen';
import './tasks';

let world: Awaited<ReturnType<typeof makeInstitutionWithCycle>>;
const NEWLY_LISTED = 'Zelbrin Acoustics Laboratory';

const naming = (name: string) =>
  contentWith({ appointments: section(items.appointment({ id: crypto.randomUUID(), organisation: { name, country: 'CN' } })) });

beforeAll(async () => {
  await seedRulesWorld('all');
  world = await makeInstitutionWithCycle();
});

describe('rescreenRegistry', () => {
  it('screens each organisation once, adds the matches a new entry makes, recounts pending, keeps decisions', async () => {
    // Two disclosures name the same unlisted organisation (two spellings of one key); one names Beihang.
    const a = await fileAndCheck(world, naming(NEWLY_LISTED));
    const b = await fileAndCheck(world, naming('ZELBRIN ACOUSTICS LABORATORY'));
    const beihang = await fileAndCheck(world, naming('北京航空航天大学'));
    const key = organisationKeyOf({ name: NEWLY_LISTED });
    expect((await registryOrganisations()).filter((o) => o.key === key)).toEqual([
      { key, names: expect.arrayContaining([NEWLY_LISTED, 'ZELBRIN ACOUSTICS LABORATORY']), country: 'CN' },
    ]);
    expect(await db.entityMatch.count({ where: { organisationKey: key } })).toBe(0);

    // An officer dismissed one of Beihang's matches.
    const beihangKey = organisationKeyOf({ name: '北京航空航天大学' });
    const match = await db.entityMatch.findFirstOrThrow({ where: { organisationKey: beihangKey }, orderBy: { id: 'asc' } });
    const decidedById = (await db.user.findFirstOrThrow({ select: { id: true } })).id;
    await db.matchDecision.create({ data: { matchId: match.id, institutionId: world.institution.id, status: 'DISMISSED', decidedById, note: 'not the same' } });
    await db.entityMatch.update({ where: { id: match.id }, data: { score: 0.5, matchedNames: [] } });
    const decisionsBefore = await db.matchDecision.findMany({ orderBy: { id: 'asc' } });

    // A new edition lists the organisation.
    const list = await db.watchlist.findFirstOrThrow({ where: { code: 'us-csl-sample' } });
    const entry = await db.watchlistEntry.create({ data: { watchlistId: list.id, reference: 'rescreen-1', name: NEWLY_LISTED, searchText: '' } });

    const progress: [number, number][] = [];
    const result = await rescreenRegistry(async (done, total) => void progress.push([done, total]));
    const organisations = (await registryOrganisations()).length;
    expect(result).toMatchObject({ organisations });
    expect(result.created).toBeGreaterThanOrEqual(1);
    expect(progress.at(-1)).toEqual([organisations, organisations]);

    const added = await db.entityMatch.findMany({ where: { organisationKey: key } });
    expect(added.map((m) => m.watchlistEntryId)).toEqual([entry.id]);
    for (const d of [a, b]) expect((await db.disclosure.findUniqueOrThrow({ where: { id: d.disclosureId } })).pendingMatches).toBe(1);

    // The decision is as it was; the refreshed score of its match is back.
    expect(await db.matchDecision.findMany({ orderBy: { id: 'asc' } })).toEqual(decisionsBefore);
    expect((await db.entityMatch.findUniqueOrThrow({ where: { id: match.id } })).score).toBe(1);
    const beihangPending = (await db.disclosure.findUniqueOrThrow({ where: { id: beihang.disclosureId } })).pendingMatches;
    expect(beihangPending).toBe((await db.entityMatch.count({ where: { organisationKey: beihangKey } })) - 1);

    // Running again changes nothing.
    expect(await rescreenRegistry()).toMatchObject({ created: 0, updated: 0, pendingChanged: 0 });
  });

  it('runs as a background task with progress, then queues the rules re-evaluation', async () => {
    const taskId = await db.$transaction((tx) => enqueueRescreen(tx, { reason: 'watchlist.imported', requestedById: null }));
    await runTask(taskId);
    const task = await db.backgroundTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({ kind: RESCREEN_TASK, status: 'SUCCEEDED' });
    expect(task.progressDone).toBe(task.progressTotal);
    const next = await db.backgroundTask.findUniqueOrThrow({ where: { id: (task.result as { reevaluationTaskId: string }).reevaluationTaskId } });
    expect(next).toMatchObject({ kind: 'rules.reevaluate', params: { reason: 'watchlist.imported', screen: false } });
  });
});
