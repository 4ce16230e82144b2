import { describe, expect, it } from 'vitest';
import { localList, localName, localText, localTitle } from './local-text';

const inst = { nameJa: '東都大学', nameEn: 'Toto University' };

describe('the reader-language helpers', () => {
  it("pick the Japanese form for 'ja' and the English form for any other language", () => {
    expect(localName('ja', inst)).toBe('東都大学');
    expect(localName('en', inst)).toBe('Toto University');
    expect(localName('fr', inst)).toBe('Toto University');
    expect(localTitle('ja', { titleJa: '2026年度', titleEn: 'FY2026' })).toBe('2026年度');
    expect(localText('en', { attestationJa: '誓約', attestationEn: 'I certify' }, 'attestation')).toBe('I certify');
  });

  it('join a list as each language writes one, without an English "and"', () => {
    expect(localList('ja', ['甲', '乙', '丙'])).toBe('甲、乙、丙');
    expect(localList('en', ['A', 'B', 'C'])).toBe('A, B, C');
    expect(localList('en', ['A'])).toBe('A');
    expect(localList('ja', [])).toBe('');
  });
});
