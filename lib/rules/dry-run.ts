// Dry run of a DRAFT ruleset version against the version in force, over the latest submitted version of
// every disclosure in the cycles with a given code (each institution has its own "FY2026"). Nothing is
// written: organisations are not screened again, the matches recorded so far are used. For each rule
// (matched across the two versions by code): how many disclosures it would newly fire on, stop firing
// on, or fire on as before, with up to five examples each. Examples name the disclosure, its
// institution and the items, never the researcher.
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { recordAuditNow } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { evaluateRules, type CompiledRule, type FindingDraft } from './evaluate';
import { compiled, rulesInForce, RULE_SELECT } from './in-force';
import { loadViews } from './load';
import type { Origin } from './rulesets';

const EXAMPLES = 5;
const CHUNK = 200;

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

export async function dryRun(actor: Actor, input: { versionId: string; cycleCode: string }, origin: Origin): Promise<DryRunResult> {
  const draft = await db.rulesetVersion.findUnique({
    where: { id: input.versionId },
    select: { id: true, version: true, status: true, rulesetId: true, rules: { select: RULE_SELECT, orderBy: { code: 'asc' } } },
  });
  if (!draft || draft.status !== 'DRAFT') throw new NotFoundError(`RulesetVersion:${input.versionId}`);
  const inForce = await rulesInForce(db);
  const activeVersion = await db.rulesetVersion.findFirst({
    where: { rulesetId: draft.rulesetId, id: { in: inForce.versionIds } },
    select: { id: true, version: true, rules: { select: RULE_SELECT, orderBy: { code: 'asc' } } },
  });
  const before = compiled(activeVersion?.rules ?? []);
  const after = compiled(draft.rules);

  const disclosures = await db.disclosure.findMany({
    where: { cycle: { code: input.cycleCode }, versions: { some: {} } },
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
  for (let i = 0; i < versionIds.length; i += CHUNK) {
    const views = await loadViews(db, versionIds.slice(i, i + CHUNK));
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
  }

  const result: DryRunResult = {
    cycleCode: input.cycleCode,
    disclosures: versionIds.length,
    draftVersion: draft.version,
    activeVersion: activeVersion?.version ?? null,
    withFindings,
    rules: [...rows.values()],
  };
  await recordAuditNow({
    action: 'rules.dry_run',
    actorId: actor.userId,
    actorEmail: actor.email,
    entityType: 'RulesetVersion',
    entityId: draft.id,
    ...origin,
    details: {
      cycleCode: input.cycleCode,
      disclosures: result.disclosures,
      rules: result.rules.map((r) => ({ code: r.code, newlyFiring: r.newlyFiring, stopped: r.stopped, unchanged: r.unchanged })),
    },
  });
  return result;
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
