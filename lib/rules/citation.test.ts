// A finding cites its rule's guideline in the reader's language, or else in the other one, saying so.
import { describe, expect, it } from 'vitest';
import { citationFor } from './citation';

describe('citationFor', () => {
  const both = { citationJa: '競争的研究費の適正な執行に関する指針', citationEn: 'Guidelines for the proper execution of competitive research funds' };

  it("shows the reader's language when the rule has it", () => {
    expect(citationFor(both, 'ja')).toEqual({ text: both.citationJa, lang: 'ja', fallback: false });
    expect(citationFor(both, 'en')).toEqual({ text: both.citationEn, lang: 'en', fallback: false });
  });

  it('falls back to the other language, marked with it, when the reader’s is empty or blank', () => {
    expect(citationFor({ citationJa: both.citationJa, citationEn: '  ' }, 'en')).toEqual({ text: both.citationJa, lang: 'ja', fallback: true });
    expect(citationFor({ citationJa: '', citationEn: both.citationEn }, 'ja')).toEqual({ text: both.citationEn, lang: 'en', fallback: true });
  });

  it('shows nothing when the rule cites nothing', () => {
    expect(citationFor({ citationJa: '', citationEn: '' }, 'ja')).toBeNull();
  });
});
