import 'server-only';
import { db, type Tx } from '@/lib/db/client';
import type { WatchlistKind } from '@/lib/generated/prisma/client';
import { countryCode } from './countries';
import { MATCH_THRESHOLD, scoreEntry } from './match';
import { compactKey, hasCjk, normalizeName } from './normalize';
import { queryNamesOf, type ScreenOptions, type ScreeningMatch } from './screen';

// BASELINE ONLY (bench/rules-bench.ts): screening as it was before the in-memory index
// (screening-index.ts), kept to be measured beside it. The application screens through screen.ts.
//
// Screening one organisation against every active entry of every watchlist (group lists such as the
// SASTIND universities included: they are matched the same way and told apart by `watchlist.kind`).
// Candidates come from the trigram index on WatchlistEntry.searchText; match.ts scores them.
//
// Lists write names in different scripts: the Section 1286 list only in English, researchers often in
// kanji. A second pass links them: when the organisation's name is exactly a name of some entry (say
// METI's "BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS (北京航空航天大学)"), that entry's other
// names are searched for too, and exact hits on other lists are reported as 'linked', naming the
// entry that linked them. Only exact, distinctive names link (no acronyms, no one-word names), and
// only one step, so an ambiguous alias cannot chain its way across the lists.

/**
 * Candidate threshold for `<%` (word_similarity of a name key within an entry's searchText). Low on
 * purpose: it only has to keep every plausible entry; the score in match.ts decides. 0.45 still finds
 * a listed name with a misspelt word, or followed by a campus ("Harbin Inst. of Tech., Shenzhen").
 */
export const CANDIDATE_WORD_SIMILARITY = 0.45;
const MAX_CANDIDATES = 200;
/** A match whose entry is listed for another country weighs this much less (see screenOrganisation). */
const COUNTRY_MISMATCH_FACTOR = 0.9;
const LINKED_SCORE = 0.95;

interface CandidateRow {
  id: string;
  reference: string;
  name: string;
  nameJa: string | null;
  aliases: string[];
  country: string | null;
  concern: string | null;
  watchlistId: string;
  code: string;
  kind: WatchlistKind;
  watchlistNameEn: string;
  watchlistNameJa: string;
  isSample: boolean;
}

/** Names specific enough to link two lists: two or more words, or four or more CJK characters. */
function isDistinctive(name: string): boolean {
  const key = normalizeName(name);
  return hasCjk(key) ? [...compactKey(key)].length >= 4 : key.split(' ').length >= 2;
}

async function candidates(tx: Tx, names: readonly string[]): Promise<CandidateRow[]> {
  const keys = [...new Set(names.map(normalizeName).filter(Boolean))];
  if (!keys.length) return [];
  // SET LOCAL (set_config with is_local): the threshold applies to this transaction only.
  await tx.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(CANDIDATE_WORD_SIMILARITY)}, true)`;
  return tx.$queryRaw<CandidateRow[]>`
    SELECT e.id, e.reference, e.name, e."nameJa", e.aliases, e.country, e.concern,
           w.id AS "watchlistId", w.code, w.kind::text AS kind, w."nameEn" AS "watchlistNameEn",
           w."nameJa" AS "watchlistNameJa", w."isSample"
    FROM (
      SELECT c.id, max(word_similarity(q.key, c."searchText")) AS sim
      FROM unnest(${keys}::text[]) AS q(key)
      JOIN "WatchlistEntry" c ON q.key <% c."searchText"
      WHERE c."retiredAt" IS NULL OR c."retiredAt" > now()
      GROUP BY c.id
      ORDER BY sim DESC
      LIMIT ${MAX_CANDIDATES}
    ) cand
    JOIN "WatchlistEntry" e ON e.id = cand.id
    JOIN "Watchlist" w ON w.id = e."watchlistId"`;
}

function toMatch(row: CandidateRow, fields: Omit<ScreeningMatch, 'entryId' | 'entry' | 'watchlist'>): ScreeningMatch {
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
    watchlist: {
      id: row.watchlistId,
      code: row.code,
      kind: row.kind,
      nameEn: row.watchlistNameEn,
      nameJa: row.watchlistNameJa,
      isSample: row.isSample,
    },
  };
}

async function screenIn(tx: Tx, names: string[], country: string | null): Promise<ScreeningMatch[]> {
  const weigh = (row: CandidateRow, score: number) => {
    const countryMismatch = Boolean(country && row.country && row.country !== country);
    return { countryMismatch, score: countryMismatch ? score * COUNTRY_MISMATCH_FACTOR : score };
  };
  const matches: ScreeningMatch[] = [];
  for (const row of await candidates(tx, names)) {
    const scored = scoreEntry(names, row);
    if (!scored) continue;
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
  if (!links.size) return matches;
  const found = new Set(matches.map((m) => m.entryId));
  for (const row of await candidates(tx, [...links.keys()])) {
    if (found.has(row.id)) continue;
    const scored = scoreEntry([...links.keys()], row);
    if (!scored || scored.kind !== 'exact') continue;
    const via = links.get(scored.queryName)!;
    if (via.watchlist.id === row.watchlistId) continue; // two entries of one list are two listings
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
  return matches;
}

/**
 * Watchlist entries that an organisation's name (or one of its aliases) matches, best first, each
 * scoring at least MATCH_THRESHOLD (see match.ts for the scale). Retired entries are not screened.
 * When the caller knows the organisation's country and an entry is listed for another one, the score
 * is multiplied by 0.9 and the match flagged: an exact or strong match stays (lists' country data is
 * incomplete, campuses abroad exist), a weak one (below 0.89) drops under the threshold.
 */
export async function screenOrganisationSql(name: string, options: ScreenOptions = {}): Promise<ScreeningMatch[]> {
  const names = queryNamesOf(name, options.aliases);
  if (!names.some((n) => normalizeName(n))) return [];
  const country = countryCode(options.country ?? null);
  const matches = options.tx
    ? await restoringThreshold(options.tx, () => screenIn(options.tx!, names, country))
    : await db.$transaction((tx) => screenIn(tx, names, country));
  return matches.sort(
    (a, b) =>
      b.score - a.score ||
      a.watchlist.code.localeCompare(b.watchlist.code) ||
      a.entry.name.localeCompare(b.entry.name),
  );
}

/** In a caller's transaction, put the caller's trigram threshold back afterwards. */
async function restoringThreshold<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  const [row] = await tx.$queryRaw<{ value: string | null }[]>`
    SELECT current_setting('pg_trgm.word_similarity_threshold', true) AS value`;
  try {
    return await fn();
  } finally {
    await tx.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${row?.value || '0.6'}, true)`;
  }
}

/**
 * Runs `fn` with plain sequential and index scans discouraged (bitmap scans, and so the trigram GIN
 * index, stay allowed): PostgreSQL prices word_similarity at the default function cost and otherwise
 * computes the similarity for every entry. How submissions ran screenOrganisationSql.
 */
export async function withTrigramIndex<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  const [row] = await tx.$queryRaw<{ seq: string; idx: string }[]>`
    SELECT current_setting('enable_seqscan') AS seq, current_setting('enable_indexscan') AS idx`;
  await tx.$queryRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`;
  try {
    return await fn();
  } finally {
    await tx.$queryRaw`SELECT set_config('enable_seqscan', ${row?.seq ?? 'on'}, true), set_config('enable_indexscan', ${row?.idx ?? 'on'}, true)`;
  }
}
