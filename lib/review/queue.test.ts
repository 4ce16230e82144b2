import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { type ReviewWorld, reviewWorld, submitted } from '@/test/helpers/review-world';
import { parseQueueParams } from './queue-params';
import { type QueueRow, listQueue } from './queue';

let w: ReviewWorld;
const ids: Record<string, string> = {};
const day = (n: number) => new Date(Date.UTC(2026, 5, 1) + n * 86_400_000);

beforeAll(async () => {
  w = await reviewWorld();
  const eng = w.a.departments.find((d) => d.code === 'ENG')!.id;
  const sci = w.a.departments.find((d) => d.code === 'SCI')!.id;
  const A = w.cycleA;
  const make = async (key: string, spec: Omit<Parameters<typeof submitted>[1], 'cycle'> & { cycle?: typeof A }) => {
    ids[key] = (await submitted(w, { cycle: A, ...spec })).id;
  };
  await make('flagOld', { name: '渡辺 健 (Ken Watanabe)', submittedAt: day(1), findings: ['TALENT_PROGRAMME', 'SPONSORED_TRAVEL'], departmentId: eng, organisations: ['Beihang University'] });
  await make('reviewMine', { name: '中村 亮 (Ryo Nakamura)', submittedAt: day(2), status: 'UNDER_REVIEW', findings: ['PAID_APPOINTMENT'], departmentId: sci, assigneeId: w.officerA.userId });
  await make('none', { name: '小林 愛 (Ai Kobayashi)', submittedAt: day(3), departmentId: eng, organisations: ['Stanford University'] });
  await make('info', { name: 'Yamamoto Sho', submittedAt: day(4), findings: ['SPONSORED_TRAVEL'], superseded: ['TALENT_PROGRAMME'], departmentId: sci });
  await make('resub', { name: '加藤 学 (Manabu Kato)', submittedAt: day(5), status: 'RESUBMITTED', findings: ['PAID_APPOINTMENT'], versions: 2, pendingMatches: 1, organisations: ['北京航空航天大学'] });
  await make('flagNew', { name: '吉田 彩 (Aya Yoshida)', submittedAt: day(6), findings: ['TALENT_PROGRAMME'], assigneeId: w.officerA2.userId, departmentId: eng });
  await make('approved', { name: '山口 誠 (Makoto Yamaguchi)', submittedAt: day(0), status: 'APPROVED', findings: ['PAID_APPOINTMENT'] });
  await make('returned', { name: '松本 直樹 (Naoki Matsumoto)', submittedAt: day(7), status: 'RETURNED' });
  await make('past', { name: '井上 恵 (Megumi Inoue)', submittedAt: day(-300), cycle: w.pastA, findings: ['SPONSORED_TRAVEL'] });
  // Another institution's disclosures, which must never appear for A's officers.
  for (const [i, name] of ['佐藤 花子 (Hanako Sato)', 'Beihang visitor', '渡辺 健 (Ken Watanabe)'].entries()) {
    ids[`b${i}`] = (await submitted(w, { cycle: w.cycleB, name, submittedAt: day(i), findings: ['TALENT_PROGRAMME'], organisations: ['Beihang University'] })).id;
  }
  // A match on Beihang confirmed by A's officers (kept per organisation and institution, see lib/watchlists).
  const list = await db.watchlist.create({ data: { code: `W-${Date.now()}`, nameJa: 'リスト', nameEn: 'List', source: 'test', isSample: true } });
  const entry = await db.watchlistEntry.create({ data: { watchlistId: list.id, reference: 'BUAA', name: 'Beihang University', searchText: 'beihang univ' } });
  const match = await db.entityMatch.create({ data: { organisationKey: 'name:beihang univ', organisationName: 'Beihang University', watchlistEntryId: entry.id, score: 1 } });
  await db.matchDecision.create({ data: { matchId: match.id, institutionId: w.a.id, status: 'CONFIRMED', decidedById: w.officerA.userId } });
});

const names = (rows: QueueRow[]) => rows.map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0] ?? r.id);
const queue = (query: Record<string, string | string[]> = {}, pageSize?: number) => listQueue(w.officerA, parseQueueParams(query), { pageSize });

