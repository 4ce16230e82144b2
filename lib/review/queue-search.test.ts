// The queue search does what its help says: the researcher by every name form (kanji, kana in either
// script, romaji with or without macrons) and the organisation by every script and alias the registry
// and the cross-language aliases hold, through the search keys written on submission.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { type ReviewWorld, reviewWorld, submitted } from '@/test/helpers/review-world';
import { parseQueueParams } from './queue-params';
import { listQueue } from './queue';
import { searchKeys } from './search-keys';

let w: ReviewWorld;
const ids: Record<string, string> = {};

beforeAll(async () => {
  w = await reviewWorld();
  const entity = (nameEn: string, nameZh: string, nameJa: string | null, aliases: string[]) =>
    db.foreignEntity.create({ data: { type: 'UNIVERSITY', nameEn, nameZh, nameJa, aliases, country: 'CN', searchText: nameEn.toLowerCase() } });
  const beihang = await entity('Beihang University', '北京航空航天大学', '北京航空航天大学', ['BUAA', 'Beijing University of Aeronautics and Astronautics']);
  const harbin = await entity('Harbin Institute of Technology', '哈尔滨工业大学', null, ['HIT']);
  const make = async (key: string, spec: Omit<Parameters<typeof submitted>[1], 'cycle'>) => {
    ids[key] = (await submitted(w, { cycle: w.cycleA, ...spec })).id;
  };
  await make('yamada', { name: '山田 太郎', nameKana: 'ヤマダ タロウ', nameRomaji: 'Taro Yamada' });
  await make('ito', { name: '伊藤 健', nameKana: 'イトウ ケン', nameRomaji: 'Ken Itō' });
  await make('watanabe', { name: '渡辺 由美', nameKana: 'ワタナベ ユミ', nameRomaji: 'Yumi Watanabe' });
  // Written in English by the researcher, picked from the registry: its Chinese name is searchable too.
  await make('beihang', { name: '佐々木 誠', registered: [{ name: 'BUAA', entityId: beihang.id }] });
  // Written in simplified Chinese: found from the traditional/Japanese form and the English name.
  await make('harbin', { name: '高橋 翔', registered: [{ name: '哈尔滨工业大学', entityId: harbin.id }] });
  // Not in the registry; the cross-language aliases know the programme's other names.
  await make('ttp', { name: '森 光', organisations: ['Thousand Talents Plan'] });
  // Another institution's researcher of the same name is never found by A's officers.
  ids.otherYamada = (await submitted(w, { cycle: w.cycleB, name: '山田 太郎', nameRomaji: 'Taro Yamada' })).id;
});

async function found(q: string): Promise<string[]> {
  const page = await listQueue(w.officerA, parseQueueParams({ q, status: ['SUBMITTED', 'UNDER_REVIEW', 'RESUBMITTED'] }));
  return page.rows.map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0] ?? r.id).sort();
}

describe('queue search', () => {
  it('finds the researcher by kanji, kana (either script, half width) and romaji, any case and accent', async () => {
    for (const q of ['山田', '山田太郎', 'ヤマダ', 'やまだ', 'ﾔﾏﾀﾞ', 'Yamada', 'YAMADA', 'taro yamada']) expect(await found(q), q).toEqual(['yamada']);
    for (const q of ['伊藤', 'Ito', 'Itō', 'ITŌ', 'イトウ', 'Ken Ito']) expect(await found(q), q).toEqual(['ito']);
    for (const q of ['ワタナベ', 'わたなべ', 'Watanabe', '渡辺']) expect(await found(q), q).toEqual(['watanabe']);
  });

  it('finds the organisation by every script and alias of the registry, and cross-language aliases', async () => {
    for (const q of ['北京航空', '北京', 'Beihang', 'BUAA', 'Beijing University of Aeronautics']) expect(await found(q), q).toEqual(['beihang']);
    for (const q of ['哈爾浜', '哈尔滨', '哈爾濱工業大学', 'Harbin', 'harbin institute of technology']) expect(await found(q), q).toEqual(['harbin']);
    for (const q of ['千人計画', '千人计划', 'Thousand Talents']) expect(await found(q), q).toEqual(['ttp']);
  });

  it('finds nothing for what nobody wrote, and treats LIKE characters as text', async () => {
    for (const q of ['Nakamura', '上海', '%', '_', '%%']) expect(await found(q), q).toEqual([]);
  });

  it('normalises the term the way the stored keys were', () => {
    expect(searchKeys('Itō')).toEqual(['ito']);
    expect(searchKeys('わたなべ')).toEqual(['ワタナベ']);
    expect(searchKeys('哈爾浜')).toContain('哈爾濱');
    expect(searchKeys('  ')).toEqual([]);
  });
});
