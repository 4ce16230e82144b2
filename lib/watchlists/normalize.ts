// Comparison keys for organisation names. Two names that a reader would call "the same name written
// differently" get the same key: full-width or half-width, upper or lower case, punctuation, "&" or
// "and", simplified / traditional / Japanese kanji, "Univ." or "University". What the key keeps is
// every word that distinguishes one institution from another: "Beijing University" stays apart from
// "Beijing", and "Tianjin University" from "Tianjin University of Technology".
//
// Pure: safe to import from the browser (the registry form shows the key it will search for).

import { foldCjkVariants, foldKanaLookalikes } from './cjk-variants';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}〇ー]/u;
const CJK_RUN_GAP = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}〇ー]) +(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}〇ー])/gu;
const LATIN_CJK_BOUNDARY = /(\p{Script=Latin})(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])|([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])(?=\p{Script=Latin})/gu;

/** Words dropped from keys: they carry no identity ("Institute of Technology" = "Institute Technology"). */
const STOPWORDS = new Set(['of', 'the', 'and', 'for']);

/** Abbreviations and spelling variants of the words organisation names are made of. */
const CANONICAL_WORDS: Record<string, string> = {
  university: 'univ', universities: 'univ', univ: 'univ', universitet: 'univ', universite: 'univ',
  institute: 'inst', institutes: 'inst', inst: 'inst', institut: 'inst', instit: 'inst',
  technology: 'tech', technologies: 'tech', tech: 'tech', techn: 'tech', technol: 'tech',
  academy: 'acad', academies: 'acad', acad: 'acad', academie: 'acad',
  science: 'sci', sciences: 'sci', sci: 'sci',
  engineering: 'eng', eng: 'eng', engg: 'eng',
  college: 'coll', coll: 'coll',
  laboratory: 'lab', laboratories: 'lab', lab: 'lab', labs: 'lab',
  center: 'ctr', centre: 'ctr', centers: 'ctr', centres: 'ctr', ctr: 'ctr', cntr: 'ctr',
  international: 'intl', intl: 'intl',
  national: 'natl', natl: 'natl',
  department: 'dept', dept: 'dept',
  association: 'assn', assoc: 'assn', assn: 'assn',
  organization: 'org', organisation: 'org', org: 'org',
  defence: 'defense',
  corporation: 'corp', corp: 'corp',
  company: 'co', co: 'co',
  limited: 'ltd', ltd: 'ltd',
  incorporated: 'inc', inc: 'inc',
};

/** Legal forms, dropped at either end of a name: "Weichai Power Co., Ltd." is "Weichai Power". */
const LEGAL_FORMS = new Set([
  'co', 'ltd', 'corp', 'inc', 'llc', 'plc', 'jsc', 'pjsc', 'ojsc', 'cjsc', 'oao', 'zao', 'ooo', 'pao',
  'gmbh', 'ag', 'sa', 'srl', 'bv', 'nv', 'pte', 'pvt', 'pty', 'kk',
]);

// CJK legal forms, longest first, written in canonical (folded) characters.
const CJK_LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '公司', '株式会社', '有限会社', '合同会社']
  .map(foldCjkVariants)
  .sort((a, b) => b.length - a.length);
const CJK_UNIVERSITY = foldCjkVariants('大学');

function stripLatinDiacritics(s: string): string {
  // Only marks on Latin letters: NFKD would also split Japanese kana from their voicing marks.
  return s.normalize('NFKD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFKC');
}

/** Runs of single Latin letters are one word: "E.K.T." and "EKT", "P. I. Baranov" and "PI Baranov". */
function joinInitials(tokens: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const t of tokens) {
    if (/^\p{Script=Latin}$/u.test(t)) {
      run += t;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(t);
  }
  if (run) out.push(run);
  return out;
}

function stripCjkLegalForm(token: string): string {
  if (!CJK.test(token)) return token;
  for (const form of CJK_LEGAL_FORMS) {
    if (token.length > form.length && token.endsWith(form)) return token.slice(0, -form.length);
    if (token.length > form.length && token.startsWith(form)) return token.slice(form.length);
  }
  return token;
}

function stripLegalForms(tokens: string[]): string[] {
  let t = tokens.map(stripCjkLegalForm);
  while (t.length > 1 && LEGAL_FORMS.has(t[t.length - 1] ?? '')) t = t.slice(0, -1);
  while (t.length > 1 && LEGAL_FORMS.has(t[0] ?? '')) t = t.slice(1);
  return t;
}

