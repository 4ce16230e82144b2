// The review scope (lib/auth/scopes.ts, purpose 'review') in the forms the review layer needs: the
// Prisma where-clause itself, the same clause as SQL for the hand-written queue query, and the
// institutions it covers (for the records that hang off an institution: cycles, departments, officers).
// The SQL form is compiled from the where-clause, never written separately, and refuses any shape it
// does not know, so a change to the scopes cannot silently widen the queue.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { disclosureScope } from '@/lib/auth/scopes';
import { Prisma } from '@/lib/generated/prisma/client';

export function reviewScope(actor: Actor): Prisma.DisclosureWhereInput {
  return disclosureScope(actor, 'review');
}

/** One disclosure in the actor's review scope, by id. */
export function reviewable(actor: Actor, disclosureId: string): Prisma.DisclosureWhereInput {
  return { AND: [reviewScope(actor), { id: disclosureId }] };
}

/** The institutions the review scope covers: 'all', or a list (empty: none). */
export function reviewInstitutions(actor: Actor): 'all' | string[] {
  const scope = reviewScope(actor) as Record<string, unknown>;
  const keys = Object.keys(scope);
  if (keys.length === 0) return 'all';
  const inst = scope.institutionId as { in?: unknown } | undefined;
  if (keys.length === 1 && inst && Array.isArray(inst.in) && Object.keys(inst).length === 1) return inst.in as string[];
  const id = scope.id as { in?: unknown; notIn?: unknown } | undefined;
  if (keys.length === 1 && id && Object.keys(id).length === 1) {
    if (Array.isArray(id.in) && id.in.length === 0) return []; // nothing
    if (Array.isArray(id.notIn) && id.notIn.length === 0) return 'all'; // everything
  }
  throw new Error(`The review scope has a shape the review layer does not know: ${JSON.stringify(scope)}`);
}

/** The review scope as a SQL condition on the Disclosure table aliased `alias`. */
export function reviewScopeSql(actor: Actor, alias = 'd'): Prisma.Sql {
  const inst = reviewInstitutions(actor);
  if (inst === 'all') return Prisma.sql`TRUE`;
  if (inst.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${Prisma.raw(`"${alias}"."institutionId"`)} = ANY(${inst}::uuid[])`;
}

/** Where-clause for records keyed by an institutionId column (cycles, departments, memberships). */
export function institutionWhere(actor: Actor): { institutionId?: { in: string[] } } {
  const inst = reviewInstitutions(actor);
  return inst === 'all' ? {} : { institutionId: { in: inst } };
}
