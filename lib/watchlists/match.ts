// Scoring a disclosed organisation name against a watchlist entry, on normalised keys (normalize.ts).
// The database finds candidates with a trigram index; this decides. Whole-string trigram similarity
// is good at finding and bad at deciding: it rewards shared generic words, so "Tianjin University"
// scores 0.72 against "Tianjin University of Technology". The decision is therefore made word by
// word: words must correspond one to one, a misspelt word counts by its edit similarity, and a word
// one name has and the other lacks counts fully against the match.
//
// Scores:
//   1.00  exact: a key of the name equals a key of the entry (name, Japanese name, alias)
//   0.98  the keys differ only in spacing ("Zhong Shan" / "Zhongshan")
//   0.90  the name is an acronym and equals the initials of the entry's name ("HIT")
//   0.85  the name is a listed name plus further words: a school, campus or branch of it
//         ("Harbin Institute of Technology, Shenzhen"); only for listed names of 3+ words
//   0.85  short: the name is the one distinctive word of a listed name ("Beihang" for "Beihang
//         University") and no other listed name reduces to that word (screening-index.ts decides)
//   ≤0.97 similar: word-aligned similarity (one misspelt word in three ≈ 0.95)
//   0.95  linked: the name is on no list in this form, but exactly equals a name of an entry of one list,
//         and another of that entry's names exactly names this entry (screen.ts: how a name disclosed
//         in kanji reaches the English-only Section 1286 list through the METI or SASTIND entry)
//
// MATCH_THRESHOLD = 0.80 is where that scale separates the two kinds of pair we must tell apart:
//   - one-word misspellings of listed names score 0.87 or more in names of 2–3 words ("Xi'an Jiatong
//     University" 0.96, "Hangzhao Dianzi University" 0.92, "Changchung University of Science and
//     Technology" 0.97), and a name sharing 4 of its 5 words with a listed one scores 0.80;
//   - different institutions that share the city and the kind of institution score ≤ 0.67:
//     "Tianjin University" / "Tianjin University of Technology" 0.67, "Nanjing University" / "Nanjing
//     University of Science and Technology" 0.50, "Harbin Medical University" / "Harbin Institute of
//     Technology" 0.20, "Beijing University" / "Beijing Institute of Technology" 0.25.
// Everything above the threshold goes to an officer as a candidate; nothing is decided automatically.
// Known limit: a one-letter difference between two real place names (Shanxi / Shaanxi) looks exactly
// like a misspelling and is reported; the officer dismisses it once and the decision is remembered.
//
// Pure: no database, safe to import anywhere.

import { GENERIC_WORDS, isMarkedAbbreviation, matchKey } from './match-key';
import { acronymOf, compactKey, hasCjk, type NamedEntry } from './normalize';

export const MATCH_THRESHOLD = 0.8;

export type MatchKind = 'exact' | 'acronym' | 'contains' | 'similar' | 'short' | 'linked';

export interface KeyScore {
  score: number;
  kind: MatchKind;
}

const SPACING_SCORE = 0.98;
const ACRONYM_SCORE = 0.9;
const CONTAINS_SCORE = 0.85;
const SIMILAR_CAP = 0.97;
/** A misspelt word counts only if this similar to its counterpart (one edit in seven letters ≈ 0.86)… */
const WORD_SIMILARITY_FLOOR = 0.84;
/** …or, in words of LONG_WORD letters or more, if at most two letters differ ("Hangzhao" / "Hangzhou"). */
const LONG_WORD = 8;
/** Shorter Latin words must match exactly: "Hunan" and "Henan" are provinces, not misspellings. */
const FUZZY_MIN_LENGTH = 5;
/** CJK words compare by character bigrams and must be nearly identical (北京航空航天 ≠ 南京航空航天). */
const CJK_SIMILARITY_FLOOR = 0.8;

let rows: Int32Array[] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). Three reused rows. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (rows[0]!.length <= n) rows = [new Int32Array(n * 2 + 1), new Int32Array(n * 2 + 1), new Int32Array(n * 2 + 1)];
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