/** Shared first steps: width, case, accents, CJK variants, punctuation. */
function foldText(input: string): string {
  let s = stripLatinDiacritics(input.normalize('NFKC')).toLowerCase();
  s = foldKanaLookalikes(foldCjkVariants(s));
  s = s.replace(/&/g, ' and ');
  // Apostrophes join: "Xi'an" = "Xi’an" = "Xian", "People's" = "Peoples".
  s = s.replace(/['’‘`´ʼ]/g, '');
  return s;
}

function tokensOf(folded: string): string[] {
  let s = folded.split(CJK_UNIVERSITY).join(' univ ');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ');
  s = s.replace(LATIN_CJK_BOUNDARY, '$1$2 ');
  s = s.replace(CJK_RUN_GAP, '$1');
  return s.split(' ').filter(Boolean);
}

/**
 * The comparison key of an organisation name: lower-case words separated by single spaces, CJK folded
 * to canonical characters, organisational words abbreviated one way, of/the/and dropped, legal forms
 * at either end dropped. Empty only for an empty (or punctuation-only) name.
 */
export function normalizeName(input: string): string {
  const tokens = joinInitials(tokensOf(foldText(input))).map((t) => CANONICAL_WORDS[t] ?? t);
  const meaningful = tokens.filter((t) => !STOPWORDS.has(t));
  const kept = meaningful.length > 0 ? meaningful : tokens;
  const stripped = stripLegalForms(kept);
  return stripped.join(' ');
}

/** The key without spaces: names that differ only in spacing ("Zhong Shan" / "Zhongshan") share it. */
export function compactKey(key: string): string {
  return key.replace(/ /g, '');
}

/** True when the text contains Chinese or Japanese script. */
export function hasCjk(s: string): boolean {
  return CJK.test(s);
}

const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'at', 'in', 'on', '&', ...LEGAL_FORMS, 'company', 'limited']);

/**
 * The initials of a Latin-script name ("Beijing University of Aeronautics and Astronautics" → "BUAA",
 * "Harbin Inst. of Tech." → "HIT"), ignoring of/the/and/for and any trailing "(…)". Null for CJK names
 * and for names of fewer than three significant words: two-letter initials identify nothing.
 */
export function acronymOf(name: string): string | null {
  const base = stripTrailingParentheticals(name);
  if (hasCjk(base)) return null;
  const words = stripLatinDiacritics(base.normalize('NFKC'))
    .replace(/['’‘`´ʼ]/g, '')
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean)
    .filter((w) => !ACRONYM_SKIP.has(w.toLowerCase().replace(/\./g, '')))
    .filter((w) => /^\p{L}/u.test(w));
  if (words.length < 3) return null;
  return words.map((w) => w[0]!.toUpperCase()).join('');
}

/** "Harbin Institute of Technology (HIT) (哈爾浜工業大学)" → "Harbin Institute of Technology". */
export function stripTrailingParentheticals(name: string): string {
  let s = name.trim();
  for (;;) {
    const group = trailingParenthetical(s);
    if (!group) return s;
    const rest = s.slice(0, group.start).trim();
    if (!rest) return s;
    s = rest;
  }
}

/** The balanced "(…)" group that ends `s`, if any (full-width parentheses count too). */
export function trailingParenthetical(s: string): { start: number; inner: string } | null {
  const t = s.trimEnd();
  if (!/[)）]$/.test(t)) return null;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const c = t[i];
    if (c === ')' || c === '）') depth++;
    else if (c === '(' || c === '（') {
      depth--;
      if (depth === 0) return { start: i, inner: t.slice(i + 1, -1).trim() };
    }
  }
  return null;
}

export interface NamedEntry {
  name: string;
  nameJa?: string | null;
  aliases?: readonly string[];
}

/** Every name of an entry with its key (and the acronym of its main name), duplicates removed. */
export function entryKeys(entry: NamedEntry): { name: string; key: string; acronym: boolean }[] {
  const out: { name: string; key: string; acronym: boolean }[] = [];
  const seen = new Set<string>();
  const push = (name: string, key: string, acronym: boolean) => {
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push({ name, key, acronym });
  };
  for (const n of [entry.name, entry.nameJa ?? '', ...(entry.aliases ?? [])]) push(n, normalizeName(n), false);
  const acronym = acronymOf(entry.name);
  if (acronym) push(entry.name, acronym.toLowerCase(), true);
  return out;
}

/** The newline-joined keys stored in `searchText` (trigram-indexed) for an entry or registry entity. */
export function searchTextOf(entry: NamedEntry): string {
  return entryKeys(entry)
    .map((k) => k.key)
    .join('\n');
}
