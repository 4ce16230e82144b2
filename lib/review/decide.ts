// An officer's decision on a disclosure: approve (with or without a management plan), return for
// revision, or flag for escalation. One transaction: the guarded status change, the decision (and plan),
// the audit event and the researcher's notification commit together or not at all.
//
// Two officers deciding at once: both saw stateVersion N. The UPDATE below only matches a row still at
// N, so exactly one of them changes it; the other matches nothing and is told what happened instead
// (who decided what, and when), never silently overwritten.
import 'server-only';
import { ActionError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit/record';
import { type Tx, db } from '@/lib/db/client';
import { deliverSoon } from '@/lib/mail/deliver';
import type { DisclosureStatus } from '@/lib/generated/prisma/enums';
import { lockReviewable } from './load';
import { notifyResearcherOfDecision } from './notify';
import type { DecisionValues } from './schemas';

export type Origin = { ip: string | null; userAgent: string | null };

/** Statuses an officer can decide from. */
export const DECIDABLE: readonly DisclosureStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'RESUBMITTED'];

const NEXT_STATUS = { APPROVE: 'APPROVED', RETURN: 'RETURNED', FLAG: 'FLAGGED' } as const;

export interface DecisionResult {
  decisionId: string;
  status: DisclosureStatus;
  stateVersion: number;
}

/** What the losing officer is told: the latest decision, or the state the disclosure is in now. */
export async function whatHappened(tx: Tx, disclosureId: string): Promise<ActionError> {
  const d = await tx.disclosure.findUniqueOrThrow({ where: { id: disclosureId }, select: { status: true, stateVersion: true, updatedAt: true } });
  const last = await tx.reviewDecision.findFirst({
    where: { disclosureId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, decision: true, createdAt: true, officerId: true },
  });
  const decidedNow = d.status === 'APPROVED' || d.status === 'RETURNED' || d.status === 'FLAGGED';
  if (last && decidedNow) {
    const officer = await tx.user.findUnique({ where: { id: last.officerId }, select: { displayName: true } });
    return new ActionError('review.errors.decidedMeanwhile', undefined, {
      by: officer?.displayName ?? '',
      decision: last.decision,
      at: last.createdAt.toISOString(),
      status: d.status,
      stateVersion: d.stateVersion,
    });
  }
  return new ActionError('review.errors.changedMeanwhile', undefined, { status: d.status, at: d.updatedAt.toISOString(), stateVersion: d.stateVersion });
}

export async function decide(actor: Actor, input: DecisionValues, origin: Origin): Promise<DecisionResult> {
  const result = await decideInTransaction(actor, input, origin);
  void deliverSoon(); // after the commit; failures stay on the message, never reach the officer
  return result;
}

function decideInTransaction(actor: Actor, input: DecisionValues, origin: Origin): Promise<DecisionResult> {
  return db.$transaction(
    async (tx) => {
      const d = await lockReviewable(tx, actor, input.disclosureId);
      const next = NEXT_STATUS[input.decision];
      const changed = await tx.$executeRaw`
        UPDATE "Disclosure"
        SET status = ${next}::"DisclosureStatus", "stateVersion" = "stateVersion" + 1, "decidedAt" = now(), "updatedAt" = now()
        WHERE id = ${d.id}::uuid AND "stateVersion" = ${input.stateVersion}
          AND status IN ('SUBMITTED', 'UNDER_REVIEW', 'RESUBMITTED')`;
      if (changed !== 1) {
        if (d.stateVersion === input.stateVersion) throw new ActionError('review.errors.notDecidable', undefined, { status: d.status });
        throw await whatHappened(tx, d.id);
      }
      const version = await tx.disclosureVersion.findFirst({
        where: { disclosureId: d.id },
        orderBy: { number: 'desc' },
        select: { id: true, number: true },
      });
      if (!version) throw new ActionError('review.errors.notDecidable', undefined, { status: d.status });
      const plan = input.decision === 'APPROVE' && input.disposition === 'MANAGED' && input.plan ? input.plan : null;
      const decision = await tx.reviewDecision.create({
        data: {
          disclosureId: d.id,
          versionId: version.id,
          officerId: actor.userId,
          decision: input.decision,
          reason: input.reason || null,
          ...(plan
            ? {
                plan: {
                  create: {
                    disclosureId: d.id,
                    conditions: plan.conditions,
                    responsiblePerson: plan.responsiblePerson,
                    reviewDates: [...plan.reviewDates].sort().map((x) => new Date(`${x}T00:00:00Z`)),
                  },
                },
              }
            : {}),
        },
        select: { id: true, plan: { select: { id: true } } },
      });
      await recordAudit(tx, {
        action: 'review.decision',
        actorId: actor.userId,
        actorEmail: actor.email,
        entityType: 'Disclosure',
        entityId: d.id,
        institutionId: d.institutionId,
        ...origin,
        details: {
          decisionId: decision.id,
          decision: input.decision,
          from: d.status,
          to: next,
          stateVersion: input.stateVersion + 1,
          versionNumber: version.number,
          ...(input.reason ? { reason: input.reason } : {}),
          ...(input.decision === 'APPROVE' ? { disposition: plan ? 'MANAGED' : 'NO_CONFLICT' } : {}),
          ...(plan ? { planId: decision.plan?.id, reviewDates: [...plan.reviewDates].sort() } : {}),
        },
      });
      await notifyResearcherOfDecision(tx, {
        decisionId: decision.id,
        disclosureId: d.id,
        decision: input.decision,
        reason: input.reason,
        plan: plan ? { ...plan, reviewDates: [...plan.reviewDates].sort() } : null,
      });
      return { decisionId: decision.id, status: next, stateVersion: input.stateVersion + 1 };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
