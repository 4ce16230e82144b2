import 'server-only';
import type { Tx } from '@/lib/db/client';
import type { Prisma, WatchlistKind } from '@/lib/generated/prisma/client';
import { parseWatchlistCsv } from './layouts/detect';
import { WatchlistFormatError, type LayoutId, type ParsedEntry, type RejectedRow } from './layouts/types';
import { searchTextOf } from './normalize';

// Imports one edition of a watchlist. Entries are matched to the stored ones by reference; nothing is
// ever deleted (matches and decisions point at entries): an entry missing from the new edition is
// retired, one that comes back is un-retired. Importing the same file twice changes nothing.
//
// Authorisation is the caller's: this runs inside the action that checked the actor may manage lists.

export interface NewWatchlist {
  code: string;
  kind?: WatchlistKind;
  nameJa: string;
  nameEn: string;
  source: string;
  sourceUrl?: string | null;
}

export type ImportTarget = { watchlistId: string; create?: never } | { create: NewWatchlist; watchlistId?: never };

export type ImportWatchlistInput = ImportTarget & {
  fileName: string;
  csvText: string;
  /** Date of the edition (publication date of the list or of the copy). */
  editionDate: Date | null;
  actorId: string | null;
  /** Samples of public lists are marked; the UI never presents them as complete or current. */
  isSample: boolean;
};

export interface ImportWatchlistResult {
  watchlistId: string;
  importId: string;
  layout: LayoutId;
  added: number;
  /** Entries whose names, country, concern or source data changed, or that were re-listed. */
  updated: number;
  /** Of `updated`: entries that had been retired and are listed again. */
  relisted: number;
  retired: number;
  unchanged: number;
  rejected: RejectedRow[];
}

export class WatchlistImportError extends Error {
  override name = 'WatchlistImportError';
}

const ENTRY_SELECT = {
  id: true,
  reference: true,
  name: true,
  nameJa: true,
  aliases: true,
  country: true,
  concern: true,
  searchText: true,
  raw: true,
  listedAt: true,
  retiredAt: true,
} as const;

type StoredEntry = Prisma.WatchlistEntryGetPayload<{ select: typeof ENTRY_SELECT }>;

