// Background re-evaluation (task kind `rules.reevaluate`): after a ruleset version is activated, a
// watchlist imported or domestic grants imported, the latest submitted version of every disclosure (of
// one cycle, if given) is checked again. Each disclosure is its own transaction under its row lock, so
// a submission in between is never overwritten; findings that no longer fire are superseded, not
// deleted. After a watchlist import the organisations are screened again first. Progress is on the
// BackgroundTask row the administrator watches.
import 'server-only';
import type { Tx } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import { enqueue } from '@/lib/jobs/boss';
import type { TaskContext } from '@/lib/jobs/tasks';
import { createTask } from '@/lib/jobs/tasks';
import { recheckDisclosure } from './check';
import { rulesInForce } from './in-force';

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

const PROGRESS_EVERY = 10;

export async function runReevaluation(ctx: Pick<TaskContext, 'params' | 'progress'>) {
  const params = ctx.params as Partial<ReevaluationParams>;
  const screen = params.screen === true;
  const ids = (
    await db.disclosure.findMany({
      where: { versions: { some: {} }, ...(typeof params.cycleId === 'string' ? { cycleId: params.cycleId } : {}) },
      orderBy: { id: 'asc' },
      select: { id: true },
    })
  ).map((d) => d.id);
  await ctx.progress(0, ids.length);
  const rules = await rulesInForce(db);
  const totals = { disclosures: ids.length, changed: 0, added: 0, superseded: 0 };
  for (const [i, id] of ids.entries()) {
    const r = await db.$transaction((tx) => recheckDisclosure(tx, id, { screen, rules }), { timeout: 60_000 });
    if (r) {
      totals.added += r.added;
      totals.superseded += r.superseded;
      if (r.added || r.superseded) totals.changed++;
    }
    if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === ids.length) await ctx.progress(i + 1, ids.length);
  }
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
