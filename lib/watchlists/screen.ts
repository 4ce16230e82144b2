import 'server-only';
import { db, type Tx } from '@/lib/db/client';
import type { WatchlistKind } from '@/lib/generated/prisma/client';
import { countryCode } from './countries';
import { MATCH_THRESHOLD, type MatchKind } from './match';
import { matchKey } from './match-key';
import { splitName } from './name-parts';
import { compactKey, hasCjk } from './normalize';
import { screeningIndex } from './screening-cache';
import type { IndexEntryRow, IndexHit, ScreeningIndex } from './screening-index';

// Screening one organisation against every active entry of every watchlist (group lists such as the
// SASTIND universities included: they are matched the same way and told apart by `watchlist.kind`).
// Candidates come from the in-memory index of the current list revision (screening-index.ts,
// screening-cache.ts); match.ts scores them.
//
// Lists write names in different scripts: the Section 1286 list only in English, researchers often in
// kanji. A second pass links them: when the organisation's name is exactly a name of some entry (say
// METI's "BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS (北京航空航天大学)"), that entry's other
// names are searched for too, and exact hits on other lists are reported as 'linked', naming the
// entry that linked them. Only exact, distinctive names link (no acronyms, no one-word names), and
// only one step, so an ambiguous alias cannot chain its way across the lists.

/** A match whose entry is listed for another country weighs this much less (see screenOrganisation). */
const COUNTRY_MISMATCH_FACTOR = 0.9;
const LINKED_SCORE = 0.95;

export interface ScreeningMatch {
  entryId: string;
  score: number;
  kind: MatchKind;
  /** The entry's names that matched, as the list writes them. */
  matchedNames: string[];
  /** The disclosed name (or alias) that matched best; for a linked match, the linking entry's name. */
  queryName: string;
  /** Both countries are known and differ. */
  countryMismatch: boolean;
  /** For kind 'linked': the entry (of another list) whose names connected the organisation to this one. */
  linkedVia: { entryId: string; entryName: string; watchlistCode: string } | null;
  entry: {
    id: string;
    reference: string;
    name: string;
    nameJa: string | null;
    aliases: string[];
    country: string | null;
    concern: string | null;
  };
  watchlist: { id: string; code: string; kind: WatchlistKind; nameEn: string; nameJa: string; isSample: boolean };
}

export interface ScreenOptions {
  country?: string | null;
  aliases?: readonly string[];
  /** Run inside the caller's transaction instead of a new one. */
  tx?: Tx;
}

/** The names to search for: each given name, and its parts when it carries bracketed CJK or acronyms. */
export function queryNamesOf(name: string, aliases: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const n of [name, ...aliases]) {
    if (!n.trim()) continue;
    const parts = splitName(n);
    out.push(n, parts.base, ...parts.cjk, ...parts.acronyms);
  }
  return [...new Set(out)];
}

/** Names specific enough to link two lists: two or more words, or four or more CJK characters. */
function isDistinctive(name: string): boolean {
  const key = matchKey(name);
  return hasCjk(key) ? [...compactKey(key)].length >= 4 : key.split(' ').length >= 2;
}

function toMatch(row: IndexEntryRow, fields: Omit<ScreeningMatch, 'entryId' | 'entry' | 'watchlist'>): ScreeningMatch {
  return {
    entryId: row.id,
    ...fields,
    score: Math.round(fields.score * 1000) / 1000,
    entry: {
      id: row.id,
      reference: row.reference,
      name: row.name,
      nameJa: row.nameJa,
      aliases: row.aliases,
      country: row.country,
      concern: row.concern,
    },
    watchlist: { ...row.watchlist },
  };
}

function byScore(a: ScreeningMatch, b: ScreeningMatch): number {
  return b.score - a.score || a.watchlist.code.localeCompare(b.watchlist.code) || a.entry.name.localeCompare(b.entry.name);
}

/**
 * Screening with an index already in hand (a batch re-screen holds one for all its names). `names`
 * are the query names (queryNamesOf), `country` an ISO code or null.
 */
export function screenWithIndex(index: ScreeningIndex, names: readonly string[], country: string | null, at = new Date()): ScreeningMatch[] {
  const weigh = (row: IndexEntryRow, score: number) => {
    const countryMismatch = Boolean(country && row.country && row.country !== country);
    return { countryMismatch, score: countryMismatch ? score * COUNTRY_MISMATCH_FACTOR : score };
  };
  const matches: ScreeningMatch[] = [];
  for (const { row, scored } of index.match(names, at)) {
    const { score, countryMismatch } = weigh(row, scored.score);
    if (score < MATCH_THRESHOLD) continue;
    matches.push(toMatch(row, { ...scored, score, countryMismatch, linkedVia: null }));
  }

  // Second pass: the other names of the entries the organisation exactly is.
  const links = new Map<string, ScreeningMatch>();
  for (const m of matches) {
    if (m.kind !== 'exact' || !isDistinctive(m.queryName)) continue;
    for (const n of [m.entry.name, m.entry.nameJa, ...m.entry.aliases]) {
      if (n && !names.includes(n) && isDistinctive(n) && !links.has(n)) links.set(n, m);
    }
  }
  const found = new Set(matches.map((m) => m.entryId));
  for (const [linkName, via] of links) {
    const hits: IndexHit[] = index.exactly(linkName, at);
    for (const { row, scored } of hits) {
      if (found.has(row.id)) continue;
      if (via.watchlist.id === row.watchlist.id) continue; // two entries of one list are two listings
      const { score, countryMismatch } = weigh(row, LINKED_SCORE);
      if (score < MATCH_THRESHOLD) continue;
      found.add(row.id);
      matches.push(
        toMatch(row, {
          score,
          kind: 'linked',
          matchedNames: scored.matchedNames,
          queryName: scored.queryName,
          countryMismatch,
          linkedVia: { entryId: via.entryId, entryName: via.entry.name, watchlistCode: via.watchlist.code },
        }),
      );
    }
  }
  return matches.sort(byScore);
}

/**
 * Watchlist entries that an organisation's name (or one of its aliases) matches, best first, each
 * scoring at least MATCH_THRESHOLD (see match.ts for the scale). Retired entries are not screened.
 * When the caller knows the organisation's country and an entry is listed for another one, the score
 * is multiplied by 0.9 and the match flagged: an exact or strong match stays (lists' country data is
 * incomplete, campuses abroad exist), a weak one (below 0.89) drops under the threshold.
 *
 * Costs one primary-key read of the list revision; the index is compiled only when the lists changed.
 */
export async function screenOrganisation(name: string, options: ScreenOptions = {}): Promise<ScreeningMatch[]> {
  const names = queryNamesOf(name, options.aliases);
  if (!names.some((n) => matchKey(n))) return [];
  const index = await screeningIndex(options.tx ?? db);
  return screenWithIndex(index, names, countryCode(options.country ?? null));
}