describe('review queue', () => {
  it('shows open work of the officer’s institution by default, oldest first, never another institution’s', async () => {
    const page = await queue();
    expect(names(page.rows)).toEqual(['past', 'flagOld', 'reviewMine', 'none', 'info', 'resub', 'flagNew']);
    expect(page.nextCursor).toBeNull();
    const b = await listQueue(w.officerB, parseQueueParams({}));
    expect(names(b.rows).sort()).toEqual(['b0', 'b1', 'b2']);
    const row = page.rows.find((r) => r.id === ids.reviewMine)!;
    expect(row).toMatchObject({ status: 'UNDER_REVIEW', maxSeverity: 'REVIEW', findingCount: 1, assignee: { id: w.officerA.userId } });
    expect(row.department?.nameEn).toBe('Graduate School of Science');
    expect(row.cycle.code).toBe('FY2026');
  });

  it('filters by status, severity, rule, department, assignee, cycle and watchlist', async () => {
    expect(names((await queue({ status: ['APPROVED', 'RETURNED'] })).rows)).toEqual(['approved', 'returned']);
    expect(names((await queue({ severity: 'FLAG' })).rows)).toEqual(['flagOld', 'flagNew']);
    expect(names((await queue({ severity: ['INFO', 'NONE'] })).rows)).toEqual(['past', 'none', 'info']);
    // A superseded finding no longer counts for the rule filter.
    expect(names((await queue({ rule: 'TALENT_PROGRAMME' })).rows)).toEqual(['flagOld', 'flagNew']);
    expect(names((await queue({ rule: 'SPONSORED_TRAVEL' })).rows)).toEqual(['past', 'flagOld', 'info']);
    const sci = w.a.departments.find((d) => d.code === 'SCI')!.id;
    expect(names((await queue({ dept: sci })).rows)).toEqual(['reviewMine', 'info']);
    expect(names((await queue({ assignee: 'me' })).rows)).toEqual(['reviewMine']);
    expect(names((await queue({ assignee: w.officerA2.userId })).rows)).toEqual(['flagNew']);
    expect(names((await queue({ assignee: 'none' })).rows)).toEqual(['past', 'flagOld', 'none', 'info', 'resub']);
    expect(names((await queue({ cycle: w.pastA.id })).rows)).toEqual(['past']);
    expect(names((await queue({ watch: 'pending' })).rows)).toEqual(['resub']);
    expect(names((await queue({ watch: 'confirmed' })).rows)).toEqual(['flagOld']);
    expect(names((await queue({ watch: 'any' })).rows)).toEqual(['flagOld', 'resub']);
  });

  it('searches researcher names (kanji or romaji) and disclosed organisations (normalised, any script)', async () => {
    expect(names((await queue({ q: '渡辺' })).rows)).toEqual(['flagOld']);
    expect(names((await queue({ q: 'nakamura' })).rows)).toEqual(['reviewMine']);
    // Beihang University and 北京航空航天大学 are one organisation (lib/watchlists/cross-language-aliases.ts).
    expect(names((await queue({ q: 'BEIHANG UNIV.' })).rows)).toEqual(['flagOld', 'resub']);
    expect(names((await queue({ q: '北京航空' })).rows)).toEqual(['flagOld', 'resub']);
    expect(names((await queue({ q: '100%_' })).rows)).toEqual([]);
  });

  it('sorts by severity, newest and review deadline', async () => {
    expect(names((await queue({ sort: 'severity' })).rows)).toEqual(['flagOld', 'flagNew', 'reviewMine', 'resub', 'past', 'info', 'none']);
    expect(names((await queue({ sort: 'newest' })).rows)).toEqual(['flagNew', 'resub', 'info', 'none', 'reviewMine', 'flagOld', 'past']);
    // FY2025's review deadline comes first, then FY2026's.
    expect(names((await queue({ sort: 'deadline' })).rows)).toEqual(['past', 'flagOld', 'reviewMine', 'none', 'info', 'resub', 'flagNew']);
  });

  it('pages with a keyset cursor in every sort, each row exactly once', async () => {
    for (const sort of ['oldest', 'newest', 'severity', 'deadline']) {
      const all = names((await queue({ sort })).rows);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof queue>> = await queue({ sort, ...(cursor ? { cursor } : {}) }, 2);
        seen.push(...names(page.rows));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen, sort).toEqual(all);
      expect(pages, sort).toBe(4);
    }
  });

  it('keeps its place when rows are added before the cursor, and starts over with a foreign or broken cursor', async () => {
    const first = await queue({}, 3);
    expect(names(first.rows)).toEqual(['past', 'flagOld', 'reviewMine']);
    // A disclosure submitted "earlier" than the cursor does not shift the next page.
    const late = await submitted(w, { cycle: w.cycleA, name: 'Late arrival', submittedAt: day(-1) });
    const second = await queue({ cursor: first.nextCursor! }, 3);
    expect(names(second.rows)).toEqual(['none', 'info', 'resub']);
    await db.disclosure.update({ where: { id: late.id }, data: { status: 'APPROVED' } });
    expect(names((await queue({ cursor: 'not-a-cursor' }, 3)).rows)).toEqual(['past', 'flagOld', 'reviewMine']);
    // A cursor made for another sort is ignored (first page of this sort).
    expect(names((await queue({ sort: 'newest', cursor: first.nextCursor! }, 3)).rows)).toEqual(['flagNew', 'resub', 'info']);
  });

  it('shows nothing to people without an officer role', async () => {
    for (const actor of [w.researcherA, w.auditor, w.admin]) {
      expect((await listQueue(actor, parseQueueParams({}))).rows).toEqual([]);
    }
  });
});
