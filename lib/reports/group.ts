// The GROUP watchlist a talent-grants report counts against (the SASTIND universities by default):
// its active entries and the comparison keys of their names (lib/watchlists/normalize), so a disclosed
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
}

export async function loadGroup(code?: string): Promise<GroupSpec> {
  const wanted = code ?? (await defaultGroupWatchlist());
  const list = await db.watchlist.findFirst({
    where: { code: wanted, kind: 'GROUP' },
    select: {
      code: true,
      nameEn: true,
      nameJa: true,
      isSample: true,
      entries: { where: { retiredAt: null }, select: { id: true, name: true, nameJa: true, aliases: true }, orderBy: { reference: 'asc' } },
    },
  });
  if (!list) return { code: wanted, found: false, nameEn: wanted, nameJa: wanted, isSample: false, entries: [], pairIds: [], pairKeys: [] };
  const pairIds: string[] = [];
  const pairKeys: string[] = [];
  for (const e of list.entries) {
    for (const k of entryKeys(e)) {
      if (k.acronym) continue;
      pairIds.push(e.id);
      pairKeys.push(k.key);
    }
  }
  return {
    code: list.code,
    found: true,
    nameEn: list.nameEn,
    nameJa: list.nameJa,
    isSample: list.isSample,
    entries: list.entries.map(({ id, name, nameJa }) => ({ id, name, nameJa })),
    pairIds,
    pairKeys,
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
