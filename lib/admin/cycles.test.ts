import { describe, expect, it } from 'vitest';
import { createCycleAction, setCycleStatusAction, updateCycleAction } from '@/lib/admin/cycle-actions';
import { runAction } from '@/lib/actions/action';
import { acceptsNewFilings, acceptsUpdates, nextStatuses } from '@/lib/admin/cycle-status';
import { cycleByCode, listCycles } from '@/lib/admin/cycles';
import { cycleCreateSchema, parseReminderDays } from '@/lib/admin/schemas/cycle';
import { db } from '@/lib/db/client';
import { adminWorld } from '@/test/helpers/actors';

const form = (institutionId: string, o: Record<string, unknown> = {}) => ({
  institutionId,
  code: 'FY2027',
  fiscalYear: 2027,
  titleJa: '2027年度 年次開示',
  titleEn: 'FY2027 annual disclosure',
  opensAt: '2027-04-01T09:00',
  filingDeadline: '2027-06-30T17:00',
  reviewDeadline: '2027-09-30T17:00',
  attestationJa: '私は、本開示の内容が真実かつ完全であることを誓約します。',
  attestationEn: 'I certify that this disclosure is true and complete.',
  rates: [
    { currency: 'USD', jpyPerUnit: '151.2345' },
    { currency: 'CNY', jpyPerUnit: '20.8' },
  ],
  reminderDays: '7, 14,1',
  ...o,
});

const fieldErrors = (input: unknown) => {
  const r = cycleCreateSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('cycle validation', () => {
  it('requires opening < filing deadline ≤ review deadline', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect(fieldErrors(form(id))).toEqual({});
    expect(fieldErrors(form(id, { filingDeadline: '2027-04-01T09:00' }))).toEqual({ filingDeadline: 'admin.errors.filingBeforeOpening' });
    expect(fieldErrors(form(id, { filingDeadline: '2027-03-31T09:00' }))).toEqual({ filingDeadline: 'admin.errors.filingBeforeOpening' });
    expect(fieldErrors(form(id, { reviewDeadline: '2027-06-30T17:00' }))).toEqual({});
    expect(fieldErrors(form(id, { reviewDeadline: '2027-06-30T16:59' }))).toEqual({ reviewDeadline: 'admin.errors.reviewBeforeFiling' });
    expect(fieldErrors(form(id, { opensAt: '2027-04-01' }))).toEqual({ opensAt: 'admin.errors.dateTimeFormat' });
  });

  it('checks exchange rates and reminder days', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect(fieldErrors(form(id, { rates: [{ currency: 'XYZ', jpyPerUnit: '1' }] }))).toEqual({ 'rates.0.currency': 'admin.errors.currencyUnknown' });
    expect(fieldErrors(form(id, { rates: [{ currency: 'JPY', jpyPerUnit: '1' }] }))).toEqual({ 'rates.0.currency': 'admin.errors.currencyJpy' });
    expect(fieldErrors(form(id, { rates: [{ currency: 'usd', jpyPerUnit: '1' }] }))).toEqual({});
    expect(fieldErrors(form(id, { rates: [{ currency: 'US', jpyPerUnit: '1' }] }))).toEqual({ 'rates.0.currency': 'admin.errors.currencyFormat' });
    expect(fieldErrors(form(id, { rates: [{ currency: 'USD', jpyPerUnit: '1.5e2' }] }))).toEqual({ 'rates.0.jpyPerUnit': 'admin.errors.rateFormat' });
    expect(fieldErrors(form(id, { rates: [{ currency: 'USD', jpyPerUnit: '0.000' }] }))).toEqual({ 'rates.0.jpyPerUnit': 'admin.errors.ratePositive' });
    expect(fieldErrors(form(id, { rates: [{ currency: 'USD', jpyPerUnit: '1' }, { currency: 'USD', jpyPerUnit: '2' }] }))).toEqual({ 'rates.1.currency': 'admin.errors.currencyDuplicate' });
    expect(parseReminderDays('14, 7、1')).toEqual([14, 7, 1]);
    expect(parseReminderDays('')).toEqual([]);
    expect(parseReminderDays('7, 7')).toBeNull();
    expect(parseReminderDays('0')).toBeNull();
    expect(parseReminderDays('two')).toBeNull();
  });
});

