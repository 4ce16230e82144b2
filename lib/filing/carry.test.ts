// Carry forward, on the real database: a new cycle's draft starts from the researcher's last filed
// version (every section, item ids kept, contracts re-attached, items that ended before the new year left
// behind); two tabs starting it at once make one draft; nothing carried is submitted unanswered (the
// refusal names each open item and loses nothing); confirming, editing and ending each answer it; end
// dates outside the year are refused; and nobody else can answer for the researcher.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { submitDisclosureAction } from '@/lib/filing/actions';
import { confirmCarriedAction, endCarriedAction } from '@/lib/filing/carry-actions';
import { runAction } from '@/lib/actions/action';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import { createCycle, createInstitution } from '@/lib/seed/factories';
import { tinyPdf } from '@/lib/seed/tiny-pdf';
import { uploadAttachment } from './attachments';
import { saveSection } from './save-section';
import type { SaveSectionInput } from './schemas';
import { startDisclosure } from './start';
import { currentDraft, submitDisclosure } from './submit';
import { actorWith, completeContent, origin, saveAll, startFor, submitInput } from '@/test/helpers/filing';

const confirm = confirmCarriedAction.definition;
const end = endCarriedAction.definition;
const submit = submitDisclosureAction.definition;

/** An institution whose FY2025 cycle the researcher filed in (then closed) and whose FY2026 cycle is open. */
async function lastYearFiled(content: DisclosureContent = completeContent()) {
  const inst = await db.$transaction((tx) => createInstitution(tx));
  const fy2025 = await db.$transaction((tx) => createCycle(tx, { institutionId: inst.id, fiscalYear: 2025 }));
  const me = await actorWith({
    nameKanji: '山田 太郎',
    nameKana: 'ヤマダ タロウ',
    nameRomaji: 'Taro Yamada',
    roles: [{ role: 'RESEARCHER', institutionId: inst.id }],
    profile: { institutionId: inst.id, departmentId: inst.departments[0]!.id, position: '教授' },
  });
  const lastId = await startFor(me, fy2025.id);
  const contract = await uploadAttachment(me, { disclosureId: lastId, fileName: 'contract.pdf', bytes: tinyPdf('c'), kind: 'CONTRACT' }, origin);
  content.appointments.items[0]!.contractAttachmentIds = [contract.id];
  await saveAll(me, lastId, content);
  await submitDisclosure(me, await submitInput(lastId), { origin });
  await db.disclosureCycle.update({ where: { id: fy2025.id }, data: { status: 'CLOSED' } });
  const fy2026 = await db.$transaction((tx) => createCycle(tx, { institutionId: inst.id, fiscalYear: 2026 }));
  return { inst, me, lastId, contract, content, fy2026 };
}

async function draftOf(id: string) {
  return db.$transaction((tx) => currentDraft(tx, id));
}

async function save(actor: Actor, disclosureId: string, section: SaveSectionInput['section'], data: unknown) {
  const row = await db.disclosureSection.findUnique({ where: { disclosureId_key: { disclosureId, key: section } } });
  return saveSection(actor, { disclosureId, section, revision: row?.revision ?? 0, data } as SaveSectionInput, origin);
}

async function states(disclosureId: string) {
  const rows = await db.carriedItem.findMany({ where: { disclosureId }, select: { itemId: true, section: true, state: true, endedOn: true } });
  return Object.fromEntries(rows.map((r) => [r.section, r]));
}

