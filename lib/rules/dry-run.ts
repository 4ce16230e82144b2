// Dry run of a DRAFT ruleset version against the version in force, over the latest submitted version of
// every disclosure in the cycles with a given code (each institution has its own "FY2026"). Nothing is
// written: organisations are not screened again, the matches recorded so far are used. For each rule
// (matched across the two versions by code): how many disclosures it would newly fire on, stop firing
// on, or fire on as before, with up to five examples each. Examples name the disclosure, its
// institution and the items, never the researcher. A national cycle runs as a background task with
// progress (startDryRun / dryRunStatus); its result is the same object, kept on the task.
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { auditByNow } from '@/lib/audit/by';
import { type Origin } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { createTask, type TaskContext } from '@/lib/jobs/tasks';
import { evaluateRules, type CompiledRule, type FindingDraft } from './evaluate';
import { compiled, rulesInForce, RULE_SELECT } from './in-force';
import { loadViews } from './load';

type Who = Pick<Actor, 'userId' | 'email'>;

const EXAMPLES = 5;
const CHUNK = 1000;

export interface DryRunExample {
  disclosureId: string;
  institution: { nameJa: string; nameEn: string };
  itemRefs: string[];
}

export interface DryRunRule {
  code: string;
  titleJa: string;
  titleEn: string;
  /** added: only in the draft; removed: only in force; changed / same: in both. */
  change: 'added' | 'removed' | 'changed' | 'same';
  before: number;
  after: number;
  newlyFiring: number;
  stopped: number;
  unchanged: number;
  /** Disclosures on which the draft rule could not be evaluated (counted in `after` too). */
  errors: number;
  examples: { newlyFiring: DryRunExample[]; stopped: DryRunExample[] };
}

export interface DryRunResult {
  cycleCode: string;
  disclosures: number;
  draftVersion: number;
  activeVersion: number | null;
  withFindings: { before: number; after: number };
  rules: DryRunRule[];
}

function sameRule(a: CompiledRule['def'], b: CompiledRule['def']): boolean {
  const pick = (r: CompiledRule['def']) => JSON.stringify([r.forEach, r.expression, r.severity, r.messageJa, r.messageEn, r.params]);
  return pick(a) === pick(b);
}

type Prepared = Awaited<ReturnType<typeof prepare>>;

/** The draft (a DRAFT, else not found) and the version of its ruleset in force, compiled. */
async function prepare(versionId: string) {
  const draft = await db.rulesetVersion.findUnique({
    where: { id: versionId },
    select: { id: true, version: true, status: true, rulesetId: true, rules: { select: RULE_SELECT, orderBy: { code: 'asc' } } },
  });
  if (!draft || draft.status !== 'DRAFT') throw new NotFoundError(`RulesetVersion:${versionId}`);
  const inForce = await rulesInForce(db);
  const activeVersion = await db.rulesetVersion.findFirst({
    where: { rulesetId: draft.rulesetId, id: { in: inForce.versionIds } },
    select: { id: true, version: true, rules: { select: RULE_SELECT, orderBy: { code: 'asc' } } },
  });
  return { draft, activeVersion, before: compiled(activeVersion?.rules ?? []), after: compiled(draft.rules) };
}

async function compute(p: Prepared, cycleCode: string, progress?: (done: number, total: number) => Promise<void>): Promise<DryRunResult> {
  const { draft, activeVersion, before, after } = p;
  const disclosures = await db.disclosure.findMany({
    where: { cycle: { code: cycleCode }, versions: { some: {} } },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      institution: { select: { nameJa: true, nameEn: true } },
      versions: { orderBy: { number: 'desc' }, take: 1, select: { id: true } },
    },
  });
  const codes = [...new Set([...before, ...after].map((r) => r.def.code))].sort();
  const rows = new Map<string, DryRunRule>();
  for (const code of codes) {
    const b = before.find((r) => r.def.code === code);
    const a = after.find((r) => r.def.code === code);
    const def = (a ?? b)!.def;
    rows.set(code, {
      code,
      titleJa: def.titleJa,
      titleEn: def.titleEn,
      change: !b ? 'added' : !a ? 'removed' : sameRule(a.def, b.def) ? 'same' : 'changed',
      before: 0,
      after: 0,
      newlyFiring: 0,
      stopped: 0,
      unchanged: 0,
      errors: 0,
      examples: { newlyFiring: [], stopped: [] },
    });
  }

  const byCode = (findings: FindingDraft[]) => {
    const m = new Map<string, FindingDraft[]>();
    for (const f of findings) (m.get(f.ruleCode) ?? m.set(f.ruleCode, []).get(f.ruleCode)!).push(f);
    return m;
  };
  const withFindings = { before: 0, after: 0 };
  const info = new Map(disclosures.map((d) => [d.versions[0]!.id, d]));
  const versionIds = [...info.keys()];
  await progress?.(0, versionIds.length);
  for (let i = 0; i < versionIds.length; i += CHUNK) {
    // loadViews runs its statements one after another: a transaction gives them one connection.
    const views = await db.$transaction((tx) => loadViews(tx, versionIds.slice(i, i + CHUNK)));
    for (const loaded of views.values()) {
      const was = byCode(evaluateRules(before, loaded.view));
      const now = byCode(evaluateRules(after, loaded.view));
      if (was.size) withFindings.before++;
      if (now.size) withFindings.after++;
      const d = info.get(loaded.versionId)!;
      for (const row of rows.values()) {
        const w = was.get(row.code);
        const n = now.get(row.code);
        if (w) row.before++;
        if (n) row.after++;
        if (n?.some((f) => 'error' in f.values)) row.errors++;
        const example = (fs: FindingDraft[]): DryRunExample => ({
          disclosureId: d.id,
          institution: d.institution,
          itemRefs: [...new Set(fs.map((f) => f.itemRef).filter((r): r is string => !!r))],
        });
        if (n && !w) {
          row.newlyFiring++;
          if (row.examples.newlyFiring.length < EXAMPLES) row.examples.newlyFiring.push(example(n));
        } else if (w && !n) {
          row.stopped++;
          if (row.examples.stopped.length < EXAMPLES) row.examples.stopped.push(example(w));
        } else if (w && n) row.unchanged++;
      }
    }
    await progress?.(Math.min(i + CHUNK, versionIds.length), versionIds.length);
  }

  const result: DryRunResult = {
    cycleCode,
    disclosures: versionIds.length,
    draftVersion: draft.version,
    activeVersion: activeVersion?.version ?? null,
    withFindings,
    rules: [...rows.values()],
  };
  return result;
}