describe('cycles', () => {
  it('are created as drafts with their rates and reminders, in Japan time, and audited', async () => {
    const w = await adminWorld();
    const res = await runAction(createCycleAction.definition, w.adminA, form(w.a.id));
    expect(res).toMatchObject({ ok: true, data: { path: `/admin/cycles/${w.a.slug}/FY2027` } });
    const c = await cycleByCode(w.adminA, w.a.slug, 'FY2027');
    expect(c).toMatchObject({ status: 'DRAFT', reminderDays: [14, 7, 1] });
    expect(c?.opensAt.toISOString()).toBe('2027-04-01T00:00:00.000Z');
    expect(c?.form).toMatchObject({ opensAt: '2027-04-01T09:00', reminderDays: '14, 7, 1', rates: [{ currency: 'CNY', jpyPerUnit: '20.8' }, { currency: 'USD', jpyPerUnit: '151.2345' }] });
    expect(await cycleByCode(w.adminA, w.b.slug, 'FY2027')).toBeNull();
    const dup = await runAction(createCycleAction.definition, w.adminA, form(w.a.id, { code: 'fy2027' }));
    expect(dup).toMatchObject({ ok: false, fieldErrors: { code: ['admin.errors.cycleCodeTaken'] } });
    // The same code at another institution is fine: cycles of one fiscal year are reported together.
    expect((await runAction(createCycleAction.definition, w.system, form(w.b.id))).ok).toBe(true);
    const [event] = await db.auditEvent.findMany({ where: { action: 'admin.cycle.create', institutionId: w.a.id } });
    expect(event?.details).toMatchObject({ code: 'FY2027', rates: [{ currency: 'USD', jpyPerUnit: '151.2345' }, { currency: 'CNY', jpyPerUnit: '20.8' }] });
    expect((await listCycles(w.adminA)).map((x) => x.institution.id)).toEqual([w.a.id]);
  });

  it('move DRAFT → OPEN → CLOSED → OPEN, one open cycle per institution, each move audited', async () => {
    const w = await adminWorld();
    await runAction(createCycleAction.definition, w.adminA, form(w.a.id));
    await runAction(createCycleAction.definition, w.adminA, form(w.a.id, { code: 'FY2028', fiscalYear: 2028 }));
    const c27 = (await cycleByCode(w.adminA, w.a.slug, 'FY2027'))!;
    const c28 = (await cycleByCode(w.adminA, w.a.slug, 'FY2028'))!;
    const move = (id: string, to: 'OPEN' | 'CLOSED') => runAction(setCycleStatusAction.definition, w.adminA, { id, to });

    expect(await move(c27.id, 'CLOSED')).toMatchObject({ ok: false, error: 'admin.errors.cycleTransition' });
    expect(await move(c27.id, 'OPEN')).toEqual({ ok: true, data: { status: 'OPEN' } });
    expect(await move(c28.id, 'OPEN')).toMatchObject({ ok: false, error: 'admin.errors.anotherCycleOpen', details: { code: 'FY2027' } });
    expect(await move(c27.id, 'CLOSED')).toEqual({ ok: true, data: { status: 'CLOSED' } });
    expect(await move(c27.id, 'OPEN')).toEqual({ ok: true, data: { status: 'OPEN' } });
    const actions = (await db.auditEvent.findMany({ where: { entityId: c27.id }, orderBy: { id: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['admin.cycle.create', 'admin.cycle.open', 'admin.cycle.close', 'admin.cycle.reopen']);

    expect(nextStatuses('DRAFT')).toEqual(['OPEN']);
    expect([acceptsNewFilings('CLOSED'), acceptsUpdates('CLOSED')]).toEqual([false, true]);
    expect([acceptsNewFilings('OPEN'), acceptsUpdates('OPEN')]).toEqual([true, true]);
    expect([acceptsNewFilings('DRAFT'), acceptsUpdates('DRAFT')]).toEqual([false, false]);
  });

  it('edits are audited field by field; the code is fixed once the cycle has opened', async () => {
    const w = await adminWorld();
    await runAction(createCycleAction.definition, w.adminA, form(w.a.id));
    const c = (await cycleByCode(w.adminA, w.a.slug, 'FY2027'))!;
    const same = await runAction(updateCycleAction.definition, w.adminA, { ...c.form, id: c.id });
    expect(same).toMatchObject({ ok: true, data: { changed: false } });
    const edit = await runAction(updateCycleAction.definition, w.adminA, {
      ...c.form,
      id: c.id,
      filingDeadline: '2027-07-31T17:00',
      rates: [...c.form.rates, { currency: 'EUR', jpyPerUnit: '162.5' }],
    });
    expect(edit).toMatchObject({ ok: true, data: { changed: true } });
    const [event] = await db.auditEvent.findMany({ where: { action: 'admin.cycle.update', entityId: c.id } });
    expect(Object.keys((event?.details as { changes: object }).changes).sort()).toEqual(['filingDeadline', 'rates']);
    expect(await db.exchangeRate.count({ where: { cycleId: c.id } })).toBe(3);

    await runAction(setCycleStatusAction.definition, w.adminA, { id: c.id, to: 'OPEN' });
    const renamed = await runAction(updateCycleAction.definition, w.adminA, { ...c.form, id: c.id, code: 'FY2027b' });
    expect(renamed).toMatchObject({ ok: false, fieldErrors: { code: ['admin.errors.cycleCodeLocked'] } });
    const bad = await runAction(updateCycleAction.definition, w.adminA, { ...c.form, id: c.id, reviewDeadline: '2027-01-01T00:00' });
    expect(bad).toMatchObject({ ok: false, error: 'errors.invalidInput', fieldErrors: { reviewDeadline: ['admin.errors.reviewBeforeFiling'] } });
  });
});
