import { describe, expect, it } from 'vitest';
import { MATCH_THRESHOLD, abbreviationSimilarity, scoreKeys } from './match';
import { kanjiNumber, matchKey } from './match-key';
import { normalizeName } from './normalize';

const same = (a: string, b: string) => expect(matchKey(a), `${a} / ${b}`).toBe(matchKey(b));
const score = (a: string, b: string) => scoreKeys(matchKey(a), matchKey(b))?.score ?? 0;

describe('matchKey', () => {
  it('folds programme words, number words and plurals', () => {
    same('Thousand Talents Program', 'Thousand Talents Plan');
    same('Thousand Talents Programme', '1000 Talent Scheme');
    same('Changjiang Scholars Project', 'Changjiang Scholar Program');
    expect(matchKey('Ten Thousand Talents Plan')).not.toBe(matchKey('Thousand Talents Plan'));
    expect(matchKey('Hundred Talents Plan')).not.toBe(matchKey('Thousand Talents Plan'));
  });

  it('folds every CJK script and the 科技 contraction', () => {
    same('国防科技大学', '国防科学技術大学');
    same('国防科技大学', '國防科學技術大學');
    same('国防科学技术大学', '國防科技大學');
    same('千人计划', '千人計画');
    same('千人計劃', '千人計畫');
    expect(matchKey('北京航空航天大学')).not.toBe(matchKey('南京航空航天大学'));
  });

  it('writes kanji numerals of numbered institutes as digits', () => {
    expect(kanjiNumber('七〇二')).toBe('702');
    expect(kanjiNumber('五十四')).toBe('54');
    expect(kanjiNumber('二十')).toBe('20');
    expect(kanjiNumber('十二')).toBe('12');
    same('中国电子科技集团公司第五十四研究所', '中國電子科技集團公司第54研究所');
    same('第七〇二研究所', '第702研究所');
  });

  it('reads abbreviations in any word position', () => {
    same('Beijing Univ. of Aeronaut. & Astronaut.', 'Beijing University of Aeronautics and Astronautics');
    same('Beijing Univ. of Aero. and Astro.', 'Beijing University of Aeronautics and Astronautics');
    same("Nat'l Univ. of Def. Technol.", 'National University of Defense Technology');
    same('Northwestern Polytech. Univ.', 'Northwestern Polytechnical University');
    same('Acad. of Mil. Med. Sci.', 'Academy of Military Medical Sciences');
    same('No. 33 Research Institute', '33rd Research Institute');
    expect(score('Sharif Technical University', 'Sharif University of Technology')).toBeGreaterThan(0.95);
  });

  it('keeps an unknown abbreviation as one that may stand for a longer word', () => {
    expect(matchKey('Diplomatic Acad.')).toBe('diplomatic acad');
    expect(matchKey('Dplmt. Acad.')).toBe('dplmt. acad');
    expect(abbreviationSimilarity('dplmt.', 'diplomatic')).toBe(0.85);
    expect(abbreviationSimilarity('zhukov.', 'zhukovsky')).toBe(0.9);
    // Only a written abbreviation stretches: "Xian" is not the start of "Xiangtan".
    expect(score('Xian University', 'Xiangtan University')).toBeLessThan(MATCH_THRESHOLD);
    expect(abbreviationSimilarity('nanjing.', 'beijing')).toBe(0);
  });

  it('leaves normalizeName (and so stored organisation keys) as it was', () => {
    expect(normalizeName('Harbin Medical University')).toBe('harbin medical univ');
    expect(matchKey('Harbin Medical University')).toBe('harbin med univ');
  });
});

describe('a name that adds a distinguishing word is another institution', () => {
  it('keeps UESTC and USTC apart, and Tianjin University of Technology from Tianjin University', () => {
    expect(score('University of Electronic Science and Technology of China', 'University of Science and Technology of China')).toBeLessThan(MATCH_THRESHOLD);
    expect(score('Tianjin University of Technology', 'Tianjin University')).toBeLessThan(MATCH_THRESHOLD);
    // A campus after the whole listed name is still reported, as "contains".
    expect(scoreKeys(matchKey('Harbin Institute of Technology Shenzhen'), matchKey('Harbin Institute of Technology'))).toEqual({ score: 0.85, kind: 'contains' });
  });
});