function auditDryRun(actor: Who, origin: Origin, draftId: string, result: DryRunResult, taskId?: string) {
  return auditByNow(actor, origin, {
    action: 'rules.dry_run',
    entityType: 'RulesetVersion',
    entityId: draftId,
    details: {
      cycleCode: result.cycleCode,
      disclosures: result.disclosures,
      ...(taskId ? { taskId } : {}),
      rules: result.rules.map((r) => ({ code: r.code, newlyFiring: r.newlyFiring, stopped: r.stopped, unchanged: r.unchanged })),
    },
  });
}

/** The dry run, here and now (audited). */
export async function dryRun(actor: Actor, input: { versionId: string; cycleCode: string }, origin: Origin): Promise<DryRunResult> {
  const p = await prepare(input.versionId);
  const result = await compute(p, input.cycleCode);
  await auditDryRun(actor, origin, p.draft.id, result);
  return result;
}

export const DRY_RUN_TASK = 'rules.dry_run';
/** Cycles with more submitted disclosures than this are dry-run in the background, with progress. */
export const DRY_RUN_INLINE_LIMIT = 5_000;

export type DryRunStart = { kind: 'result'; result: DryRunResult } | { kind: 'task'; taskId: string; disclosures: number };

/**
 * What the page asks for: a small cycle's dry run at once, a large one (a national cycle) as a background
 * task (`rules.dry_run`) whose progress and result the page polls with dryRunStatus.
 */
export async function startDryRun(
  actor: Actor,
  input: { versionId: string; cycleCode: string },
  origin: Origin,
  o: { inlineLimit?: number } = {},
): Promise<DryRunStart> {
  await prepare(input.versionId);
  const disclosures = await db.disclosure.count({ where: { cycle: { code: input.cycleCode }, versions: { some: {} } } });
  if (disclosures <= (o.inlineLimit ?? DRY_RUN_INLINE_LIMIT)) return { kind: 'result', result: await dryRun(actor, input, origin) };
  const params = { ...input, actor: { userId: actor.userId, email: actor.email }, origin };
  const taskId = await db.$transaction((tx) => createTask(tx, { kind: DRY_RUN_TASK, params, requestedById: actor.userId }));
  return { kind: 'task', taskId, disclosures };
}

/** The task's work: the same computation with progress, audited for the administrator who asked. */
export async function runDryRunTask(ctx: Pick<TaskContext, 'params' | 'progress' | 'taskId'>): Promise<Prisma.InputJsonValue> {
  const params = ctx.params as { versionId: string; cycleCode: string; actor: Who; origin: Origin };
  const p = await prepare(params.versionId);
  const result = await compute(p, params.cycleCode, ctx.progress);
  await auditDryRun(params.actor, params.origin, p.draft.id, result, ctx.taskId);
  return result as unknown as Prisma.InputJsonValue;
}

export interface DryRunStatus {
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  done: number;
  total: number | null;
  result: DryRunResult | null;
}

/** A background dry run's progress and, once done, its result; only for the administrator who started it. */
export async function dryRunStatus(actor: Actor, taskId: string): Promise<DryRunStatus> {
  const task = await db.backgroundTask.findFirst({
    where: { id: taskId, kind: DRY_RUN_TASK, requestedById: actor.userId },
    select: { status: true, progressDone: true, progressTotal: true, result: true },
  });
  if (!task) throw new NotFoundError(`BackgroundTask:${taskId}`);
  return {
    status: task.status as DryRunStatus['status'],
    done: task.progressDone,
    total: task.progressTotal,
    result: task.status === 'SUCCEEDED' ? (task.result as unknown as DryRunResult) : null,
  };
}

/** Cycle codes to choose from, with how many institutions use each and how many disclosures were submitted. */
export async function cycleChoices() {
  const rows = await db.$queryRaw<{ code: string; fiscalYear: number; institutions: number; submitted: number }[]>`
    SELECT c.code, max(c."fiscalYear")::int AS "fiscalYear", count(DISTINCT c."institutionId")::int AS institutions,
           count(DISTINCT d.id) FILTER (WHERE EXISTS (SELECT 1 FROM "DisclosureVersion" v WHERE v."disclosureId" = d.id))::int AS submitted
    FROM "DisclosureCycle" c LEFT JOIN "Disclosure" d ON d."cycleId" = c.id
    GROUP BY c.code ORDER BY max(c."fiscalYear") DESC, c.code`;
  return rows;
}
