// The queue's search keys follow the names behind them: a researcher renamed by a roster import, an
// organisation of the registry renamed or given an alias, are found by the new name without a new
// submission, in the same transaction for a few disclosures or by the background task for many; other
// disclosures (another institution's, another organisation's) are left as they were.
import { beforeAll, describe, expect, it } from 'vitest';
import { applyRosterAction } from '@/lib/admin/roster-actions';
import { runAction } from '@/lib/actions/action';
import { db } from '@/lib/db/client';
import { runTask } from '@/lib/jobs/tasks';
import { type ReviewWorld, reviewWorld, submitted } from '@/test/helpers/review-world';
import { parseQueueParams } from './queue-params';
import { listQueue } from './queue';
import { SEARCH_REFRESH_TASK, ensureSearchKeysCurrent, refreshSearchText, searchKeysStamp } from './search-refresh';
import './tasks';

let w: ReviewWorld;

/**
 * A submitted disclosure whose version says what its search text says: the researcher's names in the
 * profile and the registry organisation in an appointment (the helper's sample content names others).
 */
async function filed(cycle: { id: string; institutionId: string }, name: string, nameRomaji: string, entity?: { id: string; name: string }) {
  const d = await submitted(w, {
    cycle,
    name,
    nameRomaji,
    ...(entity ? { registered: [{ name: entity.name, entityId: entity.id }] } : {}),
    content: (c) => {
      c.profile = { ...c.profile, nameKanji: name, nameKana: '', nameRomaji };
      c.appointments.items = c.appointments.items.slice(0, 1).map((item) => ({
        ...item,
        organisation: entity ? { name: entity.name, entityId: entity.id, country: 'CN' } : { name: 'Example Institute', country: 'CN' },
      }));
    },
  });
  const user = await db.user.findUniqueOrThrow({ where: { id: d.researcher.userId }, select: { email: true } });
  return { id: d.id, userId: d.researcher.userId, email: user.email };
}

async function found(q: string, officer = w.officerA): Promise<string[]> {
  const page = await listQueue(officer, parseQueueParams({ q, status: ['SUBMITTED', 'UNDER_REVIEW', 'RESUBMITTED'] }));
  return page.rows.map((r) => r.id).sort();
}

const searchTextOf = async (id: string) => (await db.disclosure.findUniqueOrThrow({ where: { id }, select: { searchText: true } })).searchText;

beforeAll(async () => {
  w = await reviewWorld();
});

