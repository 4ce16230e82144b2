import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { MATCH_THRESHOLD } from './match';
import { organisationKeyOf, recordMatches } from './record-matches';
import { screenOrganisation, type ScreeningMatch } from './screen';
import { seedWatchlists } from './seed';

// Screening against the seeded sample lists: the Section 1286 and METI copies in ./public-lists and
// the Seven Sons / CSL samples.

beforeAll(async () => {
  const outcomes = await db.$transaction((tx) => seedWatchlists(tx), { timeout: 120_000 });
  expect(outcomes.map((o) => [o.code, o.result.added])).toEqual([
    ['us-dod-section-1286', 155],
    ['us-dod-section-1286-talent-programmes', 6],
    ['jp-meti-end-user-list', 706],
    ['cn-sastind-seven-sons', 7],
    ['us-csl-sample', 5],
  ]);
});

const summary = (ms: ScreeningMatch[]) => ms.map((m) => `${m.watchlist.code}: ${m.entry.name}`).sort();
const hit = (ms: ScreeningMatch[], code: string, name: string) => ms.find((m) => m.watchlist.code === code && m.entry.name === name);

const BEIHANG_EVERYWHERE = [
  'cn-sastind-seven-sons: Beihang University',
  'jp-meti-end-user-list: BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS',
  'us-csl-sample: Beijing University of Aeronautics and Astronautics',
  'us-dod-section-1286: Beihang University',
];

describe('names that must match', () => {
  it.each([['ＢＵＡＡ'], ['BUAA'], ['Ｂｅｉｈａｎｇ Ｕｎｉｖｅｒｓｉｔｙ'], ['Beijing Univ. of Aeronautics & Astronautics']])(
    '%s is Beihang University on every list that has it, as an exact match',
    async (name) => {
      const matches = await screenOrganisation(name);
      expect(summary(matches)).toEqual(BEIHANG_EVERYWHERE);
      expect(matches.every((m) => m.score === 1 && m.kind === 'exact')).toBe(true);
    },
  );

  it.each([
    ['北京航空航天大学'], // simplified Chinese, and Japanese
    ['北京航空航天大學'], // traditional: on no list, found by variant folding
  ])('%s is Beihang University on every list, exactly: from the lists or cross-language-aliases.ts', async (name) => {
    const matches = await screenOrganisation(name);
    expect(summary(matches)).toEqual(BEIHANG_EVERYWHERE);
    expect(matches.every((m) => m.kind === 'exact' && m.score === 1)).toBe(true);
  });

  it('links a name that only one list carries to the same institution on the others', async () => {
    // ハルビン工業大学 is written only by the SASTIND sample; its other names reach the other lists.
    const matches = await screenOrganisation('ハルビン工業大学');
    const kinds = Object.fromEntries(matches.map((m) => [m.watchlist.code, [m.kind, m.score]]));
    expect(kinds).toEqual({
      'cn-sastind-seven-sons': ['exact', 1],
      'jp-meti-end-user-list': ['linked', 0.95],
      'us-csl-sample': ['linked', 0.95],
      'us-dod-section-1286': ['linked', 0.95],
    });
    const linked = hit(matches, 'us-dod-section-1286', 'Harbin Institute of Technology');
    expect(linked?.linkedVia).toMatchObject({ watchlistCode: 'cn-sastind-seven-sons', entryName: 'Harbin Institute of Technology' });
    expect(linked?.matchedNames.length).toBeGreaterThan(0);
  });

  it('finds Harbin Institute of Technology from "Harbin Inst. of Tech." and from Chinese in any script', async () => {
    const expected = [
      'cn-sastind-seven-sons: Harbin Institute of Technology',
      'jp-meti-end-user-list: HARBIN INSTITUTE OF TECHNOLOGY',
      'us-csl-sample: Harbin Institute of Technology',
      'us-dod-section-1286: Harbin Institute of Technology',
    ];
    expect(summary(await screenOrganisation('Harbin Inst. of Tech.'))).toEqual(expected);
    for (const name of ['哈尔滨工业大学', '哈爾濱工業大學', '哈爾浜工業大学']) {
      expect(summary(await screenOrganisation(name)), name).toEqual(expected);
    }
  });

  it('reports the matched names and the kind of list (the SASTIND list is a group)', async () => {
    const matches = await screenOrganisation('北京航空航天大學');
    const group = hit(matches, 'cn-sastind-seven-sons', 'Beihang University');
    expect(group).toMatchObject({ matchedNames: ['北京航空航天大学'], queryName: '北京航空航天大學', watchlist: { kind: 'GROUP', isSample: true } });
    expect(hit(matches, 'jp-meti-end-user-list', 'BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS')?.watchlist.kind).toBe('WATCHLIST');
  });

  it("matches the 1286 list's misspelt Xi'an Jiaotong, and a new misspelling of it", async () => {
    const exact = await screenOrganisation("Xi'an Jiaotong University");
    // The alias matches exactly, the listed misspelling closely: both are named, best first.
    expect(hit(exact, 'us-dod-section-1286', 'Xi’an Jiatong University')).toMatchObject({
      score: 1,
      matchedNames: ['Xi’an Jiaotong University', 'Xi’an Jiatong University'],
    });
    const typo = await screenOrganisation('Xian Jiaotung Univ.');
    const m = hit(typo, 'us-dod-section-1286', 'Xi’an Jiatong University');
    expect(m?.kind).toBe('similar');
    expect(m?.score).toBeGreaterThan(0.9);
    expect(m?.score).toBeLessThan(1);
  });

  it('matches an acronym to the initials of a listed name, and a campus of a listed university', async () => {
    const sysu = await screenOrganisation('SYSU');
    expect(hit(sysu, 'us-dod-section-1286', 'Sun Yat-sen University')).toMatchObject({ score: 0.9, kind: 'acronym' });
    const shenzhen = await screenOrganisation('Harbin Institute of Technology, Shenzhen');
    expect(hit(shenzhen, 'us-dod-section-1286', 'Harbin Institute of Technology')).toMatchObject({ score: 0.85, kind: 'contains' });
  });

  it('uses the aliases the organisation was disclosed with', async () => {
    expect(await screenOrganisation('Example Aerospace Partner')).toEqual([]);
    const withAlias = await screenOrganisation('Example Aerospace Partner', { aliases: ['BUAA'] });
    expect(summary(withAlias)).toEqual(BEIHANG_EVERYWHERE);
    expect(withAlias[0]?.queryName).toBe('BUAA');
  });
});

