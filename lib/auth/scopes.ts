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
 * Disclosures the actor may reach for a purpose:
 * - file: a researcher's own disclosures;
 * - review: a compliance officer's institutions;
 * - audit: an auditor's institutions (read-only).
 * Administrators configure Kaiji; they do not read disclosures unless they also hold one of these roles.
 */
export function disclosureScope(actor: Actor, purpose: DisclosurePurpose): Prisma.DisclosureWhereInput {
  switch (purpose) {
    case 'file':
      return actor.memberships.some((m) => m.role === 'RESEARCHER') ? { researcherId: actor.userId } : NOTHING;
    case 'review': {
      const f = institutionFilter(actor, 'OFFICER');
      return f === null ? NOTHING : f === undefined ? EVERYTHING : { institutionId: f };
    }
    case 'audit': {
      const f = institutionFilter(actor, 'AUDITOR');
      return f === null ? NOTHING : f === undefined ? EVERYTHING : { institutionId: f };
    }
  }
}

/** Any purpose at all: what the actor may read (attachments, versions, diffs). */
export function readableDisclosures(actor: Actor): Prisma.DisclosureWhereInput {
  return { OR: [disclosureScope(actor, 'file'), disclosureScope(actor, 'review'), disclosureScope(actor, 'audit')] };
}