describe('search keys after a rename', () => {
  it('a researcher renamed by a roster import is found by the new name at once; the other institution is untouched', async () => {
    const mine = await filed(w.cycleA, '小林 直子', 'Naoko Kobayashi');
    // Another institution's researcher of the same name, not in the roster.
    const theirs = await filed(w.cycleB, '小林 直子', 'Naoko Kobayashi');
    const theirsBefore = await searchTextOf(theirs.id);
    expect(await found('Hayashibara')).toEqual([]);

    const csv = ['email,name_kanji,name_kana,name_romaji,department_code,position,erad_number,orcid', `${mine.email},林原 直子,ハヤシバラ ナオコ,Naoko Hayashibara,ENG,教授,,`].join('\n');
    const res = await runAction(applyRosterAction.definition, w.admin, { institutionId: w.a.id, csv, fileName: 'roster.csv', sendInvites: false });
    expect(res.ok, JSON.stringify(res)).toBe(true);

    for (const q of ['Hayashibara', '林原', 'はやしばら', 'ハヤシバラ']) expect(await found(q), q).toEqual([mine.id]);
    // The name as submitted stays searchable: the version still says it.
    expect(await found('Kobayashi')).toEqual([mine.id]);
    expect(await searchTextOf(theirs.id)).toBe(theirsBefore);
    expect(await found('Hayashibara', w.officerB)).toEqual([]);
  });

  it('an organisation of the registry renamed, or given an alias, is found by its new names', async () => {
    const entity = await db.foreignEntity.create({
      data: { type: 'UNIVERSITY', nameEn: 'Lanzhou Polytechnic', nameZh: '兰州理工学院', aliases: [], country: 'CN', searchText: 'lanzhou polytechnic' },
    });
    const other = await db.foreignEntity.create({ data: { type: 'UNIVERSITY', nameEn: 'Kunming Institute', aliases: [], country: 'CN', searchText: 'kunming institute' } });
    const named = await filed(w.cycleA, '中村 翔', 'Sho Nakamura', { id: entity.id, name: 'Lanzhou Polytechnic' });
    const elsewhere = await filed(w.cycleB, '加藤 大輔', 'Daisuke Kato', { id: entity.id, name: 'Lanzhou Polytechnic' });
    const unrelated = await filed(w.cycleA, '吉田 彩', 'Aya Yoshida', { id: other.id, name: 'Kunming Institute' });
    const unrelatedBefore = await searchTextOf(unrelated.id);
    expect(await found('LZUT')).toEqual([]);

    const result = await db.$transaction(async (tx) => {
      await tx.foreignEntity.update({ where: { id: entity.id }, data: { nameEn: 'Lanzhou University of Technology', aliases: ['LZUT'] } });
      return refreshSearchText(tx, { entityIds: [entity.id] }, { requestedById: w.admin.userId });
    });
    // Both institutions' disclosures name it; each officer finds only their own.
    expect(result).toEqual({ refreshed: 2 });
    for (const q of ['LZUT', 'Lanzhou University of Technology', '兰州']) expect(await found(q), q).toEqual([named.id]);
    expect(await found('LZUT', w.officerB)).toEqual([elsewhere.id]);
    expect(await searchTextOf(unrelated.id)).toBe(unrelatedBefore);
  });

  it('a change touching more disclosures than the inline limit is left to the background task, created in the same transaction', async () => {
    const entity = await db.foreignEntity.create({ data: { type: 'COMPANY', nameEn: 'Xiamen Optics', aliases: [], country: 'CN', searchText: 'xiamen optics' } });
    const ids = [
      (await filed(w.cycleA, '森 光', 'Hikaru Mori', { id: entity.id, name: 'Xiamen Optics' })).id,
      (await filed(w.cycleA, '岡田 誠', 'Makoto Okada', { id: entity.id, name: 'Xiamen Optics' })).id,
    ].sort();
    const result = await db.$transaction(async (tx) => {
      await tx.foreignEntity.update({ where: { id: entity.id }, data: { aliases: ['厦门光学'] } });
      return refreshSearchText(tx, { entityIds: [entity.id] }, { requestedById: w.admin.userId, inlineLimit: 1 });
    });
    if (!('taskId' in result)) throw new Error(`expected a task, got ${JSON.stringify(result)}`);
    // Nothing refreshed yet: the task does it.
    expect(await found('厦门光学')).toEqual([]);
    await runTask(result.taskId);
    const task = await db.backgroundTask.findUniqueOrThrow({ where: { id: result.taskId } });
    expect(task).toMatchObject({ kind: SEARCH_REFRESH_TASK, status: 'SUCCEEDED', result: { disclosures: 2, changed: 2 } });
    expect(await found('厦门光学')).toEqual(ids);
    expect(await found('廈門光學')).toEqual(ids);
  });

  it('a release that builds the keys differently rebuilds every stored text once, however many processes start', async () => {
    const d = await filed(w.cycleA, '松本 潤', 'Jun Matsumoto');
    // As an older builder might have left it.
    await db.disclosure.update({ where: { id: d.id }, data: { searchText: 'stale' } });
    expect(await found('Matsumoto')).toEqual([]);
    const stamp = `test-${searchKeysStamp()}`;
    const started = await Promise.all([ensureSearchKeysCurrent(stamp), ensureSearchKeysCurrent(stamp), ensureSearchKeysCurrent(stamp)]);
    const tasks = started.filter((t): t is string => t !== null);
    expect(tasks).toHaveLength(1);
    expect(await ensureSearchKeysCurrent(stamp)).toBeNull();
    await runTask(tasks[0]!);
    expect(await found('Matsumoto')).toEqual([d.id]);
    expect(await found('松本')).toEqual([d.id]);
  });

  it('a name change with no submitted disclosure behind it does nothing', async () => {
    const result = await db.$transaction((tx) => refreshSearchText(tx, { researcherIds: [w.officerA.userId] }, { requestedById: null }));
    expect(result).toEqual({ refreshed: 0 });
  });
});