function bigrams(s: string): Set<string> {
  const chars = [...s];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Similarity of two words of a key in [0, 1]; 0 when they should not be paired at all. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (isMarkedAbbreviation(a) || isMarkedAbbreviation(b)) return abbreviationSimilarity(a, b);
  if (hasCjk(a) || hasCjk(b)) {
    if (!hasCjk(a) || !hasCjk(b)) return 0;
    const A = bigrams(a);
    const B = bigrams(b);
    const shared = [...A].filter((x) => B.has(x)).length;
    const sim = shared / (A.size + B.size - shared || 1);
    return sim >= CJK_SIMILARITY_FLOOR ? sim : 0;
  }
  if (Math.min(a.length, b.length) < FUZZY_MIN_LENGTH || /\d/.test(a + b)) return 0;
  // The distance is at least the difference in length: skip what cannot pass either test below.
  const longest = Math.max(a.length, b.length);
  const gap = Math.abs(a.length - b.length);
  if (1 - gap / longest < WORD_SIMILARITY_FLOOR && !(Math.min(a.length, b.length) >= LONG_WORD && gap <= 2)) return 0;
  const distance = editDistance(a, b);
  const sim = 1 - distance / Math.max(a.length, b.length);
  const longWordSlip = Math.min(a.length, b.length) >= LONG_WORD && distance <= 2;
  return sim >= WORD_SIMILARITY_FLOOR || longWordSlip ? sim : 0;
}

const ABBREVIATION_PREFIX = 0.9;
const ABBREVIATION_CONTRACTION = 0.85;

/** `letters` in order inside `word`, starting with its first letter ("mgmt" in "management"). */
function isContraction(letters: string, word: string): boolean {
  if (letters[0] !== word[0]) return false;
  let i = 0;
  for (const c of word) if (c === letters[i]) i++;
  return i === letters.length;
}

/**
 * A word written with a full stop ("aeronaut.") against another: it stands for a longer word that it
 * begins (0.9), or whose letters it keeps in order from the first (0.85, "Dplmt." for "Diplomatic").
 * Numbers and CJK never match an abbreviation.
 */
export function abbreviationSimilarity(a: string, b: string): number {
  const x = a.replace(/\.$/, '');
  const y = b.replace(/\.$/, '');
  if (x === y) return 1;
  if (/[^a-z]/.test(x + y)) return 0;
  const [short, long, shortMarked] = x.length <= y.length ? [x, y, a.endsWith('.')] : [y, x, b.endsWith('.')];
  if (!shortMarked || short.length < 2) return 0;
  if (long.startsWith(short)) return ABBREVIATION_PREFIX;
  return short.length >= 3 && isContraction(short, long) ? ABBREVIATION_CONTRACTION : 0;
}

/** Word-aligned similarity: greedy one-to-one pairing, a soft Jaccard over the words of both keys. */
export function alignedSimilarity(queryKey: string, entryKey: string): number {
  const q = queryKey.split(' ');
  const e = entryKey.split(' ');
  const pairs: { i: number; j: number; s: number }[] = [];
  q.forEach((a, i) =>
    e.forEach((b, j) => {
      const s = wordSimilarity(a, b);
      if (s > 0) pairs.push({ i, j, s });
    }),
  );
  pairs.sort((x, y) => y.s - x.s);
  const usedQ = new Set<number>();
  const usedE = new Set<number>();
  let sum = 0;
  for (const p of pairs) {
    if (usedQ.has(p.i) || usedE.has(p.j)) continue;
    usedQ.add(p.i);
    usedE.add(p.j);
    sum += p.s;
  }
  return sum / (q.length + e.length - usedQ.size);
}

/** Weight of a listed name for the "listed name plus further words" rule: Latin words, CJK chars / 2. */
function nameWeight(words: string[]): number {
  return words.reduce((w, t) => w + (hasCjk(t) ? Math.ceil([...t].length / 2) : 1), 0);
}

function containsListedName(queryKey: string, entryKey: string): boolean {
  const q = queryKey.split(' ');
  const e = entryKey.split(' ');
  if (q.length < e.length || nameWeight(e) < 3) return false;
  const last = e.length - 1;
  for (let i = 0; i < last; i++) if (q[i] !== e[i]) return false;
  const qLast = q[last]!;
  const eLast = e[last]!;
  if (qLast === eLast) return q.length > e.length;
  // CJK writes the sub-unit on without a space: 北京理工大学珠海学院.
  return hasCjk(eLast) && [...eLast].length >= 2 && qLast.startsWith(eLast);
}

/** Below the threshold: what a name that adds a distinguishing word to another scores (see below). */
const QUALIFIED_SCORE = 0.75;

