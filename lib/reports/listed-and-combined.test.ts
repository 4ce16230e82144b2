// Watchlist membership over time ("listed at the time" vs "listed now", editions imported over the
// years) and combined record filters (group entry × watchlist × talent), on the real database.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createCycle, createInstitution, createUser } from '@/lib/seed/factories';
import { createSubmittedDisclosure, type SubmittedSpec } from '@/lib/seed/report-factories';
import { importWatchlist } from '@/lib/watchlists/import';
import { normalizeName, searchTextOf } from '@/lib/watchlists/normalize';
import { actorFor } from '@/test/helpers/actors';
import { type RecordFilter, parseRecordFilter, recordFilterSchema } from './params';
import { countRecords, listRecords, recordQuery } from './records';
import { type TalentGrantsReport, talentGrants } from './talent-grants';

const CN = 'CN' as const;
const ALPHA = { name: 'Example Defence Institute Alpha', country: CN };
const BETA = { name: 'Example Defence Institute Beta', country: CN };
const KEPT = { name: 'Example Defence Institute Gamma', country: CN };
const BEIHANG = { name: 'Beihang University', country: CN };
const DELTA = { name: 'Example Group University Delta', country: CN };
const TTP = { name: 'Thousand Talents Plan', country: CN };
const LIST = `test-eul-${randomUUID().slice(0, 6)}`;
const csv = (...orgs: { name: string }[]) =>
  ['reference,name,country', ...orgs.map((o) => `${o.name.split(' ').at(-1)},${o.name},CN`)].join('\n');

let national: Awaited<ReturnType<typeof actorFor>>;
const names: Record<string, string> = {};
let beihangId = '';
let deltaId = '';

async function importEdition(editionDate: string, ...orgs: { name: string }[]) {
  return db.$transaction((tx) =>
    importWatchlist(tx, {
      ...(editionDate === '2024-06-01'
        ? { create: { code: LIST, nameEn: 'Test End User List', nameJa: 'テスト外国ユーザーリスト', source: 'test' } }
        : { watchlistId: listId }),
      fileName: `eul-${editionDate}.csv`,
      csvText: csv(...orgs),
      editionDate: new Date(`${editionDate}T00:00:00Z`),
      actorId: null,
      isSample: true,
    }),
    { timeout: 60_000 },
  );
}
let listId = '';

beforeAll(async () => {
  // Alpha listed in FY2024 (edition of June 2024) and removed in FY2025 (July 2025); Beta listed only
  // from FY2026 (May 2026); Gamma listed throughout.
  listId = (await importEdition('2024-06-01', ALPHA, KEPT)).watchlistId;
  await importEdition('2025-07-01', KEPT);
  await importEdition('2026-05-01', KEPT, BETA);

  const tag = randomUUID().slice(0, 6);
  await db.$transaction(async (tx) => {
    const inst = await createInstitution(tx, { slug: `l-${tag}`, nameEn: `Lambda University ${tag}`, nameJa: `ラムダ大学${tag}` });
    const cycle = await createCycle(tx, { institutionId: inst.id, fiscalYear: 2024, status: 'CLOSED' });
    const group = await tx.watchlist.upsert({
      where: { code: 'cn-sastind-seven-sons' },
      update: {},
      create: { code: 'cn-sastind-seven-sons', kind: 'GROUP', nameEn: 'SASTIND (test)', nameJa: '国防七子（テスト）', source: 'test', isSample: true },
    });
    const beihang = await tx.watchlistEntry.create({
      data: { watchlistId: group.id, reference: 'SASTIND-1', name: BEIHANG.name, country: CN, searchText: searchTextOf({ name: BEIHANG.name }), listedAt: new Date('2020-01-01T00:00:00Z') },
    });
    beihangId = beihang.id;
    // A group entry listed during FY2024 and removed in June 2025: "at the time" for FY2024, not now.
    const delta = await tx.watchlistEntry.create({
      data: {
        watchlistId: group.id,
        reference: `SASTIND-D-${tag}`,
        name: DELTA.name,
        country: CN,
        searchText: searchTextOf({ name: DELTA.name }),
        listedAt: new Date('2023-01-01T00:00:00Z'),
        retiredAt: new Date('2025-06-01T00:00:00Z'),
      },
    });
    deltaId = delta.id;
    const entries = await tx.watchlistEntry.findMany({ where: { watchlistId: listId }, select: { id: true, name: true } });
    for (const e of entries) {
      await tx.entityMatch.create({ data: { organisationKey: `name:${normalizeName(e.name)}`, organisationName: e.name, watchlistEntryId: e.id, score: 1 } });
    }
    const researcher = async (key: string, spec: Pick<SubmittedSpec, 'programmes' | 'appointments'>) => {
      const name = `Researcher ${key} ${tag}`;
      const user = await createUser(tx, { displayName: name, roles: [{ role: 'RESEARCHER', institutionId: inst.id }], profile: { institutionId: inst.id } });
      await createSubmittedDisclosure(tx, { ...spec, cycleId: cycle.id, institutionId: inst.id, researcherId: user.id, researcherName: name });
      names[key] = name;
    };
    const talent = [{ programme: TTP, sponsor: { name: 'Unlisted Office', country: CN } }];
    await researcher('R1', { programmes: talent, appointments: [ALPHA] }); // Alpha: listed then, not now
    await researcher('R2', { programmes: talent, appointments: [BETA] }); // Beta: listed now, not then
    // The combinations: at Beihang and on the list (R3, R4 without talent), at Beihang only (R5), on the list only (R6).
    await researcher('R3', { programmes: talent, appointments: [BEIHANG, KEPT] });
    await researcher('R4', { appointments: [BEIHANG, KEPT] });
    await researcher('R5', { programmes: talent, appointments: [BEIHANG] });
    await researcher('R6', { programmes: talent, appointments: [KEPT] });
    await researcher('R7', { programmes: talent, appointments: [DELTA] }); // at a group entry listed then, not now
  }, { timeout: 60_000 });
  const auditor = await db.$transaction((tx) => createUser(tx, { roles: [{ role: 'AUDITOR', allInstitutions: true }] }));
  national = await actorFor(auditor.id);
});

