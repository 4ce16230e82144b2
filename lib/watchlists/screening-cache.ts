import 'server-only';
import type { Tx } from '@/lib/db/client';
import type { WatchlistKind } from '@/lib/generated/prisma/client';
import { ScreeningIndex, type IndexEntryRow } from './screening-index';

// One compiled ScreeningIndex per process, keyed by the list revision. PostgreSQL is the source of
// truth: triggers bump "WatchlistRevision" in the transaction that changes any list or entry (the
// migration 20261203093633_watchlist_revision). Every screening reads that one row by primary key
// (about 0.1 ms) and recompiles only when it changed, so an import in any process is seen by every
// other at its next screening, and no process holds state another needs.
//
// The stamp is the revision together with the row's xmin (the transaction that last wrote it): a
// transaction that bumped the counter and rolled back leaves a number a later one may reuse, but never
// its transaction id. An index compiled inside an importing transaction is keyed by that transaction's
// id, so it is never taken for the committed state of another.

type Reader = Pick<Tx, '$queryRaw'>;

interface Cached {
  stamp: string;
  index: Promise<ScreeningIndex>;
}

const g = globalThis as { __kaijiScreeningIndex?: Cached };

/** The current list revision stamp: one primary-key read. */
export async function revisionStamp(tx: Reader): Promise<string> {
  const [row] = await tx.$queryRaw<{ revision: string; xmin: string }[]>`
    SELECT revision::text AS revision, xmin::text AS xmin FROM "WatchlistRevision" WHERE id = 1`;
  return row ? `${row.revision}:${row.xmin}` : 'none';
}

interface EntryRow {
  id: string;
  reference: string;
  name: string;
  nameJa: string | null;
  aliases: string[];
  country: string | null;
  concern: string | null;
  retiredAt: Date | null;
  watchlistId: string;
  code: string;
  kind: WatchlistKind;
  watchlistNameEn: string;
  watchlistNameJa: string;
  isSample: boolean;
}

/** The entries still listed now or later (retirement in the future is checked at each screening). */
export async function loadIndexRows(tx: Reader): Promise<IndexEntryRow[]> {
  const rows = await tx.$queryRaw<EntryRow[]>`
    SELECT e.id, e.reference, e.name, e."nameJa", e.aliases, e.country, e.concern, e."retiredAt",
           w.id AS "watchlistId", w.code, w.kind::text AS kind, w."nameEn" AS "watchlistNameEn",
           w."nameJa" AS "watchlistNameJa", w."isSample"
    FROM "WatchlistEntry" e JOIN "Watchlist" w ON w.id = e."watchlistId"
    WHERE e."retiredAt" IS NULL OR e."retiredAt" > now()
    ORDER BY w.code, e.reference`;
  const lists = new Map<string, IndexEntryRow['watchlist']>();
  return rows.map((r) => {
    let watchlist = lists.get(r.watchlistId);
    if (!watchlist) {
      watchlist = { id: r.watchlistId, code: r.code, kind: r.kind, nameEn: r.watchlistNameEn, nameJa: r.watchlistNameJa, isSample: r.isSample };
      lists.set(r.watchlistId, watchlist);
    }
    return {
      id: r.id,
      reference: r.reference,
      name: r.name,
      nameJa: r.nameJa,
      aliases: r.aliases,
      country: r.country?.trim() || null,
      concern: r.concern,
      retiredAt: r.retiredAt,
      watchlist,
    };
  });
}

/** The index of the current revision, compiled on first use after a change. */
export async function screeningIndex(tx: Reader): Promise<ScreeningIndex> {
  const stamp = await revisionStamp(tx);
  const cached = g.__kaijiScreeningIndex;
  if (cached?.stamp === stamp) return cached.index;
  const index = loadIndexRows(tx).then((rows) => new ScreeningIndex(rows));
  g.__kaijiScreeningIndex = { stamp, index };
  try {
    return await index;
  } catch (error) {
    if (g.__kaijiScreeningIndex?.index === index) delete g.__kaijiScreeningIndex;
    throw error;
  }
}