/**
 * One key is the other plus distinguishing words, every shared word identical: "University of
 * Electronic Science and Technology of China" is not "University of Science and Technology of China",
 * as "Tianjin University of Technology" is not "Tianjin University". Generic words (University,
 * Institute, Technology …) do not distinguish; misspellings are not qualifiers.
 */
function differsByQualifier(a: string, b: string): boolean {
  const A = a.split(' ');
  const B = b.split(' ');
  const [short, long] = A.length < B.length ? [A, B] : [B, A];
  if (short.length === long.length) return false;
  const pool = [...long];
  for (const w of short) {
    const i = pool.indexOf(w);
    if (i < 0) return false;
    pool.splice(i, 1);
  }
  return pool.some((w) => !GENERIC_WORDS.has(w));
}

/** An acronym as people type it: one word of 3–8 Latin letters. */
export function looksLikeAcronym(key: string): boolean {
  return /^[a-z]{3,8}$/.test(key);
}

/** Score of one disclosed-name key against one entry key (`entryIsAcronym`: the key is the initials). */
export function scoreKeys(queryKey: string, entryKey: string, entryIsAcronym = false): KeyScore | null {
  if (!queryKey || !entryKey) return null;
  if (entryIsAcronym) {
    return looksLikeAcronym(queryKey) && queryKey === entryKey ? { score: ACRONYM_SCORE, kind: 'acronym' } : null;
  }
  if (queryKey === entryKey) return { score: 1, kind: 'exact' };
  if (compactKey(queryKey) === compactKey(entryKey)) return { score: SPACING_SCORE, kind: 'exact' };
  let similar = Math.min(alignedSimilarity(queryKey, entryKey), SIMILAR_CAP);
  if (similar >= MATCH_THRESHOLD && differsByQualifier(queryKey, entryKey)) similar = QUALIFIED_SCORE;
  const contains = containsListedName(queryKey, entryKey) ? CONTAINS_SCORE : 0;
  if (contains > similar) return { score: contains, kind: 'contains' };
  return similar > 0 ? { score: similar, kind: 'similar' } : null;
}

export interface EntryScore extends KeyScore {
  /** The entry's names (as the list writes them) that scored at or above the threshold, best first. */
  matchedNames: string[];
  /** The disclosed name (or alias) that scored best. */
  queryName: string;
}

export interface EntryKey {
  /** The entry's name as the list (or cross-language-aliases.ts) writes it. */
  name: string;
  key: string;
  acronym: boolean;
}

/** Every name of an entry with its matching key (and the acronym of its main name), duplicates removed. */
export function entryMatchKeys(entry: NamedEntry, extraNames: readonly string[] = []): EntryKey[] {
  const out: EntryKey[] = [];
  const seen = new Set<string>();
  const push = (name: string, key: string, acronym: boolean) => {
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push({ name, key, acronym });
  };
  for (const n of [entry.name, entry.nameJa ?? '', ...(entry.aliases ?? []), ...extraNames]) push(n, matchKey(n), false);
  const acronym = acronymOf(entry.name);
  if (acronym) push(entry.name, acronym.toLowerCase(), true);
  return out;
}

export interface QueryKey {
  name: string;
  key: string;
}

/** The disclosed names with their matching keys, empty keys dropped. */
export function queryKeysOf(queryNames: readonly string[]): QueryKey[] {
  return [...new Set(queryNames)].map((name) => ({ name, key: matchKey(name) })).filter((q) => q.key);
}

/** Best score of any of the query keys against any of the entry's keys, or null below MATCH_THRESHOLD. */
export function scoreEntryKeys(queries: readonly QueryKey[], keys: readonly EntryKey[]): EntryScore | null {
  let best: EntryScore | null = null;
  const perName = new Map<string, number>();
  for (const k of keys) {
    for (const q of queries) {
      const s = scoreKeys(q.key, k.key, k.acronym);
      if (!s || s.score < MATCH_THRESHOLD) continue;
      perName.set(k.name, Math.max(perName.get(k.name) ?? 0, s.score));
      if (!best || s.score > best.score) best = { ...s, matchedNames: [], queryName: q.name };
    }
  }
  if (!best) return null;
  best.matchedNames = [...perName.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  return best;
}

/**
 * Best score of any of an organisation's names against any name of the entry, or null when none
 * reaches MATCH_THRESHOLD.
 */
export function scoreEntry(queryNames: readonly string[], entry: NamedEntry): EntryScore | null {
  return scoreEntryKeys(queryKeysOf(queryNames), entryMatchKeys(entry));
}
