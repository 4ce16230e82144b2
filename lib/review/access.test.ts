// The action half of the review access matrix: every review action refuses researchers, auditors,
// administrators and officers of another institution with the same 404 as a missing disclosure, writes
// an access.denied event, and changes nothing.
import type { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import * as reviewActions from '@/lib/review/actions';
import { REVIEW_ACTIONS } from '@/e2e/access-matrix';
import { type ActionDefinition, runAction } from '@/lib/actions/action';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { type ReviewWorld, reviewWorld, submitted } from '@/test/helpers/review-world';
import { listQueue } from './queue';
import { parseQueueParams } from './queue-params';
import { reviewDetail } from './detail';
import { matchesFor } from './matches';

type Def = ActionDefinition<z.ZodType, unknown>;
const ACTIONS = reviewActions as unknown as Record<string, { definition: Def }>;

let w: ReviewWorld;
let target: { id: string };
let matchId: string;
beforeAll(async () => {
  w = await reviewWorld();
  target = await submitted(w, { cycle: w.cycleA, organisations: ['Harbin Institute of Technology'], findings: ['TALENT_PROGRAMME'] });
  const list = await db.watchlist.create({ data: { code: `S1286-${Date.now()}`, nameJa: '1286', nameEn: '1286', source: 'DoD', isSample: true } });
  const entry = await db.watchlistEntry.create({ data: { watchlistId: list.id, reference: 'HIT', name: 'Harbin Institute of Technology', searchText: 'harbin inst tech' } });
  matchId = (await db.entityMatch.create({ data: { organisationKey: 'name:harbin inst tech', organisationName: 'Harbin Institute of Technology', watchlistEntryId: entry.id, score: 1 } })).id;
});

function inputFor(name: string): unknown {
  const inputs: Record<string, unknown> = {
    decideAction: { disclosureId: target.id, stateVersion: 1, decision: 'RETURN', reason: 'Attach the contract.' },
    assignAction: { disclosureId: target.id, assigneeId: w.officerA.userId, expectedAssigneeId: '' },
    decideMatchAction: { disclosureId: target.id, matchId, decision: 'DISMISSED', note: '' },
    addCommentAction: { disclosureId: target.id, visibility: 'INTERNAL', body: 'note' },
    startReviewAction: { disclosureId: target.id, stateVersion: 1 },
  };
  if (!(name in inputs)) throw new Error(`no sample input for ${name}: add one`);
  return inputs[name];
}

describe('review access', () => {
  it('lists every action of the review page here and in the access matrix', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(['addCommentAction', 'assignAction', 'decideAction', 'decideMatchAction', 'startReviewAction']);
    expect(Object.values(ACTIONS).map((a) => a.definition.name).sort()).toEqual(REVIEW_ACTIONS.map((a) => a.name).sort());
    expect(Object.values(ACTIONS).every((a) => JSON.stringify(a.definition.roles) === '["OFFICER"]')).toBe(true);
  });

  it('refuses researchers, auditors, administrators and other institutions’ officers with 404 and an audit event', async () => {
    const outsiders: [string, Actor][] = [
      ['researcher of A', w.researcherA],
      ['officer of B', w.officerB],
      ['auditor', w.auditor],
      ['administrator', w.admin],
    ];
    for (const [who, actor] of outsiders) {
      for (const [name, action] of Object.entries(ACTIONS)) {
        const before = await db.auditEvent.count({ where: { action: 'access.denied', actorId: actor.userId } });
        const res = await runAction(action.definition, actor, inputFor(name), { ip: '10.9.9.9', userAgent: 'vitest' });
        expect(res, `${who} → ${name}`).toEqual({ ok: false, error: 'errors.notFound' });
        expect(await db.auditEvent.count({ where: { action: 'access.denied', actorId: actor.userId } }), `${who} → ${name} audited`).toBe(before + 1);
      }
    }
    const denied = await db.auditEvent.findFirstOrThrow({ where: { action: 'access.denied', actorId: w.officerB.userId }, orderBy: { id: 'desc' } });
    expect(denied.details).toMatchObject({ resource: `Disclosure:${target.id}` });
    // Nothing changed.
    expect(await db.disclosure.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ status: 'SUBMITTED', stateVersion: 1, assigneeId: null });
    expect(await db.reviewDecision.count({ where: { disclosureId: target.id } })).toBe(0);
    expect(await db.comment.count({ where: { disclosureId: target.id } })).toBe(0);
    expect(await db.matchDecision.count({ where: { matchId } })).toBe(0);
  });

  it('reads nothing for outsiders: queue, review page, matches', async () => {
    for (const actor of [w.researcherA, w.officerB, w.auditor, w.admin]) {
      expect((await listQueue(actor, parseQueueParams({}))).rows.map((r) => r.id)).not.toContain(target.id);
      expect(await reviewDetail(actor, target.id)).toBeNull();
      expect(await matchesFor(actor, target.id)).toEqual([]);
    }
    expect(await reviewDetail(w.officerA, target.id)).toMatchObject({ id: target.id, findings: [{ rule: { code: 'TALENT_PROGRAMME' } }] });
  });
});