/** JSON with keys sorted, so that jsonb's key order does not count as a change. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function entryData(e: ParsedEntry) {
  return {
    name: e.name,
    nameJa: e.nameJa,
    aliases: e.aliases,
    country: e.country,
    concern: e.concern,
    searchText: searchTextOf(e),
    raw: e.raw as Prisma.InputJsonObject,
  };
}

function contentChanged(stored: StoredEntry, next: ReturnType<typeof entryData>): boolean {
  return (
    stored.name !== next.name ||
    stored.nameJa !== next.nameJa ||
    stored.country !== next.country ||
    stored.concern !== next.concern ||
    stored.searchText !== next.searchText ||
    stored.aliases.length !== next.aliases.length ||
    stored.aliases.some((a, i) => a !== next.aliases[i]) ||
    canonicalJson(stored.raw) !== canonicalJson(next.raw)
  );
}

async function resolveWatchlist(tx: Tx, input: ImportWatchlistInput) {
  if (input.watchlistId) {
    const found = await tx.watchlist.findUnique({
      where: { id: input.watchlistId },
      select: { id: true, editionDate: true },
    });
    if (!found) throw new WatchlistImportError('Watchlist not found.');
    return found;
  }
  const c = input.create!;
  const meta = { kind: c.kind ?? 'WATCHLIST', nameJa: c.nameJa, nameEn: c.nameEn, source: c.source, sourceUrl: c.sourceUrl ?? null };
  return tx.watchlist.upsert({
    where: { code: c.code },
    create: { code: c.code, ...meta, isSample: input.isSample },
    update: meta,
    select: { id: true, editionDate: true },
  });
}

export async function importWatchlist(tx: Tx, input: ImportWatchlistInput): Promise<ImportWatchlistResult> {
  const parsed = parseWatchlistCsv(input.csvText);
  // A file in which nothing could be read would retire the whole list: refuse it instead.
  if (parsed.entries.length === 0) {
    throw new WatchlistFormatError(
      `No usable entries in ${input.fileName} (${parsed.rejected.length} rows rejected); the list was not changed.`,
    );
  }
  const watchlist = await resolveWatchlist(tx, input);
  if (watchlist.editionDate && input.editionDate && input.editionDate < watchlist.editionDate) {
    throw new WatchlistImportError(
      `The edition of ${input.editionDate.toISOString().slice(0, 10)} is older than the imported one ` +
        `(${watchlist.editionDate.toISOString().slice(0, 10)}); importing it would retire newer entries.`,
    );
  }

  const stored = await tx.watchlistEntry.findMany({ where: { watchlistId: watchlist.id }, select: ENTRY_SELECT });
  const byReference = new Map(stored.map((s) => [s.reference, s]));
  const now = new Date();
  // Membership periods run from the edition that lists an entry to the edition that no longer does.
  const retireAt = input.editionDate ?? now;
  const listAt = input.editionDate ?? now;
  const closedPeriods: Prisma.WatchlistListingPeriodCreateManyInput[] = [];
  let added = 0;
  let updated = 0;
  let relisted = 0;
  let retired = 0;
  let unchanged = 0;

  const toCreate: Prisma.WatchlistEntryCreateManyInput[] = [];
  for (const entry of parsed.entries) {
    const data = entryData(entry);
    const existing = byReference.get(entry.reference);
    byReference.delete(entry.reference);
    if (!existing) {
      toCreate.push({ watchlistId: watchlist.id, reference: entry.reference, ...data, listedAt: listAt, retiredAt: entry.endedAt });
      added++;
      continue;
    }
    const changed = contentChanged(existing, data);
    let retiredAt: Date | null | undefined; // undefined: leave as it is
    if (entry.endedAt && !existing.retiredAt) {
      retiredAt = entry.endedAt;
      retired++;
    } else if (!entry.endedAt && existing.retiredAt) {
      retiredAt = null;
      relisted++;
      // Listed again: the earlier period is kept, and a new one starts with this edition.
      closedPeriods.push({ entryId: existing.id, listedAt: existing.listedAt, removedAt: existing.retiredAt });
    }
    if (changed || retiredAt === null) updated++;
    if (!changed && retiredAt === undefined) {
      unchanged++;
      continue;
    }
    await tx.watchlistEntry.update({
      where: { id: existing.id },
      data: { ...(changed ? data : {}), ...(retiredAt !== undefined ? { retiredAt } : {}), ...(retiredAt === null ? { listedAt: listAt } : {}) },
    });
  }
  if (toCreate.length) await tx.watchlistEntry.createMany({ data: toCreate });
  if (closedPeriods.length) await tx.watchlistListingPeriod.createMany({ data: closedPeriods });

  // Whatever the new edition no longer lists is retired, never deleted.
  const missing = [...byReference.values()].filter((s) => !s.retiredAt).map((s) => s.id);
  if (missing.length) {
    await tx.watchlistEntry.updateMany({ where: { id: { in: missing } }, data: { retiredAt: retireAt } });
    retired += missing.length;
  }

  await tx.watchlist.update({
    where: { id: watchlist.id },
    data: { editionDate: input.editionDate ?? watchlist.editionDate, importedAt: now, isSample: input.isSample },
  });
  const record = await tx.watchlistImport.create({
    data: {
      watchlistId: watchlist.id,
      fileName: input.fileName,
      layout: parsed.layout,
      editionDate: input.editionDate,
      added,
      updated,
      retired,
      rejected: parsed.rejected.length,
      importedById: input.actorId,
    },
    select: { id: true },
  });
  return {
    watchlistId: watchlist.id,
    importId: record.id,
    layout: parsed.layout,
    added,
    updated,
    relisted,
    retired,
    unchanged,
    rejected: parsed.rejected,
  };
}
