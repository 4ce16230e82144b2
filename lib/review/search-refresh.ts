// Keeps Disclosure.searchText true when a name behind it changes after submission: a researcher's names
// (roster import) or a registry organisation's names and aliases. The text is rebuilt from the last
// submitted version with the same builder as at submission (disclosureSearchTexts), and written by one
// set-based UPDATE per batch. A change touching few disclosures refreshes them in its own transaction,
// so the queue finds the new name as soon as the change commits; a wider one (an organisation named by
// thousands) queues the background task `review.search_text.refresh`, created in the same transaction.
// The builder itself and the cross-language aliases change only with a release: the workers compare
// their stamp with the one stored at start (ensureSearchKeysCurrent) and rebuild every text once.
import 'server-only';
import { createHash } from 'node:crypto';
import type { Tx } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import { listOrganisations } from '@/lib/disclosures/organisations';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TaskContext } from '@/lib/jobs/tasks';
import { createTask } from '@/lib/jobs/tasks';
import { CROSS_LANGUAGE_ALIASES } from '@/lib/watchlists/cross-language-aliases';
import { disclosureSearchTexts } from './search-keys';

export const SEARCH_REFRESH_TASK = 'review.search_text.refresh';

/** At most this many disclosures are refreshed inside the change's own transaction. */
export const SEARCH_REFRESH_INLINE_LIMIT = 500;
const BATCH = 500;

/** Whose names changed: researchers (User ids) and registry organisations (ForeignEntity ids), or all. */
export interface SearchRefreshScope {
  researcherIds?: string[];
  entityIds?: string[];
  all?: boolean;
}

type Client = Pick<Tx, '$queryRaw' | '$executeRaw' | 'user' | 'foreignEntity'>;

