// Watchlists for system administrators: the lists with their source, edition and entry counts, an
// entries browser, and importing a new edition (or a new list) from CSV. An import is audited and,
// when it changed anything, queues a background re-screening and re-evaluation of the submitted
// disclosures in the same transaction. Callers authorise (lib/rules/system-admin.ts).
import 'server-only';
import { ActionError, NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { enqueueRescreen } from './rescreen';
import type { ImportWatchlistFormInput } from './admin-schema';
import { importWatchlist, WatchlistImportError } from './import';
import { WatchlistFormatError } from './layouts/types';
import { normalizeName } from './normalize';

export type Origin = { ip: string | null; userAgent: string | null };

export async function listWatchlists() {
  const [lists, counts] = await Promise.all([
    db.watchlist.findMany({
      orderBy: [{ kind: 'asc' }, { code: 'asc' }],
      select: {
        id: true,
        code: true,
        kind: true,
        nameJa: true,
        nameEn: true,
        source: true,
        sourceUrl: true,
        editionDate: true,
        isSample: true,
        importedAt: true,
      },
    }),
    db.$queryRaw<{ watchlistId: string; active: number; retired: number }[]>`
      SELECT "watchlistId", count(*) FILTER (WHERE "retiredAt" IS NULL OR "retiredAt" > now())::int AS active,
             count(*) FILTER (WHERE "retiredAt" IS NOT NULL AND "retiredAt" <= now())::int AS retired
      FROM "WatchlistEntry" GROUP BY "watchlistId"`,
  ]);
  const byList = new Map(counts.map((c) => [c.watchlistId, c]));
  return lists.map((l) => ({ ...l, active: byList.get(l.id)?.active ?? 0, retired: byList.get(l.id)?.retired ?? 0 }));
}

const PAGE = 50;

export async function watchlistByCode(code: string, o: { q?: string; page?: number; retired?: boolean } = {}) {
  const list = await db.watchlist.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      kind: true,
      nameJa: true,
      nameEn: true,
      source: true,
      sourceUrl: true,
      editionDate: true,
      isSample: true,
      importedAt: true,
      imports: {
        orderBy: { createdAt: 'desc' },
        take: 10,
        select: { id: true, fileName: true, layout: true, editionDate: true, added: true, updated: true, retired: true, rejected: true, createdAt: true },
      },
    },
  });
  if (!list) return null;
  const q = o.q?.trim() ?? '';
  const key = q ? normalizeName(q) : '';
  const where: Prisma.WatchlistEntryWhereInput = {
    watchlistId: list.id,
    ...(o.retired ? {} : { OR: [{ retiredAt: null }, { retiredAt: { gt: new Date() } }] }),
    ...(q
      ? {
          AND: [
            {
              OR: [
                { name: { contains: q, mode: 'insensitive' } },
                { nameJa: { contains: q } },
                { reference: { equals: q } },
                ...(key ? [{ searchText: { contains: key } }] : []),
              ],
            },
          ],
        }
      : {}),
  };
  const page = Math.max(1, o.page ?? 1);
  const [total, entries] = await Promise.all([
    db.watchlistEntry.count({ where }),
    db.watchlistEntry.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * PAGE,
      take: PAGE,
      select: { id: true, reference: true, name: true, nameJa: true, aliases: true, country: true, concern: true, retiredAt: true },
    }),
  ]);
  return { list, entries, total, page, pages: Math.max(1, Math.ceil(total / PAGE)) };
}

export async function importWatchlistFile(actor: Actor, input: ImportWatchlistFormInput, origin: Origin) {
  const editionDate = new Date(`${input.editionDate}T00:00:00Z`);
  return db.$transaction(
    async (tx) => {
      if (input.target === 'existing') {
        const found = await tx.watchlist.findUnique({ where: { id: input.watchlistId! }, select: { id: true } });
        if (!found) throw new NotFoundError(`Watchlist:${input.watchlistId}`);
      } else if (await tx.watchlist.findUnique({ where: { code: input.code!.trim() }, select: { id: true } })) {
        throw new ActionError('errors.invalidInput', { code: ['watchlists.errors.codeTaken'] });
      }
      let result;
      try {
        result = await importWatchlist(tx, {
          ...(input.target === 'existing'
            ? { watchlistId: input.watchlistId! }
            : {
                create: {
                  code: input.code!.trim(),
                  kind: input.kind ?? 'WATCHLIST',
                  nameJa: input.nameJa!.trim(),
                  nameEn: input.nameEn!.trim(),
                  source: input.source!.trim(),
                  sourceUrl: input.sourceUrl?.trim() || null,
                },
              }),
          fileName: input.fileName,
          csvText: input.csvText,
          editionDate,
          actorId: actor.userId,
          isSample: input.isSample,
        });
      } catch (err) {
        if (err instanceof WatchlistFormatError || err instanceof WatchlistImportError) {
          throw new ActionError(err instanceof WatchlistFormatError ? 'watchlists.errors.format' : 'watchlists.errors.older', undefined, { message: err.message });
        }
        throw err;
      }
      const list = await tx.watchlist.findUniqueOrThrow({ where: { id: result.watchlistId }, select: { code: true } });
      const changed = result.added + result.updated + result.retired > 0;
      const taskId = changed
        ? await enqueueRescreen(tx, { reason: 'watchlist.imported', requestedById: actor.userId })
        : null;
      await recordAudit(tx, {
        action: 'watchlists.imported',
        actorId: actor.userId,
        actorEmail: actor.email,
        entityType: 'Watchlist',
        entityId: result.watchlistId,
        ...origin,
        details: {
          code: list.code,
          fileName: input.fileName,
          layout: result.layout,
          editionDate: input.editionDate,
          isSample: input.isSample,
          added: result.added,
          updated: result.updated,
          retired: result.retired,
          unchanged: result.unchanged,
          rejected: result.rejected.length,
          taskId,
        },
      });
      return {
        code: list.code,
        layout: result.layout,
        added: result.added,
        updated: result.updated,
        relisted: result.relisted,
        retired: result.retired,
        unchanged: result.unchanged,
        rejectedCount: result.rejected.length,
        rejected: result.rejected.slice(0, 200),
        taskId,
      };
    },
    { timeout: 120_000 },
  );
}