describe('names that must not match', () => {
  it.each([['Beijing University'], ['北京大学'], ['Harbin Medical University'], ['Nanjing University'], ['University of Tokyo'], ['東京大学']])(
    '%s matches nothing',
    async (name) => {
      expect(summary(await screenOrganisation(name))).toEqual([]);
    },
  );

  it('finds the look-alike as a candidate and turns it down on the score', async () => {
    // Beijing Institute of Technology is among the trigram candidates for "Beijing University"…
    const [row] = await db.$queryRaw<{ sim: number }[]>`
      SELECT max(word_similarity('beijing univ', "searchText")) AS sim FROM "WatchlistEntry" WHERE name = 'Beijing Institute of Technology'`;
    expect(row?.sim).toBeGreaterThan(0.45);
    // …and is not reported, while the listed name itself is.
    expect(summary(await screenOrganisation('Beijing Institute of Technology'))).toContain('us-dod-section-1286: Beijing Institute of Technology');
  });

  it('does not confuse Tianjin University of Technology with the listed Tianjin University, although pg_trgm would', async () => {
    const [row] = await db.$queryRaw<{ s: number }[]>`SELECT similarity('tianjin univ tech', 'tianjin univ') AS s`;
    expect(row?.s).toBeGreaterThan(MATCH_THRESHOLD - 0.1); // 0.72: whole-string trigrams cannot tell them apart
    expect(summary(await screenOrganisation('Tianjin University of Technology'))).toEqual([]);
  });

  it('does not screen against retired entries', async () => {
    expect(await screenOrganisation('Mabna Institute')).toEqual([]);
    expect(await screenOrganisation('Institute of High Energy Physics')).toEqual([]);
  });
});

describe('country', () => {
  it('keeps an exact match listed for another country, flagged, but drops a weak one', async () => {
    const exact = await screenOrganisation('Harbin Institute of Technology', { country: 'Japan' });
    expect(hit(exact, 'us-dod-section-1286', 'Harbin Institute of Technology')).toMatchObject({ countryMismatch: true, score: 0.9 });
    // A campus of a listed university (0.85) in another country than the list says falls below the threshold.
    const campus = 'Moscow Institute of Physics and Technology, Dolgoprudny';
    expect(hit(await screenOrganisation(campus, { country: 'Russia' }), 'us-dod-section-1286', 'Moscow Institute of Physics and Technology')).toMatchObject({ score: 0.85, countryMismatch: false });
    expect(hit(await screenOrganisation(campus, { country: 'JP' }), 'us-dod-section-1286', 'Moscow Institute of Physics and Technology')).toBeUndefined();
  });
});

