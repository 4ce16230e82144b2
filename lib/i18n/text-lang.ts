// The language of a passage that is not in the page's language: a Japanese guideline citation or
// organisation name on an English page, an English list name on a Japanese one. Screen readers read a
// passage in the voice of its `lang` (WCAG 3.1.2); Japanese read by an English voice is noise.
// By script, which is all a free-text value tells: any kana or CJK ideograph → Japanese (the readers'
// other language here; Chinese names read in a Japanese voice are still intelligible); Latin letters
// and no CJK → English; nothing to go on (digits, punctuation) → undefined (inherit the page's).
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/;
const LATIN = /[A-Za-z]/;

export function textLang(text: string | null | undefined): 'ja' | 'en' | undefined {
  if (!text) return undefined;
  if (CJK.test(text)) return 'ja';
  return LATIN.test(text) ? 'en' : undefined;
}
