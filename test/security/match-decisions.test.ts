// Issue 12, item 5: a watchlist-match decision belongs to the institution that made it. Officer A
// dismissing a match (with a note) must not dismiss it for institution B, nor show B who decided or why;
// B's queue count and B's review page must agree.
import { beforeAll, describe, expect, it } from 'vitest';
import { decideMatchAction } from '@/lib/review/actions';
import { runAction } from '@/lib/actions/action';
import { db } from '@/lib/db/client';
import { matchesFor } from '@/lib/review/matches';
import { listQueue } from '@/lib/review/queue';
import { parseQueueParams } from '@/lib/review/queue-params';
import { recheckDisclosure } from '@/lib/rules/check';
import { organisationKeyOf } from '@/lib/watchlists/record-matches';
import { type ReviewWorld, reviewWorld, submitted } from '@/test/helpers/review-world';

let w: ReviewWorld;
const origin = { ip: null, userAgent: 'vitest' };
const NOTE = 'A-internal: spoke to the researcher, different campus';

beforeAll(async () => {
  w = await reviewWorld();
});

/** The counts the queue shows for a disclosure, and what its review page shows as pending. */
async function countsFor(actor: ReviewWorld['officerB'], disclosureId: string, query: Record<string, string> = {}) {
  const row = (await listQueue(actor, parseQueueParams(query), { pageSize: 200 })).rows.find((r) => r.id === disclosureId);
  const page = (await matchesFor(actor, disclosureId)).filter((m) => m.status === 'PENDING').length;
  return { queue: row?.pendingMatches, page, listed: !!row };
}

describe('watchlist-match decisions are per institution', () => {
  it('A dismisses; B still sees the match pending, without A’s name or note, and B’s queue agrees with B’s page', async () => {
    const list = await db.watchlist.create({ data: { code: `EUL-${Date.now()}`, nameJa: '外国ユーザーリスト', nameEn: 'End User List', source: 'METI', isSample: true } });
    const entry = await db.watchlistEntry.create({ data: { watchlistId: list.id, reference: 'E-9', name: 'Harbin Engineering University', searchText: 'harbin engineering univ' } });
    const match = await db.entityMatch.create({
      data: { organisationKey: organisationKeyOf({ name: 'Harbin Engineering University' }), organisationName: 'Harbin Engineering University', watchlistEntryId: entry.id, score: 0.96, matchedNames: ['HARBIN ENGINEERING UNIVERSITY'] },
    });
    const dA = await submitted(w, { cycle: w.cycleA, organisations: ['Harbin Engineering University'] });
    const dB = await submitted(w, { cycle: w.cycleB, organisations: ['Harbin Engineering University'] });
    // The counts as the rules layer computes them (the same path as submission and re-screening).
    await db.$transaction(async (tx) => {
      for (const id of [dA.id, dB.id]) await recheckDisclosure(tx, id, { screen: false });
    });
    expect(await countsFor(w.officerA, dA.id)).toEqual({ queue: 1, page: 1, listed: true });
    expect(await countsFor(w.officerB, dB.id)).toEqual({ queue: 1, page: 1, listed: true });

    const res = await runAction(decideMatchAction.definition, w.officerA, { disclosureId: dA.id, matchId: match.id, decision: 'DISMISSED', note: NOTE }, origin);
    expect(res).toMatchObject({ ok: true, data: { status: 'DISMISSED' } });
    // A's side: decided, by A, with the note; A's count follows.
    const seenByA = await matchesFor(w.officerA, dA.id);
    expect(seenByA).toEqual([expect.objectContaining({ id: match.id, status: 'DISMISSED', decidedBy: w.officerA.displayName, note: NOTE })]);
    expect(await countsFor(w.officerA, dA.id)).toEqual({ queue: 0, page: 0, listed: true });

    // B's side, also after B's disclosure is re-checked (a later re-screening, a rules change).
    for (const recheck of [false, true]) {
      if (recheck) await db.$transaction((tx) => recheckDisclosure(tx, dB.id, { screen: false }));
      const seenByB = await matchesFor(w.officerB, dB.id);
      expect(seenByB).toEqual([expect.objectContaining({ id: match.id, status: 'PENDING', decidedBy: null, decidedAt: null, note: null })]);
      const shown = JSON.stringify(seenByB);
      expect(shown).not.toContain(w.officerA.displayName);
      expect(shown).not.toContain(NOTE);
      expect(await countsFor(w.officerB, dB.id)).toEqual({ queue: 1, page: 1, listed: true });
      expect((await countsFor(w.officerB, dB.id, { watch: 'pending' })).listed).toBe(true);
    }

    // B decides the other way; A's decision stands, and neither sees the other's.
    expect(await runAction(decideMatchAction.definition, w.officerB, { disclosureId: dB.id, matchId: match.id, decision: 'CONFIRMED', note: 'B: same body' }, origin)).toMatchObject({ ok: true });
    expect(await matchesFor(w.officerB, dB.id)).toEqual([expect.objectContaining({ status: 'CONFIRMED', decidedBy: w.officerB.displayName, note: 'B: same body' })]);
    expect(await matchesFor(w.officerA, dA.id)).toEqual([expect.objectContaining({ status: 'DISMISSED', decidedBy: w.officerA.displayName, note: NOTE })]);
    expect((await countsFor(w.officerB, dB.id, { watch: 'confirmed' })).listed).toBe(true);
    expect((await countsFor(w.officerA, dA.id, { watch: 'confirmed' })).listed).toBe(false);
    await db.$transaction(async (tx) => {
      for (const id of [dA.id, dB.id]) await recheckDisclosure(tx, id, { screen: false });
    });
    expect(await countsFor(w.officerA, dA.id)).toEqual({ queue: 0, page: 0, listed: true });
    expect(await countsFor(w.officerB, dB.id)).toEqual({ queue: 0, page: 0, listed: true });

    // The audit event of each decision names its own institution.
    const events = await db.auditEvent.findMany({ where: { action: 'review.match.decision', entityId: match.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.institutionId, (e.details as { from: string; to: string }).from, (e.details as { to: string }).to])).toEqual([
      [w.a.id, 'PENDING', 'DISMISSED'],
      [w.b.id, 'PENDING', 'CONFIRMED'],
    ]);
  });
});