describe('carrying the last filed disclosure into a new cycle', () => {
  it('prefills every section from the last version, keeps item ids, re-attaches contracts and marks each item', async () => {
    const content = completeContent();
    // Ended before FY2026 began (1 April 2026): history, not carried.
    content.travel.items[0]!.startDate = '2025-09-01';
    content.travel.items[0]!.endDate = '2025-09-05';
    const { me, fy2026, contract, lastId } = await lastYearFiled(content);

    const { disclosureId, created } = await startDisclosure(me, { cycleId: fy2026.id }, origin);
    expect(created).toBe(true);
    const { content: draft } = await draftOf(disclosureId);
    expect(draft.profile).toMatchObject({ nameKanji: '山田 太郎', position: '教授', eradNumber: '12345678', orcid: '0000-0002-1825-0097' });
    expect(draft.appointments.items.map((i) => i.id)).toEqual(content.appointments.items.map((i) => i.id));
    expect(draft.programmes.items[0]!.benefitsDescription).toBe(content.programmes.items[0]!.benefitsDescription);
    expect(draft.support.items[0]!.totalAmount).toEqual(content.support.items[0]!.totalAmount);
    expect(draft.gifts).toEqual({ nothingToDisclose: true, items: [] });
    expect(draft.travel).toEqual({ nothingToDisclose: false, items: [] });

    // The contract is the same file, attached to the new disclosure (attachments belong to one disclosure).
    const copied = draft.appointments.items[0]!.contractAttachmentIds ?? [];
    expect(copied).toHaveLength(1);
    expect(copied[0]).not.toBe(contract.id);
    const file = await db.attachment.findUniqueOrThrow({ where: { id: copied[0]! } });
    const original = await db.attachment.findUniqueOrThrow({ where: { id: contract.id } });
    expect(file).toMatchObject({ disclosureId, sha256: original.sha256, fileName: 'contract.pdf', deletedAt: null });

    const carried = await db.carriedItem.findMany({ where: { disclosureId } });
    expect(carried.map((c) => c.section).sort()).toEqual(['appointments', 'programmes', 'support']);
    expect(carried.every((c) => c.state === 'PENDING')).toBe(true);
    const lastVersion = await db.disclosureVersion.findFirstOrThrow({ where: { disclosureId: lastId } });
    expect(carried.every((c) => c.fromVersionId === lastVersion.id)).toBe(true);
  });

  it('makes one draft with one set of carried items when two tabs start it at once', async () => {
    const { me, fy2026 } = await lastYearFiled();
    const results = await Promise.all([1, 2, 3].map(() => startDisclosure(me, { cycleId: fy2026.id }, origin)));
    expect(new Set(results.map((r) => r.disclosureId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.disclosure.count({ where: { cycleId: fy2026.id, researcherId: me.userId } })).toBe(1);
    expect(await db.carriedItem.count({ where: { disclosureId: results[0]!.disclosureId } })).toBe(3);
  });

  it('refuses submission while a carried item is unanswered, naming it; confirm, edit and end answer it', async () => {
    const { me, fy2026 } = await lastYearFiled();
    const id = await startFor(me, fy2026.id);
    const draft = (await draftOf(id)).content;
    const [appointment, programme, support] = [draft.appointments.items[0]!, draft.programmes.items[0]!, draft.support.items[0]!];

    // Re-saving a section unchanged is not an edit.
    await save(me, id, 'support', draft.support);
    expect((await states(id)).support!.state).toBe('PENDING');

    // Edited: the programme's role changed.
    await save(me, id, 'programmes', { ...draft.programmes, items: [{ ...programme, role: 'Adviser' }] });
    expect((await states(id)).programmes!.state).toBe('EDITED');

    // Confirmed: the appointment as it stands.
    expect(await runAction(confirm, me, { disclosureId: id, itemId: appointment.id }, origin)).toMatchObject({ ok: true, data: { state: 'CONFIRMED' } });

    // The support item is still open: submission names it, and the draft is untouched.
    const before = await db.disclosureSection.findMany({ where: { disclosureId: id }, orderBy: { key: 'asc' } });
    const refused = await runAction(submit, me, await submitInput(id), origin);
    expect(refused).toMatchObject({
      ok: false,
      error: 'carry.errors.unconfirmed',
      details: { count: 1, items: [{ section: 'support', itemId: support.id, title: support.title }] },
    });
    expect(await db.disclosureSection.findMany({ where: { disclosureId: id }, orderBy: { key: 'asc' } })).toEqual(before);
    expect(await db.disclosureVersion.count({ where: { disclosureId: id } })).toBe(0);

    // Ended: outside the cycle's year is refused with a field error, inside it is written into the item.
    for (const [endDate, key] of [
      ['2026-03-31', 'carry.errors.end.beforePeriod'],
      ['2027-04-01', 'carry.errors.end.afterPeriod'],
      ['2026-13-01', 'carry.errors.end.invalid'],
    ] as const) {
      expect(await runAction(end, me, { disclosureId: id, itemId: support.id, endDate }, origin)).toMatchObject({
        ok: false,
        error: 'errors.invalidInput',
        fieldErrors: { endDate: [key] },
      });
    }
    expect((await states(id)).support!.state).toBe('PENDING');
    expect(await runAction(end, me, { disclosureId: id, itemId: support.id, endDate: '2026-09-30' }, origin)).toMatchObject({ ok: true });
    const ended = await states(id);
    expect(ended.support).toMatchObject({ state: 'ENDED', endedOn: new Date('2026-09-30T00:00:00Z') });
    expect((await draftOf(id)).content.support.items[0]!.endDate).toBe('2026-09-30');

    // Everything answered: it goes in, the ended grant on the record with its end date.
    const { content: now } = await draftOf(id);
    now.support.items[0]!.personMonthsPerYear = [{ year: 2026, personMonths: 2.5 }];
    await save(me, id, 'support', now.support);
    // Last year's trip ended before this year: not carried, so the section is answered afresh.
    expect(now.travel.items).toEqual([]);
    await save(me, id, 'travel', { nothingToDisclose: true, items: [] });
    const ok = await runAction(submit, me, await submitInput(id), origin);
    expect(ok).toMatchObject({ ok: true, data: { number: 1 } });
    const v = await db.disclosureVersion.findFirstOrThrow({ where: { disclosureId: id } });
    const filed = v.content as DisclosureContent;
    expect(filed.support.items[0]).toMatchObject({ id: support.id, endDate: '2026-09-30' });
    expect(filed.programmes.items[0]).toMatchObject({ id: programme.id, role: 'Adviser' });
  });

  it('a first disclosure (nothing filed before) carries nothing', async () => {
    const inst = await db.$transaction((tx) => createInstitution(tx));
    const cycle = await db.$transaction((tx) => createCycle(tx, { institutionId: inst.id, fiscalYear: 2026 }));
    const me = await actorWith({ roles: [{ role: 'RESEARCHER', institutionId: inst.id }], profile: { institutionId: inst.id, position: '講師' } });
    const id = await startFor(me, cycle.id);
    expect(await db.carriedItem.count({ where: { disclosureId: id } })).toBe(0);
    expect(await db.disclosureSection.count({ where: { disclosureId: id } })).toBe(1);
  });

  it('nobody but the researcher answers for their carried items: the same 404 as a missing record', async () => {
    const { me, fy2026, inst } = await lastYearFiled();
    const id = await startFor(me, fy2026.id);
    const item = (await db.carriedItem.findFirstOrThrow({ where: { disclosureId: id, section: 'appointments' } })).itemId;
    const colleague = await actorWith({ roles: [{ role: 'RESEARCHER', institutionId: inst.id }] });
    const officer = await actorWith({ roles: [{ role: 'OFFICER', institutionId: inst.id }] });
    const admin = await actorWith({ roles: [{ role: 'ADMIN', allInstitutions: true }] });
    for (const actor of [colleague, officer, admin]) {
      expect(await runAction(confirm, actor, { disclosureId: id, itemId: item }, origin)).toEqual({ ok: false, error: 'errors.notFound' });
      expect(await runAction(end, actor, { disclosureId: id, itemId: item, endDate: '2026-06-30' }, origin)).toEqual({ ok: false, error: 'errors.notFound' });
    }
    expect(await runAction(confirm, me, { disclosureId: randomUUID(), itemId: item }, origin)).toEqual({ ok: false, error: 'errors.notFound' });
    expect((await states(id)).appointments!.state).toBe('PENDING');
    // An item that was never carried is not a question to answer.
    expect(await runAction(confirm, me, { disclosureId: id, itemId: randomUUID() }, origin)).toMatchObject({ ok: false, error: 'carry.errors.notCarried' });
  });
});
