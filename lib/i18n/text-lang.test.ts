import { describe, expect, it } from 'vitest';
import { textLang } from './text-lang';

describe('textLang', () => {
  it('reads kana or kanji as Japanese, Latin-only as English, and leaves the rest to the page', () => {
    expect(textLang('研究インテグリティに係る対応方針 3.(2)')).toBe('ja');
    expect(textLang('北京航空航天大学')).toBe('ja');
    expect(textLang('Beihang University (北航)')).toBe('ja');
    expect(textLang('Entity List, 15 CFR 744')).toBe('en');
    expect(textLang('3.(2)')).toBeUndefined();
    expect(textLang('')).toBeUndefined();
    expect(textLang(null)).toBeUndefined();
  });
});
