// What the review queue's search matches: every name form of the researcher (kanji, kana, romaji) and
// of each organisation the disclosure names (as written, and every name and alias the registry and the
// cross-language aliases hold for it), each as the project's comparison keys. They are written once per
// submission into Disclosure.searchText (one key per line, a pg_trgm GIN index), so a search is one
// LIKE per key on that column, whatever script the officer types in: 山田 / Yamada / ﾔﾏﾀﾞ, Itō = Ito,
// 北京航空 / Beihang, 哈爾浜 = 哈尔滨 = Harbin (through the registry's names).
// Pure apart from disclosureSearchText, which reads the registry in the caller's transaction.
import type { Tx } from '@/lib/db/client';
import { CROSS_LANGUAGE_ALIASES } from '@/lib/watchlists/cross-language-aliases';
import { matchKey } from '@/lib/watchlists/match-key';
import { normalizeName } from '@/lib/watchlists/normalize';

// Hiragana and katakana are one script for searching: わたなべ finds ワタナベ.
function foldKana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** The keys one name is stored and searched under (both layers of normalisation; usually one key). */
export function searchKeys(name: string | null | undefined): string[] {
  if (!name || !name.trim()) return [];
  const keys = new Set<string>();
  for (const k of [normalizeName(name), matchKey(name)]) {
    const folded = foldKana(k);
    if (folded) keys.add(folded);
    // "Yamada Taro" and "Taro Yamada", "伊藤 健" and "伊藤健": a name's words are also keys of their own,
    // so a search for one word or for the words run together finds it.
    if (folded.includes(' ')) keys.add(folded.replace(/ /g, ''));
  }
  return [...keys];
}

let aliasIndex: Map<string, string[]> | null = null;
/**
 * The other names of a name in the cross-language aliases: every name of its group (the name a list
 * writes and all its aliases), found from any one of them, so 北京航空航天大学 written by a researcher
 * is found by "Beihang" and "Beihang University" by 北京航空.
 */
function aliasesOf(name: string): string[] {
  if (!aliasIndex) {
    const groups = new Map<string, Set<string>>();
    for (const a of CROSS_LANGUAGE_ALIASES) {
      const group = groups.get(a.listed) ?? new Set([a.listed]);
      group.add(a.alias);
      groups.set(a.listed, group);
    }
    aliasIndex = new Map();
    for (const group of groups.values()) {
      const names = [...group];
      for (const n of names) {
        const key = matchKey(n);
        aliasIndex.set(key, [...new Set([...(aliasIndex.get(key) ?? []), ...names])]);
      }
    }
  }
  return aliasIndex.get(matchKey(name)) ?? [];
}

/** The stored search text of a set of names: their keys and those of their cross-language aliases. */
export function searchTextOf(names: readonly (string | null | undefined)[]): string {
  const keys = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const k of searchKeys(name)) keys.add(k);
    for (const alias of aliasesOf(name)) for (const k of searchKeys(alias)) keys.add(k);
  }
  return [...keys].join('\n');
}

/** The LIKE patterns of a search term (any of them matching is a hit). */
export function searchPatterns(q: string): string[] {
  return [...new Set(searchKeys(q))].map((k) => `%${k.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/** What a disclosure's search text is built from: its researcher and its last submitted version. */
export interface SearchTextInput {
  researcherId: string;
  /** The names the version's profile gives. */
  researcherNames: (string | null | undefined)[];
  /** The organisations the version names (listOrganisations). */
  organisations: { name: string; nameLocal?: string; entityId?: string }[];
}

/**
 * The search texts of submitted disclosures (one per input, in order): the researcher's names as
 * submitted and as the institution holds them now (roster: kanji, kana, romaji), and each organisation
 * with the registry's current names and aliases for it when it was picked from the registry. Two
 * queries for any number of inputs; used at submission and whenever a name behind the text changes
 * (search-refresh.ts), so both always build the same text.
 */
export async function disclosureSearchTexts(tx: Pick<Tx, 'foreignEntity' | 'user'>, inputs: readonly SearchTextInput[]): Promise<string[]> {
  const userIds = [...new Set(inputs.map((o) => o.researcherId))];
  const entityIds = [...new Set(inputs.flatMap((o) => o.organisations.map((m) => m.entityId)).filter((id): id is string => !!id))];
  const [users, entities] = await Promise.all([
    userIds.length
      ? tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true, nameKanji: true, nameKana: true, nameRomaji: true } })
      : [],
    entityIds.length
      ? tx.foreignEntity.findMany({ where: { id: { in: entityIds } }, select: { id: true, nameEn: true, nameJa: true, nameZh: true, aliases: true } })
      : [],
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const entityById = new Map(entities.map((e) => [e.id, e]));
  return inputs.map((o) => {
    const user = userById.get(o.researcherId);
    const named = o.organisations.flatMap((m) => {
      const e = m.entityId ? entityById.get(m.entityId) : undefined;
      return [m.name, m.nameLocal, ...(e ? [e.nameEn, e.nameJa, e.nameZh, ...e.aliases] : [])];
    });
    return searchTextOf([...o.researcherNames, ...(user ? [user.displayName, user.nameKanji, user.nameKana, user.nameRomaji] : []), ...named]);
  });
}

/** The search text of one submitted disclosure (disclosureSearchTexts for one). */
export async function disclosureSearchText(tx: Pick<Tx, 'foreignEntity' | 'user'>, o: SearchTextInput): Promise<string> {
  const [text] = await disclosureSearchTexts(tx, [o]);
  return text ?? '';
}
