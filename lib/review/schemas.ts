// Inputs of the review actions: parsed by defineAction on the server and by the forms' resolvers in the
// browser. Messages are catalog keys (review.errors.*). Pure: no server imports.
import { z } from 'zod';
import { safeString } from '@/lib/security/sanitise';
import { japanDate } from '@/lib/time/japan';

export const DECISIONS = ['APPROVE', 'RETURN', 'FLAG'] as const;
export type DecisionKind = (typeof DECISIONS)[number];
export const DISPOSITIONS = ['NO_CONFLICT', 'MANAGED'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const COMMENT_VISIBILITIES = ['INTERNAL', 'RESEARCHER'] as const;
export const MATCH_DECISIONS = ['CONFIRMED', 'DISMISSED'] as const;

export const LIMITS = { reason: 4000, conditions: 4000, person: 200, comment: 4000, note: 1000, reviewDates: 6 } as const;

const id = () => z.uuid({ error: 'review.errors.invalidReference' });
const stateVersion = () => z.int({ error: 'review.errors.invalidReference' }).min(0).max(1_000_000_000);
const text = (max: number) => safeString({ error: 'review.errors.invalid' }).trim().max(max, { error: 'review.errors.tooLong' });

function isIsoDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

export const planSchema = z.object({
  conditions: text(LIMITS.conditions),
  responsiblePerson: text(LIMITS.person),
  /** Dates (YYYY-MM-DD) on which the plan is reviewed; empty inputs are ignored. */
  reviewDates: z
    .array(z.string({ error: 'review.errors.invalidDate' }).trim())
    .max(LIMITS.reviewDates, { error: 'review.errors.tooManyDates' })
    .transform((dates) => dates.filter(Boolean)),
});
export type PlanInput = z.input<typeof planSchema>;

export const decisionSchema = z
  .object({
    disclosureId: id(),
    /** The stateVersion the officer saw: the decision is refused if anything changed since. */
    stateVersion: stateVersion(),
    decision: z.enum(DECISIONS, { error: 'review.errors.chooseDecision' }),
    reason: text(LIMITS.reason).default(''),
    disposition: z.enum(DISPOSITIONS, { error: 'review.errors.chooseDisposition' }).optional(),
    plan: planSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'RETURN' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'review.errors.reasonRequired' });
    if (v.decision === 'FLAG' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'review.errors.rationaleRequired' });
    if (v.decision !== 'APPROVE') return;
    if (!v.disposition) {
      ctx.addIssue({ code: 'custom', path: ['disposition'], message: 'review.errors.chooseDisposition' });
      return;
    }
    if (v.disposition !== 'MANAGED') return;
    const plan = v.plan;
    if (!plan?.conditions) ctx.addIssue({ code: 'custom', path: ['plan', 'conditions'], message: 'review.errors.conditionsRequired' });
    if (!plan?.responsiblePerson) ctx.addIssue({ code: 'custom', path: ['plan', 'responsiblePerson'], message: 'review.errors.responsibleRequired' });
    const dates = plan?.reviewDates ?? [];
    if (!dates.length) ctx.addIssue({ code: 'custom', path: ['plan', 'reviewDates'], message: 'review.errors.reviewDateRequired' });
    else if (!dates.every(isIsoDate)) ctx.addIssue({ code: 'custom', path: ['plan', 'reviewDates'], message: 'review.errors.invalidDate' });
    else if (dates.some((d) => d < japanDate())) ctx.addIssue({ code: 'custom', path: ['plan', 'reviewDates'], message: 'review.errors.reviewDateInPast' });
    else if (new Set(dates).size !== dates.length) ctx.addIssue({ code: 'custom', path: ['plan', 'reviewDates'], message: 'review.errors.duplicateDate' });
  });
export type DecisionInput = z.input<typeof decisionSchema>;
export type DecisionValues = z.output<typeof decisionSchema>;

/** Starting the review of a disclosure waiting in the queue, from the state the officer saw. */
export const startReviewSchema = z.object({ disclosureId: id(), stateVersion: stateVersion() });
export type StartReviewInput = z.input<typeof startReviewSchema>;

export const assignSchema = z.object({
  disclosureId: id(),
  /** The officer to assign, or '' to remove the assignment. */
  assigneeId: z.union([id(), z.literal('')]),
  /** The assignee the officer saw ('' for none): a change made meanwhile is reported, not overwritten. */
  expectedAssigneeId: z.union([id(), z.literal('')]),
});
export type AssignInput = z.input<typeof assignSchema>;

export const matchDecisionSchema = z.object({
  disclosureId: id(),
  matchId: id(),
  decision: z.enum(MATCH_DECISIONS, { error: 'review.errors.invalid' }),
  note: text(LIMITS.note).default(''),
});
export type MatchDecisionInput = z.input<typeof matchDecisionSchema>;

export const commentSchema = z.object({
  disclosureId: id(),
  visibility: z.enum(COMMENT_VISIBILITIES, { error: 'review.errors.chooseVisibility' }),
  body: text(LIMITS.comment).min(1, { error: 'review.errors.commentRequired' }),
});
export type CommentInput = z.input<typeof commentSchema>;

export const disclosureRefSchema = z.object({ disclosureId: id() });
