// Report settings an administrator can change (Setting rows), with their defaults:
// - `reports.publicationMinimum` (integer ≥ 2, default 5): in the "for publication" variant every count
//   from 1 to minimum − 1 is shown as "< minimum", and amounts resting on such a count are withheld;
// - `reports.groupWatchlist` (watchlist code, default the SASTIND sample list): the GROUP watchlist the
//   talent-grants report counts institutions against, unless the report names another.
import 'server-only';
import { db } from '@/lib/db/client';

export const PUBLICATION_MINIMUM_KEY = 'reports.publicationMinimum';
export const GROUP_WATCHLIST_KEY = 'reports.groupWatchlist';
export const DEFAULT_PUBLICATION_MINIMUM = 5;
export const DEFAULT_GROUP_WATCHLIST = 'cn-sastind-seven-sons';

export async function publicationMinimum(): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: PUBLICATION_MINIMUM_KEY }, select: { value: true } });
  const n = Number(row?.value);
  return Number.isInteger(n) && n >= 2 && n <= 1000 ? n : DEFAULT_PUBLICATION_MINIMUM;
}

export async function defaultGroupWatchlist(): Promise<string> {
  const row = await db.setting.findUnique({ where: { key: GROUP_WATCHLIST_KEY }, select: { value: true } });
  return typeof row?.value === 'string' && row.value ? row.value : DEFAULT_GROUP_WATCHLIST;
}
