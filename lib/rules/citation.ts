// Which citation of a rule a reader sees: the one in their language, else the other one, which then
// carries its language so it is read in the right voice (WCAG 3.1.2) and shown as not translated.
// Pure: pages, components and exports import it.

export interface RuleCitations {
  citationJa: string;
  citationEn: string;
}

export interface ShownCitation {
  text: string;
  lang: 'ja' | 'en';
  /** True when the reader's language has none and the other one is shown. */
  fallback: boolean;
}

/** The citation for a reader of `locale`, or null when the rule has none in either language. */
export function citationFor(rule: RuleCitations, locale: string): ShownCitation | null {
  const ja = rule.citationJa.trim();
  const en = rule.citationEn.trim();
  const wantJa = locale === 'ja';
  const own = wantJa ? ja : en;
  if (own) return { text: own, lang: wantJa ? 'ja' : 'en', fallback: false };
  const other = wantJa ? en : ja;
  return other ? { text: other, lang: wantJa ? 'en' : 'ja', fallback: true } : null;
}
