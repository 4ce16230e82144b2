// What a report may read, derived from lib/auth/scopes.ts (disclosureScope) and nothing else: the
// reports run SQL, so the Prisma where-clause is translated here into a predicate over the Disclosure
// alias `d`. Only the shapes disclosureScope produces are understood; anything else throws, so a change
// there fails closed instead of silently widening a report.
import 'server-only';
import { NotFoundError } from '@/lib/actions/action';
import { type Actor, canActAt, hasRole, institutionsFor } from '@/lib/auth/roles';
import { disclosureScope } from '@/lib/auth/scopes';
import type { Prisma } from '@/lib/generated/prisma/client';
import { type Sql, raw, sql } from './sql';

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

function institutionsOf(where: Prisma.DisclosureWhereInput): 'all' | string[] {
  const keys = Object.keys(where);
  if (keys.length === 0) return 'all';
  if (keys.length === 1 && keys[0] === 'institutionId') {
    const f = where.institutionId as { in?: unknown } | undefined;
    if (f && Array.isArray(f.in) && Object.keys(f).length === 1) return f.in.map(String);
  }
  if (keys.length === 1 && keys[0] === 'id') {
    const f = where.id as { in?: unknown; notIn?: unknown } | undefined;
    const only = f ? Object.keys(f) : [];
    // { id: { in: [] } } is "nothing"; { id: { notIn: [] } } is "everything" written as a condition.
    if (f && only.length === 1 && Array.isArray(f.in) && f.in.length === 0) return [];
    if (f && only.length === 1 && Array.isArray(f.notIn) && f.notIn.length === 0) return 'all';
  }
  throw new Error(`reports: unsupported disclosure scope ${JSON.stringify(where)}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The scope of a report for `actor`: the union over `purposes` of disclosureScope, optionally narrowed to
 * `narrow` (the institutions chosen in the scope selector; ids outside the actor's scope select nothing).
 */
export function reportScope(actor: Actor, purposes: ReportPurpose[] = ['audit'], narrow?: readonly string[]): ReportScope {
  let institutions: 'all' | string[] = [];
  for (const purpose of purposes) {
    const s = institutionsOf(disclosureScope(actor, purpose));
    if (s === 'all') institutions = 'all';
    else if (institutions !== 'all') institutions = [...new Set([...institutions, ...s])];
  }
  const chosen = narrow?.filter((id) => UUID.test(id));
  if (chosen && chosen.length > 0) {
    institutions = institutions === 'all' ? [...new Set(chosen)] : institutions.filter((id) => chosen.includes(id));
  }
  return { purposes, institutions, predicate: scopeOn({ institutions }, raw('d."institutionId"')) };
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
