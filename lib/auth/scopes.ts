// Permissions written as Prisma where-clauses, in one place, so a list and a detail page can never
// disagree about what someone may see. Every query for disclosures (and records hanging off them) starts
// from one of these. A scope that grants nothing matches no row (never "no filter").
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { type Actor, institutionsFor } from './roles';

const NOTHING = { id: { in: [] as string[] } } satisfies Prisma.DisclosureWhereInput;
// Every row, written as a condition rather than `{}`: Prisma reads `OR: [{}]` as false, which would make
// readableDisclosures() of a nationwide auditor or officer match nothing.
const EVERYTHING = { id: { notIn: [] as string[] } } satisfies Prisma.DisclosureWhereInput;

/** Institutions where the actor holds `role`, as a where-clause on an institutionId column. */
export function institutionFilter(actor: Pick<Actor, 'memberships'>, role: Role): { in: string[] } | undefined | null {
  const scope = institutionsFor(actor, role);
  if (scope === 'all') return undefined; // every institution
  return scope.length ? { in: scope } : null; // null: none
}

export type DisclosurePurpose = 'file' | 'review' | 'audit';

/**
 * A scope in parts, for the layers that compile it to SQL (lib/review/scope.ts, lib/reports/scope.ts)
 * instead of parsing the Prisma where-clause.
 */
export interface ScopeParts {
  /** Institutions whose disclosures are reached: 'all', or a list (empty: none). */
  institutions: 'all' | string[];
  /** Only the researcher's own disclosures (filing). */
  researcherId: string | null;
  /** Drafts are left out: a draft is the researcher's alone until it is submitted. */
  submittedOnly: boolean;
  /** Disclosures of this person are left out: nobody reviews their own (segregation of duties). */
  excludeResearcherId: string | null;
}

/**
 * Disclosures the actor may reach for a purpose:
 * - file: a researcher's own disclosures, drafts included;
 * - review: a compliance officer's institutions, submitted ones only, never the officer's own;
 * - audit: an auditor's institutions (read-only), submitted ones only.
 * Administrators configure Kaiji; they do not read disclosures unless they also hold one of these roles.
 */
export function scopeParts(actor: Actor, purpose: DisclosurePurpose): ScopeParts {
  const none: ScopeParts = { institutions: [], researcherId: null, submittedOnly: true, excludeResearcherId: null };
  const of = (f: { in: string[] } | undefined | null): 'all' | string[] => (f === null ? [] : f === undefined ? 'all' : f.in);
  switch (purpose) {
    case 'file':
      return actor.memberships.some((m) => m.role === 'RESEARCHER') ? { institutions: 'all', researcherId: actor.userId, submittedOnly: false, excludeResearcherId: null } : none;
    case 'review':
      return { ...none, institutions: of(institutionFilter(actor, 'OFFICER')), excludeResearcherId: actor.userId };
    case 'audit':
      return { ...none, institutions: of(institutionFilter(actor, 'AUDITOR')) };
  }
}

export function disclosureScope(actor: Actor, purpose: DisclosurePurpose): Prisma.DisclosureWhereInput {
  return whereOf(scopeParts(actor, purpose));
}

function whereOf(p: ScopeParts): Prisma.DisclosureWhereInput {
  if (p.institutions !== 'all' && p.institutions.length === 0) return NOTHING;
  const parts: Prisma.DisclosureWhereInput[] = [];
  if (p.institutions !== 'all') parts.push({ institutionId: { in: p.institutions } });
  if (p.researcherId) parts.push({ researcherId: p.researcherId });
  if (p.submittedOnly) parts.push({ status: { not: 'DRAFT' } });
  if (p.excludeResearcherId) parts.push({ researcherId: { not: p.excludeResearcherId } });
  return parts.length ? { AND: parts } : EVERYTHING;
}

/** Any purpose at all: what the actor may read (attachments, versions, diffs). */
export function readableDisclosures(actor: Actor): Prisma.DisclosureWhereInput {
  return { OR: [disclosureScope(actor, 'file'), disclosureScope(actor, 'review'), disclosureScope(actor, 'audit')] };
}