/** The submitted disclosures whose search text the scope's names feed, by id after `after`. */
async function affected(tx: Client, scope: SearchRefreshScope, limit: number, after = '00000000-0000-0000-0000-000000000000'): Promise<string[]> {
  const researcherIds = scope.researcherIds ?? [];
  const entityIds = scope.entityIds ?? [];
  if (scope.all) {
    const all = await tx.$queryRaw<{ id: string }[]>`
      SELECT d.id FROM "Disclosure" d WHERE d."lastSubmittedAt" IS NOT NULL AND d.id > ${after}::uuid ORDER BY d.id LIMIT ${limit}`;
    return all.map((r) => r.id);
  }
  if (!researcherIds.length && !entityIds.length) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT d.id FROM "Disclosure" d
    WHERE d."lastSubmittedAt" IS NOT NULL AND d.id > ${after}::uuid
      AND (d."researcherId" = ANY(${researcherIds}::uuid[])
        OR EXISTS (SELECT 1 FROM "DisclosureOrganisation" o WHERE o."disclosureId" = d.id AND o."entityId" = ANY(${entityIds}::uuid[])))
    ORDER BY d.id
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * Rebuilds the search text of these disclosures from their last submitted version; returns how many
 * changed. The UPDATE keeps only a text built from the version still last: a submission committing in
 * between (which writes its own text) moves lastSubmittedAt, and the row is then left to it.
 */
export async function rebuildSearchText(tx: Client, disclosureIds: readonly string[]): Promise<number> {
  if (!disclosureIds.length) return 0;
  const versions = await tx.$queryRaw<{ disclosureId: string; researcherId: string; lastSubmittedAt: Date; content: DisclosureContent }[]>`
    SELECT DISTINCT ON (v."disclosureId") v."disclosureId", d."researcherId", d."lastSubmittedAt", v.content
    FROM "DisclosureVersion" v JOIN "Disclosure" d ON d.id = v."disclosureId"
    WHERE v."disclosureId" = ANY(${[...disclosureIds]}::uuid[]) AND d."lastSubmittedAt" IS NOT NULL
    ORDER BY v."disclosureId", v.number DESC`;
  if (!versions.length) return 0;
  const texts = await disclosureSearchTexts(
    tx,
    versions.map((v) => ({
      researcherId: v.researcherId,
      researcherNames: [v.content.profile?.nameKanji, v.content.profile?.nameKana, v.content.profile?.nameRomaji],
      organisations: listOrganisations(v.content),
    })),
  );
  return tx.$executeRaw`
    UPDATE "Disclosure" d SET "searchText" = x.text
    FROM unnest(${versions.map((v) => v.disclosureId)}::uuid[], ${texts}::text[], ${versions.map((v) => v.lastSubmittedAt)}::timestamptz[]) AS x(id, text, submitted)
    WHERE d.id = x.id AND d."lastSubmittedAt" = x.submitted AND d."searchText" IS DISTINCT FROM x.text`;
}

/**
 * Call in the transaction that changed the names. Refreshes the affected disclosures at once when they
 * are few (returns how many changed), else queues the task (returns its id).
 */
export async function refreshSearchText(
  tx: Tx,
  scope: SearchRefreshScope,
  o: { requestedById: string | null; inlineLimit?: number },
): Promise<{ refreshed: number } | { taskId: string }> {
  const limit = o.inlineLimit ?? SEARCH_REFRESH_INLINE_LIMIT;
  const ids = await affected(tx, scope, limit + 1);
  if (!ids.length) return { refreshed: 0 };
  if (ids.length <= limit) return { refreshed: await rebuildSearchText(tx, ids) };
  const params: Record<string, unknown> = { researcherIds: scope.researcherIds ?? [], entityIds: scope.entityIds ?? [] };
  return { taskId: await createTask(tx, { kind: SEARCH_REFRESH_TASK, params, requestedById: o.requestedById }) };
}

function idsParam(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The task: every affected disclosure in batches, each batch its own short transaction. */
export async function runSearchRefresh(ctx: TaskContext): Promise<Prisma.InputJsonValue> {
  const scope = { researcherIds: idsParam(ctx.params.researcherIds), entityIds: idsParam(ctx.params.entityIds), all: ctx.params.all === true };
  let after: string | undefined;
  let seen = 0;
  let changed = 0;
  for (;;) {
    const ids = await affected(db, scope, BATCH, after);
    if (!ids.length) break;
    changed += await db.$transaction((tx) => rebuildSearchText(tx, ids));
    seen += ids.length;
    after = ids[ids.length - 1];
    await ctx.progress(seen);
  }
  return { disclosures: seen, changed };
}

/**
 * Bump when the keys are built differently (search-keys.ts, or the normalisation it uses): every
 * stored text is then rebuilt once. Changes to the cross-language aliases are noticed on their own.
 */
export const SEARCH_KEYS_VERSION = 1;
const STAMP_KEY = 'review.searchKeysStamp';
const STAMP_LOCK = 7_204_311_201;

/** What the stored texts were built with: the builder's version and the cross-language aliases. */
export function searchKeysStamp(): string {
  return createHash('sha256').update(JSON.stringify([SEARCH_KEYS_VERSION, CROSS_LANGUAGE_ALIASES])).digest('hex');
}

/**
 * Called as the workers start: when the stored texts were built by another release's builder or
 * aliases, queues one rebuild of all of them (returns its task id). Several processes starting at once
 * queue it once (advisory lock, then the stamp is compared and written in the same transaction).
 */
export async function ensureSearchKeysCurrent(stamp = searchKeysStamp()): Promise<string | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STAMP_LOCK}::bigint)`;
    const row = await tx.setting.findUnique({ where: { key: STAMP_KEY }, select: { value: true } });
    if (row?.value === stamp) return null;
    await tx.setting.upsert({ where: { key: STAMP_KEY }, create: { key: STAMP_KEY, value: stamp }, update: { value: stamp } });
    return createTask(tx, { kind: SEARCH_REFRESH_TASK, params: { all: true }, requestedById: null });
  });
}
