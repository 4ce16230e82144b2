// The GROUP watchlist a talent-grants report counts against (the SASTIND universities by default):
// its active entries (and, for a fiscal year, the entries listed at some time during it) and the comparison keys of their names (lib/watchlists/normalize), so a disclosed
// organisation whose normalised name equals one of them counts even before screening has run.
// Acronym keys ("bit", "hit") are left out: alone they are too ambiguous to count on.
import 'server-only';
import { db } from '@/lib/db/client';
import { entryKeys } from '@/lib/watchlists/normalize';
import { defaultGroupWatchlist } from './settings';

export interface GroupEntry {
  id: string;
  name: string;
  nameJa: string | null;
}

export interface GroupSpec {
  code: string;
  found: boolean;
  nameEn: string;
  nameJa: string;
  isSample: boolean;
  entries: GroupEntry[];
  /** Parallel arrays (entry id, key), one pair per key of each entry, for unnest() in SQL. */
  pairIds: string[];
  pairKeys: string[];
  /**
   * The same for the entries listed at some time during the report's fiscal year (removed since or not;
   * `listed=then`), when loaded for a year.
   */
  then?: { entries: GroupEntry[]; pairIds: string[]; pairKeys: string[] };
}

type EntryRow = GroupEntry & { aliases: string[] };

function pairsOf(entries: readonly EntryRow[]): { pairIds: string[]; pairKeys: string[] } {
  const pairIds: string[] = [];
  const pairKeys: string[] = [];
  for (const e of entries) {
    for (const k of entryKeys(e)) {
      if (k.acronym) continue;
      pairIds.push(e.id);
      pairKeys.push(k.key);
    }
  }
  return { pairIds, pairKeys };
}

/** Start and end of Japanese fiscal year `fy`: 1 April, 00:00 Japan time (UTC+9, no daylight saving). */
export function fiscalYearRange(fy: number): [Date, Date] {
  return [new Date(Date.UTC(fy, 2, 31, 15)), new Date(Date.UTC(fy + 1, 2, 31, 15))];
}

/** The group list by code (default: the Setting); with `fiscalYear`, its membership during that year too. */
export async function loadGroup(code?: string, fiscalYear?: number): Promise<GroupSpec> {
  const wanted = code ?? (await defaultGroupWatchlist());
  const list = await db.watchlist.findFirst({
    where: { code: wanted, kind: 'GROUP' },
    select: {
      id: true,
      code: true,
      nameEn: true,
      nameJa: true,
      isSample: true,
      entries: { where: { retiredAt: null }, select: { id: true, name: true, nameJa: true, aliases: true }, orderBy: { reference: 'asc' } },
    },
  });
  if (!list) return { code: wanted, found: false, nameEn: wanted, nameJa: wanted, isSample: false, entries: [], pairIds: [], pairKeys: [], then: { entries: [], pairIds: [], pairKeys: [] } };
  let then: GroupSpec['then'];
  if (fiscalYear !== undefined) {
    // The same test as predicates.ts's listedDuring: the current period or an earlier one overlaps the year.
    const [start, end] = fiscalYearRange(fiscalYear);
    const entries = await db.watchlistEntry.findMany({
      where: {
        watchlistId: list.id,
        OR: [
          { listedAt: { lt: end }, OR: [{ retiredAt: null }, { retiredAt: { gt: start } }] },
          { periods: { some: { listedAt: { lt: end }, removedAt: { gt: start } } } },
        ],
      },
      select: { id: true, name: true, nameJa: true, aliases: true },
      orderBy: { reference: 'asc' },
    });
    then = { entries: entries.map(({ id, name, nameJa }) => ({ id, name, nameJa })), ...pairsOf(entries) };
  }
  return {
    code: list.code,
    found: true,
    nameEn: list.nameEn,
    nameJa: list.nameJa,
    isSample: list.isSample,
    entries: list.entries.map(({ id, name, nameJa }) => ({ id, name, nameJa })),
    ...pairsOf(list.entries),
    ...(then ? { then } : {}),
  };
}

/** GROUP watchlists to choose from in the report's form. */
export async function groupWatchlists(): Promise<{ code: string; nameEn: string; nameJa: string; isSample: boolean }[]> {
  return db.watchlist.findMany({
    where: { kind: 'GROUP' },
    select: { code: true, nameEn: true, nameJa: true, isSample: true },
    orderBy: { code: 'asc' },
  });
}

/** WATCHLIST-kind lists to choose from in the record filter. */
export async function reportWatchlists(): Promise<{ code: string; nameEn: string; nameJa: string; isSample: boolean }[]> {
  return db.watchlist.findMany({
    where: { kind: 'WATCHLIST' },
    select: { code: true, nameEn: true, nameJa: true, isSample: true },
    orderBy: { code: 'asc' },
  });
}
