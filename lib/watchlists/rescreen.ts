// Re-screening the registry after a list import or edit (task kind `watchlists.rescreen`): every
// distinct organisation ever disclosed — one per organisation key (lib/watchlists/record-matches.ts),
// not one per disclosure — is screened once against the compiled index of the new revision, its
// matches are written in bulk, the disclosures' pending counts are recounted in one statement, and the
// rules are then re-evaluated without screening again (lib/rules/reevaluate.ts).
//
// Decisions are never touched: they are MatchDecision rows (per institution) pointing at EntityMatch,
// and a match is only ever inserted or updated (score, matched names), never deleted — a match whose
// entry was retired stays, with its decisions, and simply stops counting as pending.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db, type Tx } from '@/lib/db/client';
import type { TaskContext } from '@/lib/jobs/tasks';
import { createTask } from '@/lib/jobs/tasks';
import { PENDING_COUNT_SQL } from '@/lib/review/pending-count';
import { ORGANISATION_KEY_SQL } from '@/lib/review/queue-query';
import { enqueueReevaluation } from '@/lib/rules/reevaluate';
import { countryCode } from './countries';
import { queryNamesOf, screenWithIndex } from './screen';
import { screeningIndex } from './screening-cache';

export const RESCREEN_TASK = 'watchlists.rescreen';

/** Matches written per INSERT … ON CONFLICT statement. */
const WRITE_BATCH = 5_000;
const PROGRESS_EVERY = 5_000;

export interface RegistryOrganisation {
  key: string;
  /** The disclosed spellings, then the registry entity's names. */
  names: string[];
  country: string | null;
}

/** Queues a re-screen in the caller's transaction (it runs only if the import commits). */
export async function enqueueRescreen(tx: Tx, o: { reason: string; requestedById: string | null }): Promise<string> {
  return createTask(tx, { kind: RESCREEN_TASK, params: { reason: o.reason }, requestedById: o.requestedById });
}

/** Every distinct organisation of the registry, with all the names it was disclosed under. */
export async function registryOrganisations(tx: Pick<Tx, '$queryRaw'> = db): Promise<RegistryOrganisation[]> {
  const rows = await tx.$queryRaw<
    { key: string; names: string[]; country: string | null; nameEn: string | null; nameJa: string | null; nameZh: string | null; aliases: string[] | null; entityCountry: string | null }[]
  >(Prisma.sql`
    SELECT g.key, g.names, g.country, e."nameEn", e."nameJa", e."nameZh", e.aliases, e.country AS "entityCountry"
    FROM (
      SELECT ${ORGANISATION_KEY_SQL} AS key, (array_agg(o."entityId") FILTER (WHERE o."entityId" IS NOT NULL))[1] AS "entityId",
             array_agg(DISTINCT o.name) AS names, max(o.country) AS country
      FROM "DisclosureOrganisation" o
      GROUP BY 1
    ) g
    LEFT JOIN "ForeignEntity" e ON e.id = g."entityId"`);
  return rows.map((r) => {
    const names = [r.nameEn, ...r.names, r.nameJa, r.nameZh, ...(r.aliases ?? [])].filter((n): n is string => !!n && n.trim() !== '');
    return { key: r.key, names: [...new Set(names)], country: r.country?.trim() || r.entityCountry?.trim() || null };
  });
}

interface MatchRow {
  key: string;
  name: string;
  entryId: string;
  score: number;
  matchedNames: string[];
}

/** Inserts new matches and refreshes changed ones; returns how many were new. Decisions untouched. */
async function writeMatches(tx: Pick<Tx, '$queryRaw'>, rows: readonly MatchRow[]): Promise<{ created: number; updated: number }> {
  if (!rows.length) return { created: 0, updated: 0 };
  const result = await tx.$queryRaw<{ created: boolean }[]>(Prisma.sql`
    INSERT INTO "EntityMatch" ("organisationKey", "organisationName", "watchlistEntryId", score, "matchedNames")
    SELECT t.k, t.n, t.e, t.s, ARRAY(SELECT jsonb_array_elements_text(t.j))
    FROM unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.entryId)}::uuid[],
                ${rows.map((r) => r.score)}::float8[], ${rows.map((r) => JSON.stringify(r.matchedNames))}::jsonb[]) AS t(k, n, e, s, j)
    ON CONFLICT ("organisationKey", "watchlistEntryId") DO UPDATE
      SET score = EXCLUDED.score, "matchedNames" = EXCLUDED."matchedNames", "organisationName" = EXCLUDED."organisationName"
      WHERE ("EntityMatch".score, "EntityMatch"."matchedNames", "EntityMatch"."organisationName")
            IS DISTINCT FROM (EXCLUDED.score, EXCLUDED."matchedNames", EXCLUDED."organisationName")
    RETURNING (xmax = 0) AS created`);
  const created = result.filter((r) => r.created).length;
  return { created, updated: result.length - created };
}

/** Recounts Disclosure.pendingMatches of every disclosure in one statement; returns how many changed. */
export async function recountAllPendingMatches(tx: Pick<Tx, '$executeRaw'> = db): Promise<number> {
  return tx.$executeRaw(Prisma.sql`
    UPDATE "Disclosure" d SET "pendingMatches" = sub.n, "updatedAt" = now()
    FROM (SELECT x.id, (${PENDING_COUNT_SQL})::int AS n FROM "Disclosure" x) sub
    WHERE d.id = sub.id AND d."pendingMatches" <> sub.n`);
}

export interface RescreenResult {
  organisations: number;
  matched: number;
  created: number;
  updated: number;
  pendingChanged: number;
  /** Active entries screened against. */
  entries: number;
}

/**
 * Screens the whole registry once against the current list revision. `progress` is the task's
 * (organisations done of the total).
 */
export async function rescreenRegistry(progress: (done: number, total: number) => Promise<void> = async () => {}): Promise<RescreenResult> {
  const index = await screeningIndex(db);
  const organisations = await registryOrganisations(db);
  await progress(0, organisations.length);
  const totals = { organisations: organisations.length, matched: 0, created: 0, updated: 0 };
  let pending: MatchRow[] = [];
  const flush = async () => {
    const { created, updated } = await writeMatches(db, pending);
    totals.created += created;
    totals.updated += updated;
    pending = [];
  };
  const at = new Date();
  for (const [i, org] of organisations.entries()) {
    const [name, ...aliases] = org.names;
    if (name) {
      const matches = screenWithIndex(index, queryNamesOf(name, aliases), countryCode(org.country), at);
      if (matches.length) totals.matched++;
      for (const m of matches) pending.push({ key: org.key, name, entryId: m.entryId, score: m.score, matchedNames: m.matchedNames });
    }
    if (pending.length >= WRITE_BATCH) await flush();
    if ((i + 1) % PROGRESS_EVERY === 0) await progress(i + 1, organisations.length);
  }
  await flush();
  const pendingChanged = await recountAllPendingMatches(db);
  await progress(organisations.length, organisations.length);
  return { ...totals, pendingChanged, entries: index.size };
}

/** The task handler: re-screen, then queue the rules' re-evaluation (findings name the matches). */
export async function runRescreen(ctx: Pick<TaskContext, 'params' | 'progress' | 'requestedById'>) {
  const result = await rescreenRegistry((done, total) => ctx.progress(done, total));
  const reevaluationTaskId = await db.$transaction((tx) =>
    enqueueReevaluation(tx, { reason: 'watchlist.imported', screen: false, requestedById: ctx.requestedById }),
  );
  return { reason: typeof ctx.params.reason === 'string' ? ctx.params.reason : 'manual', ...result, reevaluationTaskId };
}
