// Assigning a disclosure to an officer of its institution (oneself or a colleague), or removing the
// assignment. A disclosure waiting in the queue moves to UNDER_REVIEW when it is assigned. The form
// sends the assignee it showed: if someone changed the assignment meanwhile, the officer is told who
// has it now instead of overwriting it.
import 'server-only';
import { ActionError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { deliverSoon } from '@/lib/mail/deliver';
import type { Origin } from './decide';
import { lockReviewable } from './load';
import { notifyAssignee } from './notify';
import type { AssignInput } from './schemas';

const WAITING = ['SUBMITTED', 'RESUBMITTED'];

export async function assign(actor: Actor, input: AssignInput, origin: Origin) {
  const result = await db.$transaction(
    async (tx) => {
      const d = await lockReviewable(tx, actor, input.disclosureId);
      const expected = input.expectedAssigneeId || null;
      if (d.assigneeId !== expected) {
        const holder = d.assigneeId ? await tx.user.findUnique({ where: { id: d.assigneeId }, select: { displayName: true } }) : null;
        throw new ActionError('review.errors.assignedMeanwhile', undefined, { assignee: holder?.displayName ?? null, at: d.updatedAt.toISOString() });
      }
      const assigneeId = input.assigneeId || null;
      if (assigneeId) {
        // Only an active officer of the disclosure's own institution can be assigned, never its researcher.
        const ok = await tx.user.findFirst({
          where: { id: { equals: assigneeId, not: d.researcherId }, disabledAt: null, memberships: { some: { role: 'OFFICER', institutionId: d.institutionId } } },
          select: { id: true },
        });
        if (!ok) throw new ActionError('errors.invalidInput', { assigneeId: ['review.errors.notAnOfficer'] });
      }
      const starts = !!assigneeId && WAITING.includes(d.status);
      const updated = await tx.disclosure.update({
        where: { id: d.id },
        data: { assigneeId, ...(starts ? { status: 'UNDER_REVIEW', stateVersion: { increment: 1 } } : {}) },
        select: { status: true, stateVersion: true, updatedAt: true },
      });
      await recordAudit(tx, {
        action: 'review.assign',
        actorId: actor.userId,
        actorEmail: actor.email,
        entityType: 'Disclosure',
        entityId: d.id,
        institutionId: d.institutionId,
        ...origin,
        details: { from: d.assigneeId, to: assigneeId, ...(starts ? { status: { from: d.status, to: 'UNDER_REVIEW' } } : {}) },
      });
      const mailed = assigneeId
        ? await notifyAssignee(tx, {
            disclosureId: d.id,
            assigneeId,
            assignedBy: { userId: actor.userId, displayName: actor.displayName },
            eventKey: String(updated.updatedAt.getTime()),
          })
        : false;
      return { assigneeId, status: updated.status, stateVersion: updated.stateVersion, mailed };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
  if (result.mailed) void deliverSoon();
  return { assigneeId: result.assigneeId, status: result.status, stateVersion: result.stateVersion };
}
