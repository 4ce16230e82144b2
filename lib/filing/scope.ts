// The researcher's own disclosures, as every query of the filing layer starts from them: the file scope
// of lib/auth/scopes.ts, limited to cycles researchers can see (a cycle still in DRAFT is invisible).
import 'server-only';
import { disclosureScope } from '@/lib/auth/scopes';
import type { Actor } from '@/lib/auth/roles';
import type { Prisma } from '@/lib/generated/prisma/client';

export function filingScope(actor: Actor): Prisma.DisclosureWhereInput {
  return { AND: [disclosureScope(actor, 'file'), { cycle: { status: { in: ['OPEN', 'CLOSED'] } } }] };
}

/** One disclosure of the actor's, by id: the where-clause every read and write of a record uses. */
export function ownDisclosure(actor: Actor, disclosureId: string): Prisma.DisclosureWhereInput {
  return { AND: [filingScope(actor), { id: disclosureId }] };
}
