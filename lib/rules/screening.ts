// Screens the organisations a submitted version names (its DisclosureOrganisation rows) against every
// watchlist and records the matches per organisation. Recording never resets an officer's decision:
// a CONFIRMED match stays confirmed, a DISMISSED one stays dismissed (lib/watchlists/record-matches).
import 'server-only';
import type { Tx } from '@/lib/db/client';
import { listOrganisations } from '@/lib/disclosures/organisations';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import { organisationKeyOf, recordMatches } from '@/lib/watchlists/record-matches';
import { screenOrganisation, type ScreeningMatch } from '@/lib/watchlists/screen';

interface Candidate {
  key: string;
  name: string;
  aliases: string[];
  country: string | null;
}

// Screening results are cached in the process by the organisation's names and country, under a stamp
// of the watchlists (their number, last import and the day, as entries may be listed until a date):
// most submissions name organisations that others have named before, and any import, in any process,
// changes the stamp. The decisions are never cached: recordMatches reads and keeps them.
const CACHE_SIZE = 5000;
const g = globalThis as { __kaijiScreenCache?: { stamp: string; entries: Map<string, ScreeningMatch[]> } };

async function watchlistStamp(tx: Tx): Promise<string> {
  const [row] = await tx.$queryRaw<{ n: number; at: Date | null; up: Date | null }[]>`
    SELECT count(*)::int AS n, max("importedAt") AS at, max("updatedAt") AS up FROM "Watchlist"`;
  return [row?.n ?? 0, row?.at?.toISOString() ?? '', row?.up?.toISOString() ?? '', new Date().toISOString().slice(0, 10)].join('|');
}

async function screenCached(tx: Tx, stamp: string, c: Candidate): Promise<ScreeningMatch[]> {
  if (g.__kaijiScreenCache?.stamp !== stamp) g.__kaijiScreenCache = { stamp, entries: new Map() };
  const cache = g.__kaijiScreenCache.entries;
  const key = JSON.stringify([c.name, c.aliases, c.country]);
  const hit = cache.get(key);
  if (hit) return hit;
  const matches = await screenOrganisation(c.name, { country: c.country, aliases: c.aliases, tx });
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, matches);
  return matches;
}

/** Screens each distinct organisation of the version once; returns how many matches were recorded. */
export async function screenVersion(tx: Tx, versionId: string, content: DisclosureContent): Promise<number> {
  const rows = await tx.disclosureOrganisation.findMany({
    where: { versionId },
    select: { itemRef: true, entityId: true, name: true, country: true },
  });
  if (!rows.length) return 0;
  const local = new Map(listOrganisations(content).map((m) => [m.itemRef as string, m.nameLocal]));
  const entityIds = [...new Set(rows.map((r) => r.entityId).filter((id): id is string => !!id))];
  const entities = entityIds.length
    ? await tx.foreignEntity.findMany({
        where: { id: { in: entityIds } },
        select: { id: true, nameEn: true, nameJa: true, nameZh: true, aliases: true, country: true },
      })
    : [];
  const entityById = new Map(entities.map((e) => [e.id, e]));

  const byKey = new Map<string, Candidate>();
  for (const row of rows) {
    const key = organisationKeyOf(row);
    const entity = row.entityId ? entityById.get(row.entityId) : undefined;
    const names = [
      entity?.nameEn,
      row.name,
      local.get(row.itemRef),
      entity?.nameJa,
      entity?.nameZh,
      ...(entity?.aliases ?? []),
    ].filter((n): n is string => !!n && n.trim() !== '');
    const [name, ...aliases] = [...new Set(names)];
    if (!name) continue;
    const known = byKey.get(key);
    if (known) {
      for (const a of [name, ...aliases]) if (a !== known.name && !known.aliases.includes(a)) known.aliases.push(a);
      continue;
    }
    byKey.set(key, { key, name, aliases, country: row.country?.trim() || entity?.country.trim() || null });
  }

  const stamp = await watchlistStamp(tx);
  return withTrigramIndex(tx, async () => {
    let recorded = 0;
    for (const c of byKey.values()) {
      const matches = await screenCached(tx, stamp, c);
      if (!matches.length) continue;
      recorded += (await recordMatches(tx, c.key, c.name, matches)).length;
    }
    return recorded;
  });
}

/**
 * Runs `fn` with plain sequential and index scans discouraged (bitmap scans, and so the trigram GIN
 * index, stay allowed), then restores the caller's settings. PostgreSQL prices word_similarity at the
 * default function cost, so for the candidate query of screen.ts (which groups by entry id) it picks a
 * sequential or primary-key scan that computes the similarity for every entry: about 100–180 ms per
 * name on 10,000 entries, against 10–55 ms through the trigram index (bench/rules-bench.ts measures
 * both). Screening runs inside the submission request, so the index is preferred here. The lasting
 * fix is a migration raising the COST of pg_trgm's word-similarity functions (see lib/rules/README.md).
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
