// Loading one disclosure of the actor's review scope for a change or a read. Outside the scope and
// missing are the same answer: NotFoundError (the action wrapper answers 404 and audits it).
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { type Tx, db } from '@/lib/db/client';
import { reviewable } from './scope';

/**
 * Loads a disclosure in the actor's review scope inside a transaction, locking its row for the change
 * (FOR UPDATE), or throws NotFoundError: outside the scope and missing are the same answer.
 */
export async function lockReviewable(tx: Tx, actor: Actor, disclosureId: string) {
  const found = await tx.disclosure.findFirst({ where: reviewable(actor, disclosureId), select: { id: true } });
  if (!found) throw new NotFoundError(`Disclosure:${disclosureId}`);
  await tx.$queryRaw`SELECT 1 FROM "Disclosure" WHERE id = ${disclosureId}::uuid FOR UPDATE`;
  return tx.disclosure.findUniqueOrThrow({
    where: { id: disclosureId },
    select: {
      id: true,
      institutionId: true,
      cycleId: true,
      status: true,
      stateVersion: true,
      assigneeId: true,
      researcherId: true,
      researcherName: true,
      updatedAt: true,
    },
  });
}

/** Read-only check that a disclosure is in scope (for reads outside a transaction). */
export async function assertReviewable(actor: Actor, disclosureId: string, client: Tx | typeof db = db): Promise<void> {
  const found = await client.disclosure.findFirst({ where: reviewable(actor, disclosureId), select: { id: true } });
  if (!found) throw new NotFoundError(`Disclosure:${disclosureId}`);
}
