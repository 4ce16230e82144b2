import { describe, expect, it } from 'vitest';
import { isEradNumber, isKana, isOrcid, isRomaji, normaliseOrcid, orcidCheckDigit } from './identifiers';

describe('ORCID', () => {
  it('accepts published iDs, including an X check character', () => {
    expect(isOrcid('0000-0002-1825-0097')).toBe(true); // Josiah Carberry, ORCID's documentation example
    expect(isOrcid('0000-0001-5109-3700')).toBe(true);
    expect(isOrcid('0000-0002-1694-233X')).toBe(true);
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(orcidCheckDigit('000000021825009')).toBe('7');
    expect(orcidCheckDigit('000000021694233')).toBe('X');
  });

  it('refuses a wrong check digit, a transposition and a wrong shape', () => {
    expect(isOrcid('0000-0002-1825-0098')).toBe(false);
    expect(isOrcid('0000-0002-1852-0097')).toBe(false);
    expect(isOrcid('0000-0002-1694-2331')).toBe(false);
    expect(isOrcid('0000000218250097')).toBe(false);
    expect(isOrcid('0000-0002-1825-009')).toBe(false);
    expect(isOrcid('0000-0002-1694-233x')).toBe(false);
  });

  it('normalises pasted forms to the bare upper-case iD', () => {
    expect(normaliseOrcid(' https://orcid.org/0000-0002-1694-233x ')).toBe('0000-0002-1694-233X');
    expect(normaliseOrcid('orcid.org/0000-0002-1825-0097')).toBe('0000-0002-1825-0097');
  });
});

describe('e-Rad researcher number', () => {
  it('is exactly eight ASCII digits', () => {
    expect(isEradNumber('12345678')).toBe(true);
    expect(isEradNumber('01234567')).toBe(true);
    expect(isEradNumber('1234567')).toBe(false);
    expect(isEradNumber('123456789')).toBe(false);
    expect(isEradNumber('1234567a')).toBe(false);
    expect(isEradNumber('１２３４５６７８')).toBe(false); // the schema folds full-width digits first
  });
});

describe('name scripts', () => {
  it('kana: katakana or hiragana with the long-vowel mark, middle dot and spaces', () => {
    expect(isKana('ヤマダ タロウ')).toBe(true);
    expect(isKana('やまだ たろう')).toBe(true);
    expect(isKana('スミス・ジョン')).toBe(true);
    expect(isKana('オーノ')).toBe(true);
    expect(isKana('山田')).toBe(false);
    expect(isKana('Yamada')).toBe(false);
  });

  it('romaji: Latin letters, with diacritics, hyphens and apostrophes', () => {
    expect(isRomaji('Yamada Taro')).toBe(true);
    expect(isRomaji('Ōno Ken-ichi')).toBe(true);
    expect(isRomaji("O'Brien")).toBe(true);
    expect(isRomaji('山田')).toBe(false);
    expect(isRomaji('ヤマダ')).toBe(false);
    expect(isRomaji('-Yamada')).toBe(false);
  });
});
