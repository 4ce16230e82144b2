import { beforeAll, describe, expect, it } from 'vitest';
import { assignAction, decideAction, startReviewAction } from '@/lib/review/actions';
import { runAction } from '@/lib/actions/action';
import { db } from '@/lib/db/client';
import { auditEvents } from '@/test/helpers/actors';
import { type ReviewWorld, reviewWorld, submitted } from '@/test/helpers/review-world';
import { researcherFeedback } from './feedback';
import { japanDate } from '@/lib/time/japan';

let w: ReviewWorld;
beforeAll(async () => {
  w = await reviewWorld();
});

const origin = { ip: '10.0.0.9', userAgent: 'vitest' };
const inDays = (n: number) => japanDate(new Date(Date.now() + n * 86_400_000));
const fresh = () => submitted(w, { cycle: w.cycleA, findings: ['PAID_APPOINTMENT'] });
const state = (id: string) => db.disclosure.findUniqueOrThrow({ where: { id }, select: { status: true, stateVersion: true, decidedAt: true } });

describe('decisions', () => {
  it('two officers deciding at once: exactly one wins, the other is told who decided what and when', async () => {
    const d = await fresh();
    const [r1, r2] = await Promise.all([
      runAction(decideAction.definition, w.officerA, { disclosureId: d.id, stateVersion: 1, decision: 'APPROVE', disposition: 'NO_CONFLICT' }, origin),
      runAction(decideAction.definition, w.officerA2, { disclosureId: d.id, stateVersion: 1, decision: 'RETURN', reason: 'Please attach the contract.' }, origin),
    ]);
    const results = [r1, r2];
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const decisions = await db.reviewDecision.findMany({ where: { disclosureId: d.id } });
    expect(decisions).toHaveLength(1);
    const winner = decisions[0]!;
    const winnerName = winner.officerId === w.officerA.userId ? w.officerA.displayName : w.officerA2.displayName;
    const loser = losers[0]!;
    expect(loser).toMatchObject({
      ok: false,
      error: 'review.errors.decidedMeanwhile',
      details: { by: winnerName, decision: winner.decision, at: winner.createdAt.toISOString(), stateVersion: 2 },
    });
    expect(await state(d.id)).toMatchObject({ status: winner.decision === 'APPROVE' ? 'APPROVED' : 'RETURNED', stateVersion: 2 });
    expect(await db.auditEvent.count({ where: { action: 'review.decision', entityId: d.id } })).toBe(1);
  });

  it('returning needs a reason (field error, nothing stored); the researcher then sees it and may revise', async () => {
    const d = await fresh();
    const missing = await runAction(decideAction.definition, w.officerA, { disclosureId: d.id, stateVersion: 1, decision: 'RETURN', reason: '   ' }, origin);
    expect(missing).toEqual({ ok: false, error: 'errors.invalidInput', fieldErrors: { reason: ['review.errors.reasonRequired'] } });
    expect(await db.reviewDecision.count({ where: { disclosureId: d.id } })).toBe(0);
    expect(await state(d.id)).toMatchObject({ status: 'SUBMITTED', stateVersion: 1 });

    const reason = '兼業の契約書（北京理工大学）を添付してください。';
    const ok = await runAction(decideAction.definition, w.officerA, { disclosureId: d.id, stateVersion: 1, decision: 'RETURN', reason }, origin);
    expect(ok).toMatchObject({ ok: true, data: { status: 'RETURNED', stateVersion: 2 } });
    const feedback = await researcherFeedback(d.researcher, d.id);
    expect(feedback.decisions[0]).toMatchObject({ decision: 'RETURN', reason });
    const mail = await db.emailMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: 'review.returned:' }, toAddress: d.researcher.email } });
    expect(mail.bodyText).toContain(reason);
    const [event] = (await auditEvents('review.decision')).filter((e) => e.entityId === d.id);
    expect(event).toMatchObject({ actorId: w.officerA.userId, institutionId: w.a.id, ip: '10.0.0.9' });
    expect(event!.details).toMatchObject({ decision: 'RETURN', from: 'SUBMITTED', to: 'RETURNED', reason });
  });

  it('flagging needs a rationale; the researcher is told it was referred, not the office’s rationale', async () => {
    const d = await fresh();
    const missing = await runAction(decideAction.definition, w.officerA, { disclosureId: d.id, stateVersion: 1, decision: 'FLAG' }, origin);
    expect(missing).toMatchObject({ ok: false, fieldErrors: { reason: ['review.errors.rationaleRequired'] } });
    const rationale = 'Undisclosed obligations to a listed university; escalate to the committee.';
    expect(await runAction(decideAction.definition, w.officerA, { disclosureId: d.id, stateVersion: 1, decision: 'FLAG', reason: rationale }, origin)).toMatchObject({
      ok: true,
      data: { status: 'FLAGGED' },
    });
    expect((await researcherFeedback(d.researcher, d.id)).decisions[0]).toMatchObject({ decision: 'FLAG', reason: null });
    const mail = await db.emailMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: 'review.flagged:' }, toAddress: d.researcher.email } });
    expect(mail.bodyText).not.toContain(rationale);
  });

  it('approves with a management plan: conditions, responsible person and future review dates are required', async () => {
    const d = await fresh();
    const base = { disclosureId: d.id, stateVersion: 1, decision: 'APPROVE' as const, disposition: 'MANAGED' as const };
    const empty = await runAction(decideAction.definition, w.officerA, { ...base, plan: { conditions: '', responsiblePerson: '', reviewDates: ['', ''] } }, origin);
    expect(empty).toMatchObject({
      ok: false,
      fieldErrors: {
        'plan.conditions': ['review.errors.conditionsRequired'],
        'plan.responsiblePerson': ['review.errors.responsibleRequired'],
        'plan.reviewDates': ['review.errors.reviewDateRequired'],
      },
    });
    const past = await runAction(decideAction.definition, w.officerA, { ...base, plan: { conditions: 'x', responsiblePerson: 'y', reviewDates: ['2020-01-01'] } }, origin);
    expect(past).toMatchObject({ ok: false, fieldErrors: { 'plan.reviewDates': ['review.errors.reviewDateInPast'] } });
    const bad = await runAction(decideAction.definition, w.officerA, { ...base, plan: { conditions: 'x', responsiblePerson: 'y', reviewDates: ['2027-02-30'] } }, origin);
    expect(bad).toMatchObject({ ok: false, fieldErrors: { 'plan.reviewDates': ['review.errors.invalidDate'] } });
    expect(await db.reviewDecision.count({ where: { disclosureId: d.id } })).toBe(0);

    const plan = { conditions: 'No students or data may move to the host institution.', responsiblePerson: '研究推進部長', reviewDates: [inDays(180), inDays(90), ''] };
    const ok = await runAction(decideAction.definition, w.officerA, { ...base, plan }, origin);
    expect(ok).toMatchObject({ ok: true, data: { status: 'APPROVED' } });
    const stored = await db.managementPlan.findFirstOrThrow({ where: { disclosureId: d.id } });
    expect(stored).toMatchObject({ conditions: plan.conditions, responsiblePerson: plan.responsiblePerson });
    expect(stored.reviewDates.map((x) => x.toISOString().slice(0, 10))).toEqual([inDays(90), inDays(180)]);
    expect((await researcherFeedback(d.researcher, d.id)).decisions[0]?.plan?.conditions).toBe(plan.conditions);
    expect((await state(d.id)).decidedAt).not.toBeNull();
  });

  it('approves without a plan as "no conflict"; a decided disclosure cannot be decided again', async () => {
    const d = await fresh();
    expect(await runAction(decideAction.definition, w.officerA, { disclosureId: d.id, stateVersion: 1, decision: 'APPROVE', disposition: 'NO_CONFLICT' }, origin)).toMatchObject({ ok: true });
    expect(await db.managementPlan.count({ where: { disclosureId: d.id } })).toBe(0);
    const again = await runAction(decideAction.definition, w.officerA, { disclosureId: d.id, stateVersion: 2, decision: 'FLAG', reason: 'x' }, origin);
    expect(again).toMatchObject({ ok: false, error: 'review.errors.notDecidable' });
  });

  it('starting (an explicit action) or assigning a waiting disclosure starts its review; a stale view is told what changed', async () => {
    const d = await fresh();
    expect(await runAction(startReviewAction.definition, w.officerA, { disclosureId: d.id, stateVersion: 1 }, origin)).toEqual({ ok: true, data: { stateVersion: 2 } });
    expect(await runAction(startReviewAction.definition, w.officerA, { disclosureId: d.id, stateVersion: 2 }, origin)).toMatchObject({ ok: false, error: 'review.errors.notStartable', details: { status: 'UNDER_REVIEW' } });
    expect(await runAction(startReviewAction.definition, w.officerA2, { disclosureId: d.id, stateVersion: 1 }, origin)).toMatchObject({ ok: false, error: 'review.errors.changedMeanwhile', details: { status: 'UNDER_REVIEW', stateVersion: 2 } });
    expect(await state(d.id)).toMatchObject({ status: 'UNDER_REVIEW', stateVersion: 2 });
    expect((await auditEvents('review.start')).filter((e) => e.entityId === d.id)).toHaveLength(1);
    // Someone who still shows version 1 is not allowed to decide over the change.
    const stale = await runAction(decideAction.definition, w.officerA2, { disclosureId: d.id, stateVersion: 1, decision: 'APPROVE', disposition: 'NO_CONFLICT' }, origin);
    expect(stale).toMatchObject({ ok: false, error: 'review.errors.changedMeanwhile', details: { status: 'UNDER_REVIEW', stateVersion: 2 } });
    // An officer of another institution cannot start it.
    const other = await fresh();
    expect(await runAction(startReviewAction.definition, w.officerB, { disclosureId: other.id, stateVersion: 1 }, origin)).toEqual({ ok: false, error: 'errors.notFound' });
    expect(await state(other.id)).toMatchObject({ status: 'SUBMITTED' });

    const e = await fresh();
    const assigned = await runAction(assignAction.definition, w.officerA, { disclosureId: e.id, assigneeId: w.officerA2.userId, expectedAssigneeId: '' }, origin);
    expect(assigned).toMatchObject({ ok: true, data: { status: 'UNDER_REVIEW', stateVersion: 2, assigneeId: w.officerA2.userId } });
    const mail = await db.emailMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: `review.assigned:${e.id}:` } } });
    expect(mail.toAddress).toBe(w.officerA2.email);
    // The other officer still saw it unassigned: told who has it, nothing overwritten.
    const clash = await runAction(assignAction.definition, w.officerA2, { disclosureId: e.id, assigneeId: w.officerA2.userId, expectedAssigneeId: '' }, origin);
    expect(clash).toMatchObject({ ok: false, error: 'review.errors.assignedMeanwhile', details: { assignee: w.officerA2.displayName } });
    // Only an officer of the disclosure's institution can be assigned.
    const foreign = await runAction(assignAction.definition, w.officerA, { disclosureId: e.id, assigneeId: w.officerB.userId, expectedAssigneeId: w.officerA2.userId }, origin);
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { assigneeId: ['review.errors.notAnOfficer'] } });
    // Assigning oneself sends no mail.
    const self = await runAction(assignAction.definition, w.officerA, { disclosureId: e.id, assigneeId: w.officerA.userId, expectedAssigneeId: w.officerA2.userId }, origin);
    expect(self).toMatchObject({ ok: true, data: { assigneeId: w.officerA.userId } });
    expect(await db.emailMessage.count({ where: { dedupeKey: { startsWith: `review.assigned:${e.id}:${w.officerA.userId}` } } })).toBe(0);
  });
});
