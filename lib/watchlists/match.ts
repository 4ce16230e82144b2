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

import { compactKey, entryKeys, hasCjk, normalizeName, type NamedEntry } from './normalize';

export const MATCH_THRESHOLD = 0.8;

export type MatchKind = 'exact' | 'acronym' | 'contains' | 'similar' | 'linked';

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

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...Array<number>(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0]![j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
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
  if (hasCjk(a) || hasCjk(b)) {
    if (!hasCjk(a) || !hasCjk(b)) return 0;
    const A = bigrams(a);
    const B = bigrams(b);
    const shared = [...A].filter((x) => B.has(x)).length;
    const sim = shared / (A.size + B.size - shared || 1);
    return sim >= CJK_SIMILARITY_FLOOR ? sim : 0;
  }
  if (Math.min(a.length, b.length) < FUZZY_MIN_LENGTH || /\d/.test(a + b)) return 0;
  const distance = editDistance(a, b);
  const sim = 1 - distance / Math.max(a.length, b.length);
  const longWordSlip = Math.min(a.length, b.length) >= LONG_WORD && distance <= 2;
  return sim >= WORD_SIMILARITY_FLOOR || longWordSlip ? sim : 0;
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
  const similar = Math.min(alignedSimilarity(queryKey, entryKey), SIMILAR_CAP);
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

/**
 * Best score of any of an organisation's names against any name of the entry, or null when none
 * reaches MATCH_THRESHOLD.
 */
export function scoreEntry(queryNames: readonly string[], entry: NamedEntry): EntryScore | null {
  const queries = [...new Set(queryNames)]
    .map((name) => ({ name, key: normalizeName(name) }))
    .filter((q) => q.key);
  let best: EntryScore | null = null;
  const perName = new Map<string, number>();
  for (const k of entryKeys(entry)) {
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