describe('candidate search', () => {
  it('can use the trigram index on searchText', async () => {
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRaw<{ 'QUERY PLAN': string }[]>`
        EXPLAIN SELECT id FROM "WatchlistEntry" WHERE ${'beihang univ'} <% "searchText"`;
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('WatchlistEntry_searchText_idx');
  });

  it("runs inside a caller's transaction and leaves its trigram setting as it was", async () => {
    const after = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL pg_trgm.word_similarity_threshold = 0.77');
      const matches = await screenOrganisation('BUAA', { tx });
      expect(matches.length).toBe(4);
      const [row] = await tx.$queryRaw<{ v: string }[]>`SELECT current_setting('pg_trgm.word_similarity_threshold') AS v`;
      return row?.v;
    });
    expect(after).toBe('0.77');
  });
});

describe('recording matches', () => {
  it('remembers a dismissal for the organisation across re-screening and other spellings of its name', async () => {
    const officer = randomUUID();
    const key = organisationKeyOf({ name: 'Beihang Univ.' });
    expect(organisationKeyOf({ name: 'BEIHANG UNIVERSITY' })).toBe(key);

    const first = await screenOrganisation('Beihang Univ.');
    const recorded = await db.$transaction((tx) => recordMatches(tx, key, 'Beihang Univ.', first));
    expect(recorded.map((r) => r.created)).toEqual(first.map(() => true));

    const csl = recorded.find((r) => r.watchlistEntryId === hit(first, 'us-csl-sample', 'Beijing University of Aeronautics and Astronautics')?.entryId);
    expect(csl).toBeDefined();
    const decidedAt = new Date('2026-11-20T09:00:00Z');
    const institution = await db.institution.create({ data: { slug: `screen-${randomUUID()}`, nameJa: '審査大学', nameEn: 'Screening University' } });
    await db.matchDecision.create({
      data: { matchId: csl!.id, institutionId: institution.id, status: 'DISMISSED', decidedById: officer, decidedAt, note: 'sample list' },
    });

    const again = await screenOrganisation('BEIHANG UNIVERSITY');
    const rerecorded = await db.$transaction((tx) => recordMatches(tx, key, 'BEIHANG UNIVERSITY', again));
    expect(rerecorded.every((r) => !r.created)).toBe(true);
    expect(rerecorded.map((r) => r.id)).toContain(csl!.id);

    const stored = await db.entityMatch.findUniqueOrThrow({ where: { id: csl!.id }, include: { decisions: true } });
    expect(stored.organisationName).toBe('BEIHANG UNIVERSITY');
    expect(stored.decisions).toEqual([expect.objectContaining({ institutionId: institution.id, status: 'DISMISSED', decidedById: officer, decidedAt, note: 'sample list' })]);
    expect(await db.entityMatch.count({ where: { organisationKey: key } })).toBe(first.length);
  });

  it('keys registry entities by id, so decisions follow the entity rather than its spelling', () => {
    const id = randomUUID();
    expect(organisationKeyOf({ entityId: id, name: 'Beihang University' })).toBe(`entity:${id}`);
    expect(organisationKeyOf({ entityId: id, name: 'BUAA' })).toBe(`entity:${id}`);
  });
});

describe('seeding', () => {
  it('marks every seeded list as a sample and is idempotent', async () => {
    const lists = await db.watchlist.findMany({ orderBy: { code: 'asc' } });
    expect(lists.map((l) => [l.code, l.kind, l.isSample])).toEqual([
      ['cn-sastind-seven-sons', 'GROUP', true],
      ['jp-meti-end-user-list', 'WATCHLIST', true],
      ['us-csl-sample', 'WATCHLIST', true],
      ['us-dod-section-1286', 'WATCHLIST', true],
      ['us-dod-section-1286-talent-programmes', 'WATCHLIST', true],
    ]);
    const again = await db.$transaction((tx) => seedWatchlists(tx), { timeout: 120_000 });
    for (const o of again) {
      expect('result' in o && [o.result.added, o.result.updated, o.result.retired], o.code).toEqual([0, 0, 0]);
    }
  });
});
