// The active watchlists compiled into an in-memory index, once per list revision (screening-cache.ts
// keeps one per process). It only finds candidates; match.ts scores them exactly as before, so the
// index changes the speed and never the decision.
//
// Layout: every name of every entry becomes a matching key (match-key.ts) split into words. Each
// distinct word of those keys gets an id, and a posting list of the keys that contain it. A disclosed
// name's words are looked up in that vocabulary — exactly, as a misspelling (vocabulary words sharing
// enough character trigrams, checked with match.ts's word similarity), as an abbreviation (vocabulary
// words it begins), and for CJK by character bigrams and by prefix — and each key counts how many of
// the name's words it contains. A key can only reach the threshold if enough of its words were hit
// (matched / (query words + key words − matched) ≥ 0.8, or all of them for "listed name plus further
// words"), so only those are scored. Word look-ups are memoised per index: a registry repeats its words.
//
// Pure: built from plain rows, no database.

import { CROSS_LANGUAGE_ALIASES } from './cross-language-aliases';
import { GENERIC_WORDS, PLACE_WORDS, isMarkedAbbreviation, matchKey } from './match-key';
import {
  MATCH_THRESHOLD,
  entryMatchKeys,
  looksLikeAcronym,
  queryKeysOf,
  scoreEntryKeys,
  wordSimilarity,
  type EntryKey,
  type EntryScore,
} from './match';
import { compactKey, hasCjk } from './normalize';
import type { WatchlistKind } from '@/lib/generated/prisma/client';

export interface IndexWatchlist {
  id: string;
  code: string;
  kind: WatchlistKind;
  nameEn: string;
  nameJa: string;
  isSample: boolean;
}

export interface IndexEntryRow {
  id: string;
  reference: string;
  name: string;
  nameJa: string | null;
  aliases: string[];
  country: string | null;
  concern: string | null;
  /** Retirement in the future (lists may say "listed until"): screened until then. */
  retiredAt: Date | null;
  watchlist: IndexWatchlist;
}

interface CompiledKey extends EntryKey {
  entry: number;
  words: string[];
  /** Vocabulary ids of `words` (acronym keys: none). */
  wordIds: number[];
  /** Weight for the "listed name plus further words" rule (match.ts): Latin words, CJK chars / 2. */
  weight: number;
}

/** A candidate entry with its score, before country weighting and linking (screen.ts). */
export interface IndexHit {
  row: IndexEntryRow;
  scored: EntryScore;
}

const SHORT_SCORE = 0.85;
const TRIGRAM_PAD = '\u0002';

function trigrams(word: string): string[] {
  const s = `${TRIGRAM_PAD}${word}${TRIGRAM_PAD}`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= s.length; i++) out.push(s.slice(i, i + 3));
  return out;
}

function cjkBigrams(word: string): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

function weightOf(words: string[]): number {
  return words.reduce((w, t) => w + (hasCjk(t) ? Math.ceil([...t].length / 2) : 1), 0);
}

/** Extra (cross-language) names per matching key of a listed name. */
function aliasesByKey(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of CROSS_LANGUAGE_ALIASES) {
    const k = matchKey(a.listed);
    out.set(k, [...(out.get(k) ?? []), a.alias]);
  }
  return out;
}

export class ScreeningIndex {
  readonly rows: IndexEntryRow[];
  private readonly keysOfEntry: CompiledKey[][] = [];
  private readonly keys: CompiledKey[] = [];
  private readonly vocab = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly postings: number[][] = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly byCompactKey = new Map<string, number[]>();
  private readonly byAcronym = new Map<string, number[]>();
  /** Distinctive single words that name exactly one listed key once generic words are set aside. */
  private readonly byShortName = new Map<string, number[]>();
  private readonly latinTrigrams = new Map<string, number[]>();
  private readonly cjkBigramIndex = new Map<string, number[]>();
  private readonly sortedLatin: string[] = [];
  private readonly markedVocab: number[] = [];
  private readonly similarMemo = new Map<string, number[]>();
  // Per-query scratch, reused: the last query that looked at each key, and per vocabulary word the
  // query words it answers.
  private hitStamp: Int32Array;
  private maskStamp: Int32Array;
  private wordMask: Int32Array;
  private stamp = 0;

