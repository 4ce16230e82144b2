// Issue 12, item 6: segregation of duties. A person who is both researcher and compliance officer at an
// institution never reviews, decides on, assigns, comments internally on or reads the internal thread of
// their own disclosure: the data layer leaves it out of the review scope, and the review page tells
// them why (an audited refusal, in both languages).
import { beforeAll, describe, expect, it } from 'vitest';
import { addCommentAction, assignAction, decideAction, decideMatchAction, startReviewAction } from '@/lib/review/actions';
import { runAction } from '@/lib/actions/action';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { officerComments, researcherComments } from '@/lib/review/comments';
import { reviewDetail } from '@/lib/review/detail';
import { matchesFor } from '@/lib/review/matches';
import { refuseOwnDisclosure } from '@/lib/review/own';
import { listQueue } from '@/lib/review/queue';
import { parseQueueParams } from '@/lib/review/queue-params';
import en from '@/messages/en/review.json';
import ja from '@/messages/ja/review.json';
import { makeActor } from '@/test/helpers/actors';
import { type ReviewWorld, reviewWorld, submitted } from '@/test/helpers/review-world';

let w: ReviewWorld;
let dual: Actor;
let own: { id: string };
const origin = { ip: '10.0.0.7', userAgent: 'vitest' };
const SECRET = 'Internal: check whether the co-author is the same person';

beforeAll(async () => {
  w = await reviewWorld();
  dual = await makeActor({ displayName: '二役 花子', roles: [{ role: 'RESEARCHER', institutionId: w.a.id }, { role: 'OFFICER', institutionId: w.a.id }] });
  own = await submitted(w, { cycle: w.cycleA, researcher: dual, findings: ['TALENT_PROGRAMME'] });
  expect(await runAction(addCommentAction.definition, w.officerA, { disclosureId: own.id, visibility: 'INTERNAL', body: SECRET }, origin)).toMatchObject({ ok: true });
});

describe('nobody reviews their own disclosure', () => {
  it('is not in their queue, page data, internal thread or matches, while colleagues still see it', async () => {
    expect((await listQueue(dual, parseQueueParams({}))).rows.map((r) => r.id)).not.toContain(own.id);
    expect(await reviewDetail(dual, own.id)).toBeNull();
    await expect(officerComments(dual, own.id)).rejects.toThrow('errors.notFound');
    expect(await matchesFor(dual, own.id)).toEqual([]);
    // As its researcher they read only what is meant for them.
    expect(JSON.stringify(await researcherComments(dual, own.id))).not.toContain(SECRET);
    // A colleague reviews it, and cannot hand it to its researcher.
    expect((await listQueue(w.officerA, parseQueueParams({}))).rows.map((r) => r.id)).toContain(own.id);
    const detail = await reviewDetail(w.officerA, own.id);
    expect(detail?.officers.map((o) => o.id)).not.toContain(dual.userId);
    expect(await runAction(assignAction.definition, w.officerA, { disclosureId: own.id, assigneeId: dual.userId, expectedAssigneeId: '' }, origin)).toMatchObject({
      ok: false,
      fieldErrors: { assigneeId: ['review.errors.notAnOfficer'] },
    });
  });

  it('refuses every review action on it with the audited 404, changing nothing', async () => {
    const inputs: [string, { definition: Parameters<typeof runAction>[0] }, unknown][] = [
      ['decide', decideAction, { disclosureId: own.id, stateVersion: 1, decision: 'APPROVE', disposition: 'NO_CONFLICT' }],
      ['start', startReviewAction, { disclosureId: own.id, stateVersion: 1 }],
      ['assign', assignAction, { disclosureId: own.id, assigneeId: dual.userId, expectedAssigneeId: '' }],
      ['comment', addCommentAction, { disclosureId: own.id, visibility: 'INTERNAL', body: 'mine' }],
      ['match', decideMatchAction, { disclosureId: own.id, matchId: crypto.randomUUID(), decision: 'DISMISSED' }],
    ];
    for (const [name, action, input] of inputs) {
      const before = await db.auditEvent.count({ where: { action: 'access.denied', actorId: dual.userId } });
      expect(await runAction(action.definition, dual, input, origin), name).toEqual({ ok: false, error: 'errors.notFound' });
      expect(await db.auditEvent.count({ where: { action: 'access.denied', actorId: dual.userId } }), `${name} audited`).toBe(before + 1);
    }
    expect(await db.disclosure.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ status: 'SUBMITTED', stateVersion: 1, assigneeId: null });
    expect(await db.reviewDecision.count({ where: { disclosureId: own.id } })).toBe(0);
    expect(await db.comment.count({ where: { disclosureId: own.id } })).toBe(1);
  });

  it('the review page says why, in both languages, and audits the refusal', async () => {
    expect(await refuseOwnDisclosure(dual, own.id, origin)).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'access.denied', actorId: dual.userId }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({ outcome: 'DENIED', entityId: own.id, details: { permission: 'segregation-of-duties' } });
    // Anyone else's disclosure is not "own": the ordinary 404 follows.
    expect(await refuseOwnDisclosure(w.officerA, own.id, origin)).toBe(false);
    expect(await refuseOwnDisclosure(dual, (await submitted(w, { cycle: w.cycleA })).id, origin)).toBe(false);
    for (const catalog of [en, ja]) {
      expect(Object.keys(catalog.page.own).sort()).toEqual(['body', 'link', 'title']);
      expect(catalog.page.own.body.length).toBeGreaterThan(40);
    }
  });
});
