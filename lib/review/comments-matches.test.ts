import { beforeAll, describe, expect, it } from 'vitest';
import { addCommentAction, decideMatchAction } from '@/lib/review/actions';
import { runAction } from '@/lib/actions/action';
import { db } from '@/lib/db/client';
import { type ReviewWorld, reviewWorld, submitted } from '@/test/helpers/review-world';
import { officerComments, researcherComments } from './comments';
import { matchesFor } from './matches';

let w: ReviewWorld;
beforeAll(async () => {
  w = await reviewWorld();
});
const origin = { ip: null, userAgent: 'vitest' };

describe('comments', () => {
  it('keeps INTERNAL notes from the researcher; both kinds are audited', async () => {
    const d = await submitted(w, { cycle: w.cycleA });
    for (const [visibility, body] of [
      ['INTERNAL', 'Check the grant overlap with KAKEN before deciding.'],
      ['RESEARCHER', 'Could you attach the appointment contract?'],
      ['INTERNAL', 'Contract seen; fine.'],
    ] as const) {
      expect(await runAction(addCommentAction.definition, w.officerA, { disclosureId: d.id, visibility, body }, origin)).toMatchObject({ ok: true });
    }
    expect(await runAction(addCommentAction.definition, w.officerA, { disclosureId: d.id, visibility: 'RESEARCHER', body: '  ' }, origin)).toMatchObject({
      ok: false,
      fieldErrors: { body: ['review.errors.commentRequired'] },
    });
    const all = await officerComments(w.officerA, d.id);
    expect(all.map((c) => c.visibility)).toEqual(['INTERNAL', 'RESEARCHER', 'INTERNAL']);
    expect(all[0]!.author.displayName).toBe(w.officerA.displayName);
    const visible = await researcherComments(d.researcher, d.id);
    expect(visible.map((c) => c.body)).toEqual(['Could you attach the appointment contract?']);
    expect(visible.every((c) => c.visibility === 'RESEARCHER')).toBe(true);
    // Not their disclosure: the same answer as a missing one.
    await expect(researcherComments(w.researcherA, d.id)).rejects.toThrow('errors.notFound');
    await expect(officerComments(w.officerB, d.id)).rejects.toThrow('errors.notFound');
    expect(await db.auditEvent.count({ where: { action: 'review.comment', entityId: d.id } })).toBe(3);
  });
});

describe('watchlist matches', () => {
  it('confirm/dismiss is remembered per organisation for the institution, audited, and recounts its pending matches', async () => {
    const list = await db.watchlist.create({ data: { code: `EUL-${Date.now()}`, nameJa: '外国ユーザーリスト', nameEn: 'End User List', source: 'METI', isSample: true } });
    const entry = await db.watchlistEntry.create({ data: { watchlistId: list.id, reference: 'E-1', name: 'Beijing Institute of Technology', searchText: 'beijing inst tech' } });
    const key = 'name:beijing inst tech';
    const match = await db.entityMatch.create({ data: { organisationKey: key, organisationName: 'Beijing Institute of Technology', watchlistEntryId: entry.id, score: 0.97, matchedNames: ['BEIJING INSTITUTE OF TECHNOLOGY'] } });
    const one = await submitted(w, { cycle: w.cycleA, organisations: ['Beijing Institute of Technology'], pendingMatches: 1 });
    const two = await submitted(w, { cycle: w.cycleA, organisations: ['BEIJING INST. OF TECHNOLOGY'], pendingMatches: 1, status: 'APPROVED' });
    const other = await submitted(w, { cycle: w.cycleB, organisations: ['Beijing Institute of Technology'], pendingMatches: 1 });

    const shown = await matchesFor(w.officerA, one.id);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ id: match.id, status: 'PENDING', score: 0.97, disclosedNames: ['Beijing Institute of Technology'], watchlist: { isSample: true } });
    expect(await matchesFor(w.officerB, one.id)).toEqual([]);

    // An officer of another institution cannot decide it through a disclosure that is not theirs.
    expect(await runAction(decideMatchAction.definition, w.officerB, { disclosureId: one.id, matchId: match.id, decision: 'DISMISSED' }, origin)).toEqual({ ok: false, error: 'errors.notFound' });
    // Nor through one of theirs that does not name the organisation.
    const unrelated = await submitted(w, { cycle: w.cycleA, organisations: ['Stanford University'] });
    expect(await runAction(decideMatchAction.definition, w.officerA, { disclosureId: unrelated.id, matchId: match.id, decision: 'CONFIRMED' }, origin)).toEqual({ ok: false, error: 'errors.notFound' });

    const res = await runAction(decideMatchAction.definition, w.officerA, { disclosureId: one.id, matchId: match.id, decision: 'CONFIRMED', note: 'Same university; contract names it.' }, origin);
    expect(res).toMatchObject({ ok: true, data: { status: 'CONFIRMED' } });
    expect(await db.matchDecision.findMany({ where: { matchId: match.id } })).toEqual([
      expect.objectContaining({ institutionId: w.a.id, status: 'CONFIRMED', decidedById: w.officerA.userId, note: 'Same university; contract names it.' }),
    ]);
    const counts = await db.disclosure.findMany({ where: { id: { in: [one.id, two.id, other.id] } }, select: { id: true, pendingMatches: true } });
    const pending = Object.fromEntries(counts.map((c) => [c.id, c.pendingMatches]));
    expect(pending[one.id]).toBe(0);
    expect(pending[two.id]).toBe(0); // the same organisation written differently: same decision
    expect(pending[other.id]).toBe(1); // another institution's: its own decision to make
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'review.match.decision', entityId: match.id } });
    expect(event.details).toMatchObject({ from: 'PENDING', to: 'CONFIRMED', disclosureId: one.id });

    // The decision is remembered: another disclosure naming the organisation shows it decided.
    const later = await submitted(w, { cycle: w.pastA, organisations: ['Beijing Institute of Technology'] });
    expect((await matchesFor(w.officerA, later.id))[0]).toMatchObject({ status: 'CONFIRMED', decidedBy: w.officerA.displayName });
    // And it can be revised (dismissed), again audited.
    expect(await runAction(decideMatchAction.definition, w.officerA2, { disclosureId: later.id, matchId: match.id, decision: 'DISMISSED' }, origin)).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { action: 'review.match.decision', entityId: match.id } })).toBe(2);
  });
});
