// Organisation type-ahead: every name of a registry entity finds it — Japanese, Chinese, English,
// romanised, aliases, acronyms — and the route answers only signed-in researchers and officers.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoEntities } from '@/lib/seed/demo-entities';
import { searchEntities } from './entities';
import { entitySearchResponse } from './http';
import { auditOf, filingWorld, origin } from '@/test/helpers/filing';

const world = await filingWorld();
await db.$transaction((tx) => seedDemoEntities(tx));

const first = async (q: string) => (await searchEntities(q))[0]?.nameEn;

describe('entity type-ahead', () => {
  it.each([
    ['北京航空航天大学', 'Beihang University'],
    ['北京航空', 'Beihang University'],
    ['Beihang', 'Beihang University'],
    ['beihang univ', 'Beihang University'],
    ['BUAA', 'Beihang University'],
    ['Beijing University of Aeronautics', 'Beihang University'],
    ['Beijing Hangkong Hangtian Daxue', 'Beihang University'],
    ['ハルビン工業', 'Harbin Institute of Technology'],
    ['哈爾浜工業大学', 'Harbin Institute of Technology'],
    ['哈尔滨工业大学', 'Harbin Institute of Technology'],
    ['清華大学', 'Tsinghua University'],
    ['Qinghua', 'Tsinghua University'],
    ['千人計画', 'Thousand Talents Plan'],
    ['Moscow State', 'Lomonosov Moscow State University'],
    ['ＮＵＳ', 'National University of Singapore'],
  ])('%s finds %s', async (q, name) => {
    expect(await first(q)).toBe(name);
  });

  it('tolerates a misspelling, returns at most ten, and nothing for punctuation alone', async () => {
    expect(await first('Beihnag University')).toBe('Beihang University');
    expect((await searchEntities('univ')).length).toBeLessThanOrEqual(10);
    expect(await searchEntities('%%%')).toEqual([]);
    expect(await searchEntities('_')).toEqual([]);
  });

  it('returns names, aliases, country and type', async () => {
    const [hit] = await searchEntities('BUAA');
    expect(hit).toMatchObject({ nameEn: 'Beihang University', nameJa: '北京航空航天大学', nameZh: '北京航空航天大学', country: 'CN', type: 'UNIVERSITY' });
    expect(hit!.aliases).toContain('BUAA');
  });

  it('answers researchers and officers; 401 signed out, 404 (audited) for others, 400 for a bad query', async () => {
    const url = (q: string) => new URL(`http://localhost/api/entities?q=${encodeURIComponent(q)}`);
    for (const actor of [world.me, world.officer]) {
      const res = await entitySearchResponse(actor, url('beihang'), origin);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { results: { nameEn: string }[] }).results[0]!.nameEn).toBe('Beihang University');
    }
    expect((await entitySearchResponse(null, url('beihang'), origin)).status).toBe(401);
    const denied = (await auditOf('access.denied')).length;
    for (const actor of [world.auditor, world.admin]) expect((await entitySearchResponse(actor, url('beihang'), origin)).status).toBe(404);
    expect((await auditOf('access.denied')).length).toBe(denied + 2);
    expect((await entitySearchResponse(world.me, url(''), origin)).status).toBe(400);
    expect((await entitySearchResponse(world.me, url('x'.repeat(101)), origin)).status).toBe(400);
  });
});