async function listed(f: Partial<RecordFilter>): Promise<string[]> {
  const q = await recordQuery(national, { ...recordFilterSchema.parse({ fiscalYear: 2024, ...f }), fiscalYear: f.fiscalYear ?? 2024 });
  const rows = (await listRecords(q, { limit: 500 })).rows;
  expect(await countRecords(q)).toBe(rows.length);
  const byName = new Map(Object.entries(names).map(([k, v]) => [v, k]));
  return rows.map((r) => byName.get(r.researcherName ?? '') ?? '?').sort();
}

describe('watchlist membership over time', () => {
  it('imports keep removed entries with their periods, and a re-listing starts a new period', async () => {
    const alpha = await db.watchlistEntry.findFirstOrThrow({ where: { watchlistId: listId, name: ALPHA.name }, include: { periods: true } });
    expect(alpha.listedAt.toISOString().slice(0, 10)).toBe('2024-06-01');
    expect(alpha.retiredAt?.toISOString().slice(0, 10)).toBe('2025-07-01');
    const beta = await db.watchlistEntry.findFirstOrThrow({ where: { watchlistId: listId, name: BETA.name } });
    expect([beta.listedAt.toISOString().slice(0, 10), beta.retiredAt]).toEqual(['2026-05-01', null]);
  });

  it('a FY2024 report says "listed at the time" and "listed now" apart', async () => {
    const r = await talentGrants(national, recordFilterSchema.parse({ fiscalYear: 2024 }));
    const list = r.byWatchlist.find((l) => l.code === LIST)!;
    // Now: Beta (R2) and Gamma (R3, R6). At the time: Alpha (R1) and Gamma (R3, R6), not Beta.
    expect([list.value.n, list.then.n]).toEqual([3, 3]);
    expect(await listed({ watchlist: LIST })).toEqual(['R2', 'R3', 'R4', 'R6']);
    expect(await listed({ watchlist: LIST, listed: 'then' })).toEqual(['R1', 'R3', 'R4', 'R6']);
    expect(await listed({ talent: 'watchlist', watchlist: LIST, listed: 'then' })).toEqual(['R1', 'R3', 'R6']);
    expect(r.totals.onWatchlistThen.figure).toEqual({ talent: 'watchlist', listed: 'then' });
    for (const f of [list.value, list.then, r.totals.onWatchlist, r.totals.onWatchlistThen]) {
      expect((await listed(f.figure)).length, JSON.stringify(f.figure)).toBe(f.n);
    }
  });

  it('an entry listed again later gets a new period; the gap between them is not "at the time"', async () => {
    await importEdition('2027-05-01', KEPT, BETA, ALPHA);
    const alpha = await db.watchlistEntry.findFirstOrThrow({ where: { watchlistId: listId, name: ALPHA.name }, include: { periods: true } });
    expect([alpha.listedAt.toISOString().slice(0, 10), alpha.retiredAt]).toEqual(['2027-05-01', null]);
    expect(alpha.periods.map((p) => [p.listedAt.toISOString().slice(0, 10), p.removedAt.toISOString().slice(0, 10)])).toEqual([['2024-06-01', '2025-07-01']]);
    // Still listed at the time in FY2024 (the earlier period), and now listed again.
    expect(await listed({ watchlist: LIST, listed: 'then' })).toContain('R1');
    expect(await listed({ watchlist: LIST })).toContain('R1');
    // FY2026 (April 2026 – March 2027) falls in the gap: filed in FY2024, but asked about FY2026's lists.
    const [start, end] = ['2026-04-01', '2027-04-01'];
    const during = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "WatchlistListingPeriod" lp WHERE lp."entryId" = ${alpha.id}::uuid
        AND lp."listedAt" < ${end}::timestamptz AND lp."removedAt" > ${start}::timestamptz`;
    expect(during[0]?.n).toBe(0);
    await importEdition('2027-06-01', KEPT, BETA); // remove Alpha again, as the other tests expect
  });
});

describe('combined filters', () => {
  it('return exactly the intersection: at Beihang × on the list × in a talent programme', async () => {
    const atBeihang = await listed({ entry: beihangId });
    const onList = await listed({ watchlist: LIST });
    const both = await listed({ entry: beihangId, watchlist: LIST });
    expect(atBeihang).toEqual(['R3', 'R4', 'R5']);
    expect(both).toEqual(atBeihang.filter((k) => onList.includes(k)));
    expect(both).toEqual(['R3', 'R4']);
    expect(await listed({ entry: beihangId, watchlist: LIST, talent: 'any' })).toEqual(['R3']);
  });

  it('parse from one URL for pages and API, and round-trip through the URL', async () => {
    const parsed = parseRecordFilter({ fy: '2024', entry: beihangId, watchlist: LIST, talent: 'any', listed: 'then' });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ entry: beihangId, watchlist: LIST, talent: 'any', listed: 'then' });
    expect(parseRecordFilter({ listed: 'sometime' }).success).toBe(false);
  });
});

/** Every figure of the report, each with the record list it links to. */
function figuresOf(r: TalentGrantsReport) {
  const t = (x: TalentGrantsReport['totals']) => [x.talent, x.aboveThreshold, x.atGroup, x.onWatchlist, x.onWatchlistThen];
  return [
    ...t(r.totals),
    ...r.byInstitution.flatMap(t),
    ...r.byGroupEntry.flatMap((e) => [e.value, e.then]),
    ...r.byWatchlist.flatMap((l) => [l.value, l.then]),
  ];
}

describe('the talent-grants figures, narrowed by the record filter', () => {
  it('the group list says "listed at the time" as well as "listed now"', async () => {
    const r = await talentGrants(national, recordFilterSchema.parse({ fiscalYear: 2024 }));
    const delta = r.byGroupEntry.find((e) => e.entryId === deltaId)!;
    const beihang = r.byGroupEntry.find((e) => e.entryId === beihangId)!;
    // Delta was removed in June 2025: not listed now, listed during FY2024 (R7). Beihang: both (R3, R5).
    expect([delta.value.n, delta.then.n, beihang.value.n, beihang.then.n]).toEqual([0, 1, 2, 2]);
    expect(delta.then.figure).toEqual({ talent: 'group', entry: deltaId, listed: 'then' });
    expect(await listed({ entry: deltaId, listed: 'then' })).toEqual(['R7']);
    expect(await listed({ entry: deltaId })).toEqual([]);
    expect(await listed({ talent: 'group', listed: 'then' })).toEqual(expect.arrayContaining(['R3', 'R5', 'R7']));
    expect(await listed({ talent: 'group' })).not.toContain('R7');
  });

  it('every figure combines with entry × watchlist × listed, and counts exactly the records it links to', async () => {
    const year = recordFilterSchema.parse({ fiscalYear: 2024 });
    const narrowed = await talentGrants(national, year, undefined, { entry: beihangId, watchlist: LIST });
    // At Beihang, on the list now and in a talent programme: R3 alone (R4 has no programme, R5 is not on the list).
    expect(narrowed.totals.talent.n).toBe(1);
    expect(narrowed.totals.talent.figure).toEqual({ talent: 'any', entry: beihangId, watchlist: LIST });
    expect(await listed(narrowed.totals.talent.figure)).toEqual(['R3']);
    expect(narrowed.narrowedBy).toEqual({ entry: beihangId, watchlist: LIST });

    const then = await talentGrants(national, year, undefined, { watchlist: LIST, listed: 'then' });
    // On the list at the time: Alpha (R1) and Gamma (R3, R6); Beta (R2) only later.
    expect(await listed(then.totals.talent.figure)).toEqual(['R1', 'R3', 'R6']);
    expect(then.totals.talent.n).toBe(3);
    // Narrowed to the group at the time: Beihang (R3, R5) and Delta (R7).
    const groupThen = await talentGrants(national, year, undefined, { listed: 'then' });
    expect(groupThen.totals.atGroup.n).toBe((await listed({ talent: 'group', listed: 'then' })).length);
    expect(groupThen.totals.atGroup.n).toBeGreaterThan((await talentGrants(national, year)).totals.atGroup.n ?? 0);

    for (const r of [narrowed, then, groupThen, await talentGrants(national, year, undefined, { entry: deltaId, listed: 'then' })]) {
      for (const f of figuresOf(r)) expect((await listed(f.figure)).length, JSON.stringify(f.figure)).toBe(f.n);
    }
  });
});
