import { describe, expect, it } from 'vitest';
import { MATCH_THRESHOLD, scoreEntry, scoreKeys, wordSimilarity } from './match';
import { normalizeName } from './normalize';

const score = (a: string, b: string) => scoreKeys(normalizeName(a), normalizeName(b))?.score ?? 0;

describe('scoreKeys', () => {
  it('scores misspellings found on the Section 1286 list above the threshold', () => {
    expect(score("Xi'an Jiaotong University", 'Xi’an Jiatong University')).toBeCloseTo(0.958, 2);
    expect(score('Hangzhou Dianzi University', 'Hangzhao Dianzi University')).toBeCloseTo(0.917, 2);
    expect(score('Changchun University of Science and Technology', 'Changchung University of Science and Technology')).toBeGreaterThan(0.95);
    expect(score('Air Force Shijiazhuang Flight Academy', 'Air Force Shinjianzhuang Flight Academy')).toBeGreaterThan(0.95);
    expect(score('Northwestern Polytechnic University', 'Northwestern Polytechnical University')).toBeGreaterThan(0.9);
  });

  it('keeps different institutions of one city below the threshold', () => {
    const nearMisses: [string, string, number][] = [
      ['Beijing University', 'Beijing Institute of Technology', 0.25],
      ['Harbin Medical University', 'Harbin Institute of Technology', 0.2],
      ['Harbin Engineering University', 'Harbin Institute of Technology', 0.2],
      ['Nanjing University', 'Nanjing University of Science and Technology', 0.5],
      ['Tianjin University of Technology', 'Tianjin University', 0.667],
      ['Moscow State University', 'Moscow State Technical University', 0.75],
      ['Hunan University', 'Henan University', 0.333],
      ['北京航空航天大学', '南京航空航天大学', 0.333],
      ['哈尔滨工业大学', '哈尔滨工程大学', 0.333],
    ];
    for (const [a, b, expected] of nearMisses) {
      expect(score(a, b), `${a} / ${b}`).toBeCloseTo(expected, 2);
      expect(score(a, b)).toBeLessThan(MATCH_THRESHOLD);
    }
  });

  it('reports a listed name followed by a campus or school as "contains"', () => {
    expect(scoreKeys(normalizeName('Harbin Institute of Technology, Shenzhen'), normalizeName('Harbin Institute of Technology'))).toEqual({ score: 0.85, kind: 'contains' });
    expect(scoreKeys(normalizeName('哈尔滨工业大学(深圳)'), normalizeName('哈爾浜工業大学'))?.kind).toBe('contains');
    // Not for two-word names: "Tianjin University of Technology" is not a part of Tianjin University.
    expect(scoreKeys(normalizeName('Tianjin University of Technology'), normalizeName('Tianjin University'))?.kind).toBe('similar');
  });

  it('treats spacing differences as exact and word order as similar', () => {
    expect(scoreKeys(normalizeName('Sun Yat-sen University'), normalizeName('Sun Yatsen University'))).toEqual({ score: 0.98, kind: 'exact' });
    expect(score('Institute of Physics, Chinese Academy of Sciences', 'Chinese Academy of Sciences - Institute of Physics')).toBe(0.97);
  });

  it('pairs only long-enough Latin words fuzzily', () => {
    expect(wordSimilarity('hunan', 'henan')).toBe(0);
    expect(wordSimilarity('jiaotong', 'jiatong')).toBeCloseTo(0.875, 3);
    expect(wordSimilarity('702nd', '703nd')).toBe(0);
  });
});

describe('scoreEntry', () => {
  const beihang = {
    name: 'Beijing University of Aeronautics and Astronautics',
    nameJa: '北京航空航天大学',
    aliases: ['Beihang University', 'BUAA'],
  };

  it('is exact on any key of the entry and names the entry names that matched', () => {
    expect(scoreEntry(['北京航空航天大學'], beihang)).toMatchObject({ score: 1, kind: 'exact', matchedNames: ['北京航空航天大学'] });
    expect(scoreEntry(['ＢＵＡＡ'], beihang)).toMatchObject({ score: 1, matchedNames: ['BUAA'] });
  });

  it('matches an acronym against the initials of the entry name', () => {
    const hit = { name: 'Harbin Institute of Technology', aliases: [] };
    expect(scoreEntry(['HIT'], hit)).toMatchObject({ score: 0.9, kind: 'acronym', matchedNames: ['Harbin Institute of Technology'] });
    expect(scoreEntry(['HIT Shenzhen'], hit)).toBeNull();
  });

  it('uses the best of several disclosed names', () => {
    const m = scoreEntry(['Some Other Name', 'Beijing Univ. of Aeronautics & Astronautics'], beihang);
    expect(m).toMatchObject({ score: 1, queryName: 'Beijing Univ. of Aeronautics & Astronautics' });
  });

  it('returns nothing below the threshold', () => {
    expect(scoreEntry(['Beijing University'], beihang)).toBeNull();
    expect(scoreEntry(['University of Tokyo'], beihang)).toBeNull();
  });
});
