// Bilingual records carry each text twice (nameJa/nameEn, titleJa/titleEn, attestationJa/…): which one a
// reader sees is decided here, once. Pure: pages, components, mail and exports share it.

/** A record with a Japanese and an English form of `field` (`nameJa` and `nameEn` for 'name'). */
export type Bilingual<F extends string, V = string> = Record<`${F}Ja` | `${F}En`, V>;

/** The reader's form of `field`: `record.<field>Ja` in Japanese, `record.<field>En` in every other language. */
export function localText<F extends string, V>(locale: string, record: Bilingual<F, V>, field: F): V {
  return locale === 'ja' ? record[`${field}Ja` as `${F}Ja`] : record[`${field}En` as `${F}En`];
}

/** `nameJa` or `nameEn` (institutions, departments, watchlists, rulesets, report groups). */
export function localName<V extends string | null>(locale: string, record: Bilingual<'name', V>): V {
  return localText(locale, record, 'name');
}

/** `titleJa` or `titleEn` (cycles, rules). */
export function localTitle<V extends string | null>(locale: string, record: Bilingual<'title', V>): V {
  return localText(locale, record, 'title');
}

/**
 * A list as the language writes one: "甲、乙、丙" in Japanese, "A, B, C" in English (Intl's narrow
 * conjunction list: no "and"). For code without next-intl's formatter (`format.list`), such as mail,
 * exports and rule messages.
 */
export function localList(locale: string, items: readonly string[]): string {
  return new Intl.ListFormat(locale === 'ja' ? 'ja' : 'en', { type: 'conjunction', style: 'narrow' }).format(items);
}
