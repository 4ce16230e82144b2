// Grant suggestions on the real database: only the imported grants of the e-Rad number on the
// researcher's own profile, at the institution they file for, still running in the cycle's year; never
// another researcher's (not even by typing their e-Rad number into the draft); accepted ones become a
// linked support item filled from the records; dismissed ones stay dismissed, in later cycles too.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { acceptGrantAction, dismissGrantAction } from '@/lib/filing/grant-actions';
import { runAction } from '@/lib/actions/action';
import { db } from '@/lib/db/client';
import { createCycle, createInstitution } from '@/lib/seed/factories';
import { grantSuggestions, linkedGrants } from './grant-suggestions';
import { currentDraft } from './submit';
import { actorWith, origin, saveAll, startFor } from '@/test/helpers/filing';

const accept = acceptGrantAction.definition;
const dismiss = dismissGrantAction.definition;

function erad(): string {
  return String(20_000_000 + Math.floor(Math.random() * 79_999_999)).slice(0, 8);
}

async function world() {
  const [a, b] = await db.$transaction(async (tx) => [await createInstitution(tx), await createInstitution(tx)]);
  const cycleA = await db.$transaction((tx) => createCycle(tx, { institutionId: a.id, fiscalYear: 2026 }));
  const mine = erad();
  const theirs = erad();
  const me = await actorWith({ roles: [{ role: 'RESEARCHER', institutionId: a.id }], profile: { institutionId: a.id, eradNumber: mine, position: '教授' } });
  const other = await actorWith({ roles: [{ role: 'RESEARCHER', institutionId: b.id }], profile: { institutionId: b.id, eradNumber: theirs } });
  const p = (n: string) => `${n}-${randomUUID().slice(0, 6)}`;
  const [current, ended, newer, othersGrant] = [p('25K'), p('22H'), p('26K'), p('26A')];
  await db.domesticGrant.createMany({
    data: [
      { eradNumber: mine, projectNumber: current, fiscalYear: 2025, role: 'PRINCIPAL_INVESTIGATOR', amountJpy: 1_300_000n, title: '複合材料の接合' },
      { eradNumber: mine, projectNumber: current, fiscalYear: 2026, role: 'PRINCIPAL_INVESTIGATOR', amountJpy: 1_200_000n, title: '複合材料の接合' },
      { eradNumber: mine, projectNumber: current, fiscalYear: 2027, role: 'PRINCIPAL_INVESTIGATOR', amountJpy: 1_000_000n, title: '複合材料の接合' },
      { eradNumber: mine, projectNumber: ended, fiscalYear: 2024, role: 'PRINCIPAL_INVESTIGATOR', amountJpy: 9_000_000n, title: '終わった課題' },
      { eradNumber: mine, projectNumber: ended, fiscalYear: 2025, role: 'PRINCIPAL_INVESTIGATOR', amountJpy: 9_000_000n, title: '終わった課題' },
      { eradNumber: mine, projectNumber: newer, fiscalYear: 2026, role: 'CO_INVESTIGATOR', amountJpy: 500_000n, title: null },
      { eradNumber: mine, projectNumber: newer, fiscalYear: 2027, role: 'CO_INVESTIGATOR', amountJpy: 500_000n, title: null },
      { eradNumber: theirs, projectNumber: othersGrant, fiscalYear: 2026, role: 'PRINCIPAL_INVESTIGATOR', amountJpy: 7_000_000n, title: '他機関の課題' },
    ],
  });
  return { a, b, cycleA, me, other, mine, theirs, current, ended, newer, othersGrant };
}

