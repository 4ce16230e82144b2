// Drafts: optimistic concurrency between tabs, the same schema on the server, and nothing stored when
// a save is refused.
import { describe, expect, it } from 'vitest';
import { saveSectionAction } from '@/lib/filing/actions';
import { runAction } from '@/lib/actions/action';
import { db } from '@/lib/db/client';
import { limits } from '@/lib/disclosures/fields';
import { auditOf, completeContent, filingWorld, origin, snapshot, startFor, submitted } from '@/test/helpers/filing';

const save = saveSectionAction.definition;
const world = await filingWorld();

describe('saving a draft section', () => {
  it('writes the section and bumps its revision; the profile starts prefilled from the account', async () => {
    const actor = await world.researcher();
    const id = await startFor(actor, world.cycleA.id);
    const profile = await db.disclosureSection.findUniqueOrThrow({ where: { disclosureId_key: { disclosureId: id, key: 'profile' } } });
    expect(profile).toMatchObject({ revision: 1, data: { nameKanji: '山田 太郎', nameRomaji: 'Taro Yamada', position: '教授' } });

    const res = await runAction(save, actor, { disclosureId: id, section: 'gifts', revision: 0, data: { nothingToDisclose: true } }, origin);
    expect(res).toMatchObject({ ok: true, data: { revision: 1 } });
    const again = await runAction(save, actor, { disclosureId: id, section: 'gifts', revision: 1, data: { nothingToDisclose: false, items: [] } }, origin);
    expect(again).toMatchObject({ ok: true, data: { revision: 2 } });
    const row = await db.disclosureSection.findUniqueOrThrow({ where: { disclosureId_key: { disclosureId: id, key: 'gifts' } } });
    expect(row).toMatchObject({ revision: 2, data: { nothingToDisclose: false, items: [] } });
    expect((await auditOf('disclosure.section.save')).filter((e) => e.entityId === id)).toHaveLength(2);
  });

  it('refuses the stale tab of two with errors.staleWrite; the stored data is the first tab’s', async () => {
    const actor = await world.researcher();
    const id = await startFor(actor, world.cycleA.id);
    const content = completeContent();
    // Both tabs opened the page at revision 1 of the profile.
    const tabA = { disclosureId: id, section: 'profile', revision: 1, data: { ...content.profile, position: 'Professor (tab A)' } };
    const tabB = { disclosureId: id, section: 'profile', revision: 1, data: { ...content.profile, position: 'Professor (tab B)' } };
    expect(await runAction(save, actor, tabA, origin)).toMatchObject({ ok: true, data: { revision: 2 } });
    const stale = await runAction(save, actor, tabB, origin);
    expect(stale).toMatchObject({ ok: false, error: 'errors.staleWrite', details: { section: 'profile', revision: 2 } });
    expect(stale.ok === false && typeof stale.details?.updatedAt).toBe('string');
    const row = await db.disclosureSection.findUniqueOrThrow({ where: { disclosureId_key: { disclosureId: id, key: 'profile' } } });
    expect(row).toMatchObject({ revision: 2, data: { position: 'Professor (tab A)' } });
  });

  it('accepts a retried save of exactly what is stored (no conflict, nothing written), refuses anything else', async () => {
    const actor = await world.researcher();
    const id = await startFor(actor, world.cycleA.id);
    const data = { nothingToDisclose: true, items: [] };
    expect(await runAction(save, actor, { disclosureId: id, section: 'gifts', revision: 0, data }, origin)).toMatchObject({ ok: true, data: { revision: 1 } });
    const audits = (await auditOf('disclosure.section.save')).length;
    // The browser never saw the answer (the tab was closed) and sends the same again from revision 0.
    expect(await runAction(save, actor, { disclosureId: id, section: 'gifts', revision: 0, data }, origin)).toMatchObject({ ok: true, data: { revision: 1 } });
    expect((await auditOf('disclosure.section.save')).length).toBe(audits);
    const different = await runAction(save, actor, { disclosureId: id, section: 'gifts', revision: 0, data: { nothingToDisclose: false } }, origin);
    expect(different).toMatchObject({ ok: false, error: 'errors.staleWrite', details: { revision: 1 } });
  });

  it('lets exactly one of two simultaneous saves at the same revision through, for new sections too', async () => {
    const actor = await world.researcher();
    const id = await startFor(actor, world.cycleA.id);
    for (const [section, revision] of [['travel', 0], ['profile', 1]] as const) {
      const results = await Promise.all(
        ['one', 'two'].map((tab) =>
          runAction(save, actor, { disclosureId: id, section, revision, data: section === 'travel' ? { nothingToDisclose: tab === 'one' } : { position: tab } }, origin),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(['errors.staleWrite']);
      const row = await db.disclosureSection.findUniqueOrThrow({ where: { disclosureId_key: { disclosureId: id, key: section } } });
      expect(row.revision).toBe(revision + 1);
    }
  });

  it('refuses malformed and oversized input with field errors, storing nothing', async () => {
    const actor = await world.researcher();
    const id = await startFor(actor, world.cycleA.id);
    const item = completeContent().appointments.items[0]!;
    const before = await snapshot();
    const cases: [unknown, string][] = [
      [null, '_form'],
      [{ disclosureId: 'not-a-uuid', section: 'profile', revision: 1, data: {} }, 'disclosureId'],
      [{ disclosureId: id, section: 'hobbies', revision: 0, data: {} }, 'section'],
      [{ disclosureId: id, section: 'profile', revision: -1, data: {} }, 'revision'],
      [{ disclosureId: id, section: 'profile', revision: 1, data: { position: 42 } }, 'data.position'],
      [{ disclosureId: id, section: 'profile', revision: 1, data: { position: 'x'.repeat(limits.short + 1) } }, 'data.position'],
      [{ disclosureId: id, section: 'appointments', revision: 0, data: { items: [{ ...item, title: 'x'.repeat(5000) }] } }, 'data.items.0.title'],
      [{ disclosureId: id, section: 'appointments', revision: 0, data: { items: [{ ...item, startDate: '2026-02-30' }] } }, 'data.items.0.startDate'],
      [{ disclosureId: id, section: 'appointments', revision: 0, data: { items: [{ ...item, id: 'x' }] } }, 'data.items.0.id'],
      [{ disclosureId: id, section: 'appointments', revision: 0, data: { items: Array.from({ length: limits.items + 1 }, () => ({ id: crypto.randomUUID() })) } }, 'data.items'],
      [{ disclosureId: id, section: 'appointments', revision: 0, data: { items: [{ ...item, compensation: { amountMinor: -5, currency: 'USD' } }] } }, 'data.items.0.compensation.amountMinor'],
      [{ disclosureId: id, section: 'appointments', revision: 0, data: { items: [{ ...item, compensation: { amountMinor: 5, currency: 'XXX' } }] } }, 'data.items.0.compensation.currency'],
    ];
    for (const [input, path] of cases) {
      const res = await runAction(save, actor, input, origin);
      expect(res.ok, JSON.stringify(input).slice(0, 80)).toBe(false);
      if (res.ok) continue;
      expect(res.error).toBe('errors.invalidInput');
      expect(Object.keys(res.fieldErrors ?? {}), path).toContain(path);
      for (const messages of Object.values(res.fieldErrors ?? {})) {
        for (const m of messages) expect(m, 'a catalog key, not zod English').toMatch(/^validation\.[a-zA-Z]+$/);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses (and audits) any edit of a submitted disclosure; the version stays as submitted', async () => {
    const actor = await world.researcher();
    const id = await submitted(actor, world.cycleA.id);
    const before = await snapshot();
    const res = await runAction(save, actor, { disclosureId: id, section: 'profile', revision: 0, data: { position: 'Changed' } }, origin);
    expect(res).toMatchObject({ ok: false, error: 'filing.errors.notEditable.awaitingReview' });
    expect(await snapshot()).toEqual(before);
    const denied = (await auditOf('disclosure.section.save', 'DENIED')).filter((e) => e.entityId === id);
    expect(denied).toHaveLength(1);
    expect(denied[0]!.details).toMatchObject({ reason: 'awaitingReview' });
  });

  it('answers 404 (audited) to anyone but the researcher who owns the disclosure', async () => {
    const actor = await world.researcher();
    const id = await startFor(actor, world.cycleA.id);
    const before = await snapshot();
    for (const intruder of [world.other, world.researcherB, world.officer, world.auditor, world.admin]) {
      const res = await runAction(save, intruder, { disclosureId: id, section: 'profile', revision: 1, data: { position: 'x' } }, origin);
      expect(res).toEqual({ ok: false, error: 'errors.notFound' });
    }
    expect(await snapshot()).toEqual(before);
    const denials = (await auditOf('access.denied')).filter((e) => (e.details as { action?: string }).action === 'filing.saveSection');
    expect(denials.length).toBeGreaterThanOrEqual(5);
  });
});
