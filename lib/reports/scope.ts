// What a report may read, derived from lib/auth/scopes.ts (scopeParts, the same parts the Prisma
// where-clauses are built from) and nothing else: the reports run SQL, so the parts are compiled here
// into a predicate over the Disclosure alias `d`.
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import { type Actor, canActAt, hasRole, institutionsFor } from '@/lib/auth/roles';
import { scopeParts } from '@/lib/auth/scopes';
import { type Sql, and, join, raw, sql } from './sql';

/** audit: an auditor's institutions (the reports UI); review: an officer's (API tokens of role OFFICER). */
export type ReportPurpose = 'audit' | 'review';

export interface ReportScope {
  purposes: ReportPurpose[];
  /** Institutions whose disclosures may be read: 'all', or a list (empty: none). */
  institutions: 'all' | string[];
  /** Predicate over `d` ("Disclosure"). */
  predicate: Sql;
}

/** The scope as a predicate over any institution-id column (cycles, institutions). */
export function scopeOn(scope: Pick<ReportScope, 'institutions'>, column: Sql): Sql {
  if (scope.institutions === 'all') return raw('TRUE');
  if (scope.institutions.length === 0) return raw('FALSE');
  return sql`${column} = ANY(${scope.institutions}::uuid[])`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The scope of a report for `actor`: the union over `purposes` of disclosureScope, optionally narrowed to
 * `narrow` (the institutions chosen in the scope selector; ids outside the actor's scope select nothing).
 */
export function reportScope(actor: Actor, purposes: ReportPurpose[] = ['audit'], narrow?: readonly string[]): ReportScope {
  const chosen = narrow?.filter((id) => UUID.test(id));
  const narrowed = (inst: 'all' | string[]): 'all' | string[] =>
    chosen && chosen.length > 0 ? (inst === 'all' ? [...new Set(chosen)] : inst.filter((id) => chosen.includes(id))) : inst;
  let institutions: 'all' | string[] = [];
  const arms: Sql[] = [];
  for (const purpose of purposes) {
    const p = scopeParts(actor, purpose);
    const inst = narrowed(p.institutions);
    if (p.researcherId) throw new Error('reports: a report never reads for filing');
    if (inst !== 'all' && inst.length === 0) continue;
    if (inst === 'all') institutions = 'all';
    else if (institutions !== 'all') institutions = [...new Set([...institutions, ...inst])];
    const parts: Sql[] = [scopeOn({ institutions: inst }, raw('d."institutionId"'))];
    // Drafts are the researcher's alone; an officer never reads their own disclosure (lib/auth/scopes.ts).
    if (p.submittedOnly) parts.push(raw(`d.status <> 'DRAFT'`));
    if (p.excludeResearcherId) parts.push(sql`d."researcherId" <> ${p.excludeResearcherId}::uuid`);
    arms.push(sql`(${and(parts)})`);
  }
  const predicate = arms.length === 0 ? raw('FALSE') : arms.length === 1 ? arms[0]! : sql`(${join(arms, ' OR ')})`;
  return { purposes, institutions, predicate };
}

/** The purposes an API caller reads for: auditors audit, officers review their institution. */
export function apiPurposes(actor: Actor): ReportPurpose[] {
  const out: ReportPurpose[] = [];
  if (hasRole(actor, 'AUDITOR')) out.push('audit');
  if (hasRole(actor, 'OFFICER')) out.push('review');
  return out;
}

/** Reports are for auditors (and, through the API, officers): anyone else is told "not found". */
export function assertCanReport(actor: Actor, purposes: ReportPurpose[] = ['audit']): void {
  const ok = purposes.some((p) => hasRole(actor, p === 'audit' ? 'AUDITOR' : 'OFFICER'));
  if (!ok) throw new NotFoundError('reports');
}

/**
 * Researcher-level detail (names, e-Rad numbers, record lists with names) is shown only for an
 * institution the viewer holds explicitly (or through a nationwide grant) for one of the purposes, and
 * never in the publication variant. Rows are already limited to the scope; this is the second check.
 */
export function namesVisible(actor: Actor, scope: ReportScope, institutionId: string, publication: boolean): boolean {
  if (publication) return false;
  return scope.purposes.some((p) => canActAt(actor, p === 'audit' ? 'AUDITOR' : 'OFFICER', institutionId));
}

/** namesVisible as a predicate over `d`, for lists and exports computed in SQL. */
export function namesPredicate(actor: Actor, scope: ReportScope, publication: boolean): Sql {
  if (publication) return raw('FALSE');
  let ids: 'all' | string[] = [];
  for (const p of scope.purposes) {
    const s = institutionsFor(actor, p === 'audit' ? 'AUDITOR' : 'OFFICER');
    if (s === 'all') ids = 'all';
    else if (ids !== 'all') ids = [...new Set([...ids, ...s])];
  }
  return scopeOn({ institutions: ids }, raw('d."institutionId"'));
}