describe('grant suggestions for current and pending support', () => {
  it('suggests the researcher’s own grants still running this year, with periods and amounts from the records', async () => {
    const w = await world();
    const id = await startFor(w.me, w.cycleA.id);
    const suggestions = await grantSuggestions(w.me, id);
    expect(suggestions.map((s) => s.projectNumber).sort()).toEqual([w.current, w.newer].sort());
    expect(suggestions.find((s) => s.projectNumber === w.current)).toEqual({
      funder: 'KAKENHI',
      projectNumber: w.current,
      title: '複合材料の接合',
      role: 'PRINCIPAL_INVESTIGATOR',
      startDate: '2025-04-01',
      endDate: '2028-03-31',
      totalJpy: '3500000',
      years: [
        { fiscalYear: 2025, amountJpy: '1300000' },
        { fiscalYear: 2026, amountJpy: '1200000' },
        { fiscalYear: 2027, amountJpy: '1000000' },
      ],
    });
    expect(suggestions.find((s) => s.projectNumber === w.newer)).toMatchObject({ role: 'CO_INVESTIGATOR', title: null });
  });

  it('never shows another researcher’s grants: not by typing their e-Rad number, not when filing at another institution', async () => {
    const w = await world();
    const id = await startFor(w.me, w.cycleA.id);
    await saveAll(w.me, id, { profile: { nameKanji: '山田 太郎', position: '教授', eradNumber: w.theirs } });
    expect((await grantSuggestions(w.me, id)).map((s) => s.projectNumber)).not.toContain(w.othersGrant);
    // Taking someone else's project by its number answers as if it did not exist, and stores nothing.
    expect(await runAction(accept, w.me, { disclosureId: id, funder: 'KAKENHI', projectNumber: w.othersGrant }, origin)).toEqual({ ok: false, error: 'errors.notFound' });
    expect(await db.grantSuggestion.count({ where: { researcherId: w.me.userId } })).toBe(0);

    // A researcher of two institutions whose profile is at B sees none of their grants when filing at A.
    const twoPlaces = await actorWith({
      roles: [{ role: 'RESEARCHER', institutionId: w.a.id }, { role: 'RESEARCHER', institutionId: w.b.id }],
      profile: { institutionId: w.b.id, eradNumber: erad() },
    });
    const profile = await db.researcherProfile.findUniqueOrThrow({ where: { userId: twoPlaces.userId } });
    await db.domesticGrant.create({ data: { eradNumber: profile.eradNumber!, projectNumber: `B-${randomUUID().slice(0, 6)}`, fiscalYear: 2026, role: 'PRINCIPAL_INVESTIGATOR', amountJpy: 1n } });
    expect(await grantSuggestions(twoPlaces, await startFor(twoPlaces, w.cycleA.id))).toEqual([]);

    // Nobody else reads or answers the suggestions of this disclosure.
    for (const intruder of [w.other, await actorWith({ roles: [{ role: 'OFFICER', institutionId: w.a.id }] })]) {
      await expect(grantSuggestions(intruder, id)).rejects.toThrow();
      expect(await runAction(accept, intruder, { disclosureId: id, funder: 'KAKENHI', projectNumber: w.current }, origin)).toEqual({ ok: false, error: 'errors.notFound' });
      expect(await runAction(dismiss, intruder, { disclosureId: id, funder: 'KAKENHI', projectNumber: w.current }, origin)).toEqual({ ok: false, error: 'errors.notFound' });
    }
  });

  it('accepting adds a linked support item filled from the records; dismissed grants stay dismissed next year', async () => {
    const w = await world();
    const id = await startFor(w.me, w.cycleA.id);
    const res = await runAction(accept, w.me, { disclosureId: id, funder: 'KAKENHI', projectNumber: w.current }, origin);
    expect(res).toMatchObject({ ok: true });
    const itemId = res.ok ? res.data.itemId : '';
    const { content } = await db.$transaction((tx) => currentDraft(tx, id));
    expect(content.support.items).toHaveLength(1);
    expect(content.support.items[0]).toMatchObject({
      id: itemId,
      title: '複合材料の接合',
      status: 'CURRENT',
      role: 'PRINCIPAL_INVESTIGATOR',
      awardNumber: w.current,
      source: { country: 'JP', nameLocal: '日本学術振興会（科研費）' },
      placeOfPerformance: { name: w.a.nameEn, nameLocal: w.a.nameJa, country: 'JP' },
      startDate: '2025-04-01',
      endDate: '2028-03-31',
      totalAmount: { amountMinor: 3_500_000, currency: 'JPY' },
      inKind: false,
    });
    expect(await linkedGrants(id)).toEqual({ [itemId]: { funder: 'KAKENHI', projectNumber: w.current } });
    // Accepted once: not suggested again, and a second accept (another tab) finds nothing to accept.
    expect((await grantSuggestions(w.me, id)).map((s) => s.projectNumber)).toEqual([w.newer]);
    expect(await runAction(accept, w.me, { disclosureId: id, funder: 'KAKENHI', projectNumber: w.current }, origin)).toEqual({ ok: false, error: 'errors.notFound' });

    expect(await runAction(dismiss, w.me, { disclosureId: id, funder: 'KAKENHI', projectNumber: w.newer }, origin)).toMatchObject({ ok: true });
    expect(await grantSuggestions(w.me, id)).toEqual([]);
    expect((await db.$transaction((tx) => currentDraft(tx, id))).content.support.items).toHaveLength(1);

    await db.disclosureCycle.update({ where: { id: w.cycleA.id }, data: { status: 'CLOSED' } });
    const next = await db.$transaction((tx) => createCycle(tx, { institutionId: w.a.id, fiscalYear: 2027 }));
    const nextId = await startFor(w.me, next.id);
    expect((await grantSuggestions(w.me, nextId)).map((s) => s.projectNumber)).not.toContain(w.newer);
  });
});