  constructor(rows: IndexEntryRow[]) {
    this.rows = rows;
    const extra = aliasesByKey();
    const shortCandidates = new Map<string, Set<string>>();
    rows.forEach((row, entry) => {
      const base = entryMatchKeys(row);
      const extraNames = [...new Set(base.flatMap((k) => (k.acronym ? [] : (extra.get(k.key) ?? []))))];
      const keys = extraNames.length ? entryMatchKeys(row, extraNames) : base;
      const compiled: CompiledKey[] = [];
      for (const k of keys) {
        const words = k.key.split(' ');
        const c: CompiledKey = { ...k, entry, words, wordIds: [], weight: weightOf(words) };
        const id = this.keys.push(c) - 1;
        compiled.push(c);
        if (k.acronym) {
          push(this.byAcronym, k.key, id);
          continue;
        }
        push(this.byKey, k.key, id);
        push(this.byCompactKey, compactKey(k.key), id);
        for (const w of new Set(words)) {
          let wid = this.vocab.get(w);
          if (wid === undefined) {
            wid = this.words.push(w) - 1;
            this.vocab.set(w, wid);
            this.postings.push([]);
          }
          this.postings[wid]!.push(id);
          c.wordIds.push(wid);
        }
        // Generic words and place names set aside, one distinctive word may remain: the short name.
        const distinctive = words.filter((w) => !GENERIC_WORDS.has(w) && !PLACE_WORDS.has(w));
        if (distinctive.length === 1 && words.length > 1) {
          const w = distinctive[0]!;
          if (!hasCjk(w) && w.length >= 5 && !/\d/.test(w) && !isMarkedAbbreviation(w)) {
            const set = shortCandidates.get(w) ?? new Set<string>();
            set.add(k.key);
            shortCandidates.set(w, set);
          }
        }
      }
      this.keysOfEntry.push(compiled);
    });
    // A short name is kept only when one listed key reduces to it ("Tianjin" names two: no short name).
    for (const [w, keySet] of shortCandidates) {
      if (keySet.size !== 1) continue;
      const key = [...keySet][0]!;
      this.byShortName.set(w, this.byKey.get(key) ?? []);
    }
    this.words.forEach((w, wid) => {
      if (hasCjk(w)) {
        for (const b of new Set(cjkBigrams(w))) push(this.cjkBigramIndex, b, wid);
        return;
      }
      if (isMarkedAbbreviation(w)) this.markedVocab.push(wid);
      this.sortedLatin.push(w);
      for (const t of new Set(trigrams(w))) push(this.latinTrigrams, t, wid);
    });
    this.sortedLatin.sort();
    this.hitStamp = new Int32Array(this.keys.length);
    this.maskStamp = new Int32Array(this.words.length);
    this.wordMask = new Int32Array(this.words.length);
  }

  get size(): number {
    return this.rows.length;
  }

  /** Vocabulary word ids that a query word can pair with (match.ts's wordSimilarity > 0). */
  private similarWords(word: string): number[] {
    const memo = this.similarMemo.get(word);
    if (memo) return memo;
    const out = new Set<number>();
    const exact = this.vocab.get(word);
    if (exact !== undefined) out.add(exact);
    const check = (wid: number) => {
      if (!out.has(wid) && wordSimilarity(word, this.words[wid]!) > 0) out.add(wid);
    };
    if (hasCjk(word)) {
      const chars = [...word];
      // The listed CJK word may be the start of the disclosed one (北京理工 in 北京理工大学珠海学院 keys).
      for (let n = 2; n < chars.length; n++) {
        const wid = this.vocab.get(chars.slice(0, n).join(''));
        if (wid !== undefined) out.add(wid);
      }
      const counts = new Map<number, number>();
      for (const b of new Set(cjkBigrams(word))) for (const wid of this.cjkBigramIndex.get(b) ?? []) counts.set(wid, (counts.get(wid) ?? 0) + 1);
      const need = Math.max(1, Math.ceil(cjkBigrams(word).length * 0.8) - 1);
      for (const [wid, c] of counts) if (c >= need) check(wid);
    } else if (isMarkedAbbreviation(word)) {
      const stem = word.slice(0, -1);
      // Words it begins: a range of the sorted vocabulary. Contractions keep the first letter.
      for (let i = lowerBound(this.sortedLatin, stem[0]!); i < this.sortedLatin.length && this.sortedLatin[i]![0] === stem[0]; i++) {
        check(this.vocab.get(this.sortedLatin[i]!)!);
      }
    } else if (!/\d/.test(word) && word.length >= 5) {
      // q-gram lemma: an edit changes at most 4 padded trigrams (a transposition counts once).
      const maxEdits = Math.max(Math.floor(word.length * 0.16), word.length >= 8 ? 2 : 0);
      const grams = [...new Set(trigrams(word))];
      const need = Math.max(1, grams.length - 4 * maxEdits);
      const counts = new Map<number, number>();
      for (const t of grams) for (const wid of this.latinTrigrams.get(t) ?? []) counts.set(wid, (counts.get(wid) ?? 0) + 1);
      for (const [wid, c] of counts) if (c >= need && Math.abs(this.words[wid]!.length - word.length) <= maxEdits) check(wid);
    }
    if (!hasCjk(word)) for (const wid of this.markedVocab) check(wid);
    const result = [...out];
    if (this.similarMemo.size > 500_000) this.similarMemo.clear();
    this.similarMemo.set(word, result);
    return result;
  }

