// Background re-evaluation (task kind `rules.reevaluate`): after a ruleset version is activated, a
// watchlist imported or domestic grants imported, the latest submitted version of every disclosure (of
// one cycle, if given) is checked again. Disclosures are read in batches of consecutive ids, each batch
// one transaction holding its rows' locks (FOR UPDATE), so a submission in between waits and is never
// overwritten; one statement reads the batch, the rules are compiled once per run, the findings are
// written in bulk, only those that change, and two batches are in flight at once (one evaluated here
// while PostgreSQL serves the other). Findings that no longer fire are superseded, not
// deleted. After a watchlist import the organisations are screened again first. Progress is on the
// BackgroundTask row the administrator watches.
import 'server-only';
import type { Tx } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import { enqueue } from '@/lib/jobs/boss';
import type { TaskContext } from '@/lib/jobs/tasks';
import { createTask } from '@/lib/jobs/tasks';
import { evaluateRules } from './evaluate';
import { applyFindingsBatch } from './findings';
import { rulesInForce } from './in-force';
import { loadViews, lockLatestBatch } from './load';
import { screenVersion } from './screening';

export const REEVALUATE_TASK = 'rules.reevaluate';

export type ReevaluationReason = 'rules.activated' | 'watchlist.imported' | 'grants.imported' | 'match.decided' | 'manual';

export interface ReevaluationParams {
  reason: ReevaluationReason;
  cycleId?: string;
  /** Screen organisations again before evaluating (after a watchlist import). */
  screen?: boolean;
}

/**
 * Creates the task in the caller's transaction (it exists only if the change that caused it commits).
 * With `startAfter` (a ruleset version that takes effect later) the job waits until then.
 */
export async function enqueueReevaluation(
  tx: Tx,
  o: ReevaluationParams & { requestedById: string | null; startAfter?: Date },
): Promise<string> {
  const params = { reason: o.reason, ...(o.cycleId ? { cycleId: o.cycleId } : {}), screen: o.screen ?? o.reason === 'watchlist.imported' };
  if (!o.startAfter) return createTask(tx, { kind: REEVALUATE_TASK, params, requestedById: o.requestedById });
  const task = await tx.backgroundTask.create({
    data: { kind: REEVALUATE_TASK, params, requestedById: o.requestedById },
    select: { id: true },
  });
  await enqueue('task.run', { taskId: task.id }, { singletonKey: task.id, startAfter: o.startAfter }, tx);
  return task.id;
}

/** Disclosures per transaction: big enough that per-statement costs vanish, small enough that a
 * submission waiting on one of the batch's row locks waits a fraction of a second. */
export const REEVALUATION_BATCH = 1000;
/** Batches in flight at once: while one is evaluated in this process, PostgreSQL reads or writes the other. */
const LANES = 2;

const SUBMITTED_WHERE = `($1::uuid IS NULL OR d."cycleId" = $1::uuid) AND EXISTS (SELECT 1 FROM "DisclosureVersion" v WHERE v."disclosureId" = d.id)`;

export async function runReevaluation(ctx: Pick<TaskContext, 'params' | 'progress'>, o: { batch?: number } = {}) {
  const params = ctx.params as Partial<ReevaluationParams>;
  const screen = params.screen === true;
  const cycleId = typeof params.cycleId === 'string' ? params.cycleId : undefined;
  const size = o.batch ?? REEVALUATION_BATCH;
  const [{ n: total }] = await db.$queryRawUnsafe<[{ n: number }]>(`SELECT count(*)::int AS n FROM "Disclosure" d WHERE ${SUBMITTED_WHERE}`, cycleId ?? null);
  // The batches as id ranges fixed up front (every size-th id), so that two can be in flight at once.
  // A disclosure submitted meanwhile falls in some range and is read with it; the last range is open.
  const bounds = (
    await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text AS id FROM (SELECT d.id, row_number() OVER (ORDER BY d.id) AS rn FROM "Disclosure" d WHERE ${SUBMITTED_WHERE}) x
       WHERE rn % $2 = 0 ORDER BY id`,
      cycleId ?? null,
      size,
    )
  ).map((r) => r.id);
  const ranges = [...bounds, null].map((through, i) => ({ after: i === 0 ? null : bounds[i - 1]!, through }));
  await ctx.progress(0, total);
  const rules = await rulesInForce(db);
  const totals = { disclosures: 0, changed: 0, added: 0, superseded: 0 };

  const runBatch = (range: { after: string | null; through: string | null }) =>
    db.$transaction(
      async (tx) => {
        const now = new Date();
        const batch = await lockLatestBatch(tx, { ...range, cycleId }, now);
        let views = batch.views;
        if (screen && views.length) {
          for (const v of views) await screenVersion(tx, v.versionId, v.content);
          // The matches changed: the views are read again (the rows stay locked).
          const fresh = await loadViews(tx, views.map((v) => v.versionId), now);
          views = views.map((v) => ({ ...fresh.get(v.versionId)!, before: v.before }));
        }
        const changes = await applyFindingsBatch(
          tx,
          views.map((v) => ({
            disclosureId: v.disclosureId,
            versionId: v.versionId,
            drafts: evaluateRules(rules.rules, v.view),
            pendingMatches: v.pendingMatchIds.size,
            before: v.before,
          })),
          now,
        );
        totals.disclosures += views.length;
        for (const c of changes) {
          totals.added += c.added;
          totals.superseded += c.superseded;
          if (c.added || c.superseded) totals.changed++;
        }
      },
      { timeout: 120_000 },
    );

  let next = 0;
  const lane = async () => {
    while (next < ranges.length) {
      await runBatch(ranges[next++]!);
      await ctx.progress(totals.disclosures, Math.max(total, totals.disclosures));
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, ranges.length) }, lane));
  return { reason: params.reason ?? 'manual', screened: screen, rulesetVersionIds: rules.versionIds, ...totals };
}

/** Recent re-evaluations and the registry re-screens that precede them after a list import. */
export async function recentReevaluations(limit = 5) {
  return db.backgroundTask.findMany({
    where: { kind: { in: [REEVALUATE_TASK, 'watchlists.rescreen'] } },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { id: true, kind: true, status: true, params: true, progressDone: true, progressTotal: true, result: true, error: true, createdAt: true, finishedAt: true },
  });
}
