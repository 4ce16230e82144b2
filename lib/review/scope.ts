// The review scope (lib/auth/scopes.ts, purpose 'review') in the forms the review layer needs: the
// Prisma where-clause itself, the same clause as SQL for the hand-written queue query, and the
// institutions it covers (for the records that hang off an institution: cycles, departments, officers).
// The SQL form is compiled from the same parts as the where-clause (scopeParts), never written
// separately, so the queue and the review page cannot disagree.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { disclosureScope, scopeParts } from '@/lib/auth/scopes';
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
  return scopeParts(actor, 'review').institutions;
}

/** The review scope as a SQL condition on the Disclosure table aliased `alias`. */
export function reviewScopeSql(actor: Actor, alias = 'd'): Prisma.Sql {
  const p = scopeParts(actor, 'review');
  if (p.researcherId) throw new Error('The review scope never narrows to one researcher');
  if (p.institutions !== 'all' && p.institutions.length === 0) return Prisma.sql`FALSE`;
  const col = (name: string) => Prisma.raw(`"${alias}"."${name}"`);
  const parts: Prisma.Sql[] = [];
  if (p.institutions !== 'all') parts.push(Prisma.sql`${col('institutionId')} = ANY(${p.institutions}::uuid[])`);
  if (p.submittedOnly) parts.push(Prisma.sql`${col('status')} <> 'DRAFT'::"DisclosureStatus"`);
  if (p.excludeResearcherId) parts.push(Prisma.sql`${col('researcherId')} <> ${p.excludeResearcherId}::uuid`);
  return parts.length ? Prisma.sql`(${Prisma.join(parts, ' AND ')})` : Prisma.sql`TRUE`;
}

/** Where-clause for records keyed by an institutionId column (cycles, departments, memberships). */
export function institutionWhere(actor: Actor): { institutionId?: { in: string[] } } {
  const inst = reviewInstitutions(actor);
  return inst === 'all' ? {} : { institutionId: { in: inst } };
}