  /**
   * Key ids worth scoring for one query key. Word-aligned similarity over m query words can reach the
   * threshold only if at least ⌈0.8·m⌉ of them are matched (the best case is a key of exactly those
   * words), so by pigeonhole every such key contains one of the m − ⌈0.8·m⌉ + 1 query words with the
   * shortest posting lists: those alone generate candidates, and the bound is then checked on each
   * with all m words. A listed name followed by further words (match.ts's "contains") is a prefix of
   * the query: looked up directly.
   */
  private candidateKeys(queryKey: string, into: Set<number>): void {
    const qWords = [...new Set(queryKey.split(' '))];
    const m = queryKey.split(' ').length;
    for (const id of this.byKey.get(queryKey) ?? []) into.add(id);
    for (const id of this.byCompactKey.get(compactKey(queryKey)) ?? []) into.add(id);
    if (m === 1 && looksLikeAcronym(queryKey)) for (const id of this.byAcronym.get(queryKey) ?? []) into.add(id);

    // Listed name + further words: every proper prefix of the query (CJK: also a prefix of its last word).
    const all = queryKey.split(' ');
    for (let p = 1; p < all.length; p++) for (const id of this.byKey.get(all.slice(0, p).join(' ')) ?? []) into.add(id);
    for (let p = 1; p <= all.length; p++) {
      const last = all[p - 1]!;
      if (!hasCjk(last)) continue;
      const head = all.slice(0, p - 1);
      const chars = [...last];
      for (let n = 2; n < chars.length; n++) for (const id of this.byKey.get([...head, chars.slice(0, n).join('')].join(' ')) ?? []) into.add(id);
    }

    const similar = qWords.map((w) => this.similarWords(w));
    // Which query words each vocabulary word answers, as a bit mask (keys have few words: popcount).
    this.stamp++;
    const stamp = this.stamp;
    const words = Math.min(qWords.length, 30);
    for (let i = 0; i < words; i++) {
      for (const wid of similar[i]!) {
        if (this.maskStamp[wid] !== stamp) {
          this.maskStamp[wid] = stamp;
          this.wordMask[wid] = 0;
        }
        this.wordMask[wid]! |= 1 << i;
      }
    }
    const cost = similar.map((wids) => wids.reduce((c, wid) => c + this.postings[wid]!.length, 0));
    const order = qWords.map((_, i) => i).sort((x, y) => cost[x]! - cost[y]!);
    const needed = Math.ceil(MATCH_THRESHOLD * m - 1e-9);
    const generators = order.slice(0, Math.max(1, qWords.length - needed + 1));
    for (const i of generators) {
      for (const wid of similar[i]!) {
        for (const id of this.postings[wid]!) {
          if (this.hitStamp[id] === stamp) continue;
          this.hitStamp[id] = stamp;
          const k = this.keys[id]!;
          let mask = 0;
          for (const x of k.wordIds) if (this.maskStamp[x] === stamp) mask |= this.wordMask[x]!;
          const n = k.words.length;
          const h = Math.min(popcount(mask), n);
          if (h / (m + n - h) >= MATCH_THRESHOLD - 1e-9) into.add(id);
        }
      }
    }
  }

  /**
   * Entries that any of the names match (MATCH_THRESHOLD or more), with match.ts's score, before
   * country weighting. `at` decides which entries are still listed.
   */
  match(names: readonly string[], at: Date = new Date()): IndexHit[] {
    const queries = queryKeysOf(names);
    if (!queries.length) return [];
    const keyIds = new Set<number>();
    for (const key of new Set(queries.map((q) => q.key))) this.candidateKeys(key, keyIds);
    const entries = new Set<number>();
    for (const id of keyIds) entries.add(this.keys[id]!.entry);
    const now = at.getTime();
    const hits = new Map<number, IndexHit>();
    for (const e of entries) {
      const row = this.rows[e]!;
      if (row.retiredAt && row.retiredAt.getTime() <= now) continue;
      const scored = scoreEntryKeys(queries, this.keysOfEntry[e]!);
      if (scored) hits.set(e, { row, scored });
    }
    // "Beihang" alone: the one distinctive word of exactly one listed name.
    for (const q of queries) {
      if (q.key.includes(' ')) continue;
      for (const id of this.byShortName.get(q.key) ?? []) {
        const k = this.keys[id]!;
        const row = this.rows[k.entry]!;
        if (row.retiredAt && row.retiredAt.getTime() <= now) continue;
        const known = hits.get(k.entry);
        if (known && known.scored.score >= SHORT_SCORE) continue;
        hits.set(k.entry, { row, scored: { score: SHORT_SCORE, kind: 'short', matchedNames: [k.name], queryName: q.name } });
      }
    }
    return [...hits.values()];
  }

  /** Entries one of whose names has exactly (or up to spacing) the matching key of `name`. */
  exactly(name: string, at: Date = new Date()): IndexHit[] {
    const key = matchKey(name);
    if (!key) return [];
    const ids = new Set([...(this.byKey.get(key) ?? []), ...(this.byCompactKey.get(compactKey(key)) ?? [])]);
    const now = at.getTime();
    const out = new Map<number, IndexHit>();
    for (const id of ids) {
      const e = this.keys[id]!.entry;
      const row = this.rows[e]!;
      if (out.has(e) || (row.retiredAt && row.retiredAt.getTime() <= now)) continue;
      const scored = scoreEntryKeys([{ name, key }], this.keysOfEntry[e]!);
      if (scored && scored.kind === 'exact') out.set(e, { row, scored });
    }
    return [...out.values()];
  }
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function lowerBound(sorted: string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
