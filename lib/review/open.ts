// Starting a review: an officer's explicit, audited action (a button on the review page), never a side
// effect of opening the page — a GET changes nothing. SUBMITTED or RESUBMITTED becomes UNDER_REVIEW (the
// researcher can no longer replace what the officer is reading; see lib/filing/workflow.ts), guarded by
// the stateVersion the officer saw, so a change made meanwhile is reported instead of overwritten.
import 'server-only';
import { ActionError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { type Origin, whatHappened } from './decide';
import { lockReviewable } from './load';
import type { StartReviewInput } from './schemas';

export const STARTABLE = ['SUBMITTED', 'RESUBMITTED'] as const;

export async function startReview(actor: Actor, input: StartReviewInput, origin: Origin): Promise<{ stateVersion: number }> {
  return db.$transaction(async (tx) => {
    const d = await lockReviewable(tx, actor, input.disclosureId);
    if (d.stateVersion !== input.stateVersion) throw await whatHappened(tx, d.id);
    if (!(STARTABLE as readonly string[]).includes(d.status)) throw new ActionError('review.errors.notStartable', undefined, { status: d.status });
    const updated = await tx.disclosure.update({
      where: { id: d.id },
      data: { status: 'UNDER_REVIEW', stateVersion: { increment: 1 } },
      select: { stateVersion: true },
    });
    await recordAudit(tx, {
      action: 'review.start',
      actorId: actor.userId,
      actorEmail: actor.email,
      entityType: 'Disclosure',
      entityId: d.id,
      institutionId: d.institutionId,
      ...origin,
      details: { from: d.status, to: 'UNDER_REVIEW', stateVersion: updated.stateVersion },
    });
    return { stateVersion: updated.stateVersion };
  });
}
