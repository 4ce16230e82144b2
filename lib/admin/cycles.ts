// Disclosure cycles: dates, attestation texts, exchange rates and reminders, and their status. The code
// and fiscal year are fixed once a cycle has opened (reports and filed disclosures refer to them).
import 'server-only';
import type { Origin } from '@/lib/audit/record';
import { ActionError, NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { type Tx, db } from '@/lib/db/client';
import { auditBy } from '@/lib/audit/by';
import { changes } from './audit-event';
import { transitionFor } from './cycle-status';
import { type CycleInput, type CycleStatusInput, type CycleUpdateInput, parseReminderDays } from './schemas/cycle';
import { assertInScope, where } from './scope';
import { fromJapanLocal, toJapanLocal } from '@/lib/time/japan';

const rowSelect = {
  id: true,
  code: true,
  fiscalYear: true,
  titleJa: true,
  titleEn: true,
  status: true,
  opensAt: true,
  filingDeadline: true,
  reviewDeadline: true,
  institution: { select: { id: true, slug: true, nameJa: true, nameEn: true } },
  _count: { select: { disclosures: true } },
} as const;

export async function listCycles(actor: Actor, o: { institutionId?: string } = {}) {
  return db.disclosureCycle.findMany({
    where: { AND: [where.cycle(actor), o.institutionId ? { institutionId: o.institutionId } : {}] },
    orderBy: [{ fiscalYear: 'desc' }, { institution: { slug: 'asc' } }, { code: 'asc' }],
    select: rowSelect,
  });
}

/** A cycle with everything its form shows, addressed as /admin/cycles/<institution slug>/<code>. */
export async function cycleByCode(actor: Actor, slug: string, code: string) {
  const c = await db.disclosureCycle.findFirst({
    where: { AND: [where.cycle(actor), { code, institution: { slug } }] },
    select: { ...rowSelect, attestationJa: true, attestationEn: true, reminderDays: true, exchangeRates: { orderBy: { currency: 'asc' }, select: { currency: true, jpyPerUnit: true } } },
  });
  if (!c) return null;
  const form: CycleInput = {
    institutionId: c.institution.id,
    code: c.code,
    fiscalYear: c.fiscalYear,
    titleJa: c.titleJa,
    titleEn: c.titleEn,
    opensAt: toJapanLocal(c.opensAt),
    filingDeadline: toJapanLocal(c.filingDeadline),
    reviewDeadline: toJapanLocal(c.reviewDeadline),
    attestationJa: c.attestationJa,
    attestationEn: c.attestationEn,
    rates: c.exchangeRates.map((r) => ({ currency: r.currency, jpyPerUnit: r.jpyPerUnit.toString() })),
    reminderDays: c.reminderDays.join(', '),
  };
  return { ...c, form };
}

function toData(input: CycleInput) {
  return {
    code: input.code,
    fiscalYear: input.fiscalYear,
    titleJa: input.titleJa,
    titleEn: input.titleEn,
    opensAt: fromJapanLocal(input.opensAt),
    filingDeadline: fromJapanLocal(input.filingDeadline),
    reviewDeadline: fromJapanLocal(input.reviewDeadline),
    attestationJa: input.attestationJa,
    attestationEn: input.attestationEn,
    reminderDays: parseReminderDays(input.reminderDays) ?? [],
  };
}

async function codeTaken(tx: Tx, institutionId: string, code: string, exceptId?: string) {
  const other = await tx.disclosureCycle.findFirst({ where: { institutionId, code: { equals: code, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (other) throw new ActionError('errors.invalidInput', { code: ['admin.errors.cycleCodeTaken'] });
}

const rateRows = (input: CycleInput) => input.rates.map((r) => ({ currency: r.currency.trim(), jpyPerUnit: r.jpyPerUnit.trim() }));

export async function createCycle(actor: Actor, input: CycleInput, origin: Origin) {
  assertInScope(actor, input.institutionId);
  return db.$transaction(async (tx) => {
    const inst = await tx.institution.findFirst({ where: { id: input.institutionId, retiredAt: null }, select: { id: true, slug: true } });
    if (!inst) throw new NotFoundError(`Institution:${input.institutionId}`);
    await codeTaken(tx, inst.id, input.code);
    const data = toData(input);
    const cycle = await tx.disclosureCycle.create({
      data: { ...data, institutionId: inst.id, status: 'DRAFT', exchangeRates: { create: rateRows(input) } },
      select: { id: true, code: true },
    });
    await auditBy(tx, actor, origin, {
      action: 'admin.cycle.create',
      entityType: 'DisclosureCycle',
      entityId: cycle.id,
      institutionId: inst.id,
      details: { ...data, opensAt: data.opensAt.toISOString(), filingDeadline: data.filingDeadline.toISOString(), reviewDeadline: data.reviewDeadline.toISOString(), rates: rateRows(input) },
    });
    return { id: cycle.id, path: `/admin/cycles/${inst.slug}/${cycle.code}` };
  });
}

export async function updateCycle(actor: Actor, input: CycleUpdateInput, origin: Origin) {
  return db.$transaction(async (tx) => {
    const before = await tx.disclosureCycle.findFirst({
      where: { AND: [where.cycle(actor), { id: input.id }] },
      include: { exchangeRates: { orderBy: { currency: 'asc' } }, institution: { select: { slug: true } } },
    });
    if (!before || before.institutionId !== input.institutionId) throw new NotFoundError(`DisclosureCycle:${input.id}`);
    const data = toData(input);
    if (before.status !== 'DRAFT' && (data.code !== before.code || data.fiscalYear !== before.fiscalYear))
      throw new ActionError('errors.invalidInput', { code: ['admin.errors.cycleCodeLocked'] });
    if (data.code !== before.code) await codeTaken(tx, before.institutionId, data.code, before.id);
    const diff = changes(
      { ...before, opensAt: before.opensAt.toISOString(), filingDeadline: before.filingDeadline.toISOString(), reviewDeadline: before.reviewDeadline.toISOString() },
      { ...data, opensAt: data.opensAt.toISOString(), filingDeadline: data.filingDeadline.toISOString(), reviewDeadline: data.reviewDeadline.toISOString() },
      ['code', 'fiscalYear', 'titleJa', 'titleEn', 'opensAt', 'filingDeadline', 'reviewDeadline', 'attestationJa', 'attestationEn', 'reminderDays'],
    );
    const oldRates = before.exchangeRates.map((r) => `${r.currency}=${r.jpyPerUnit.toString()}`);
    const newRates = rateRows(input)
      .sort((a, b) => a.currency.localeCompare(b.currency))
      .map((r) => `${r.currency}=${r.jpyPerUnit}`);
    // Decimal(20,8) prints trailing zeros; compare the numbers, not the text.
    const sameRates = oldRates.length === newRates.length && oldRates.every((o, i) => {
      const [c1, v1] = o.split('=');
      const [c2, v2] = newRates[i]!.split('=');
      return c1 === c2 && Number(v1) === Number(v2);
    });
    if (!sameRates) diff.rates = [oldRates, newRates];
    if (!Object.keys(diff).length) return { changed: false, path: `/admin/cycles/${before.institution.slug}/${before.code}` };
    await tx.disclosureCycle.update({ where: { id: before.id }, data });
    if (!sameRates) {
      await tx.exchangeRate.deleteMany({ where: { cycleId: before.id } });
      await tx.exchangeRate.createMany({ data: rateRows(input).map((r) => ({ ...r, cycleId: before.id })) });
    }
    await auditBy(tx, actor, origin, { action: 'admin.cycle.update', entityType: 'DisclosureCycle', entityId: before.id, institutionId: before.institutionId, details: { changes: diff } });
    return { changed: true, path: `/admin/cycles/${before.institution.slug}/${data.code}` };
  });
}

export async function setCycleStatus(actor: Actor, input: CycleStatusInput, origin: Origin) {
  return db.$transaction(async (tx) => {
    const c = await tx.disclosureCycle.findFirst({ where: { AND: [where.cycle(actor), { id: input.id }] }, select: { id: true, status: true, institutionId: true, code: true } });
    if (!c) throw new NotFoundError(`DisclosureCycle:${input.id}`);
    const transition = transitionFor(c.status, input.to);
    if (!transition) throw new ActionError('admin.errors.cycleTransition', undefined, { from: c.status, to: input.to });
    // One open cycle per institution: researchers file into "the" open cycle.
    if (input.to === 'OPEN') {
      await tx.$executeRaw`SELECT 1 FROM "Institution" WHERE id = ${c.institutionId}::uuid FOR UPDATE`;
      const open = await tx.disclosureCycle.findFirst({ where: { institutionId: c.institutionId, status: 'OPEN', id: { not: c.id } }, select: { code: true } });
      if (open) throw new ActionError('admin.errors.anotherCycleOpen', undefined, { code: open.code });
    }
    // Compare-and-set on the status, so two administrators cannot both move it.
    const moved = await tx.disclosureCycle.updateMany({ where: { id: c.id, status: c.status }, data: { status: input.to } });
    if (moved.count !== 1) throw new ActionError('errors.conflict');
    await auditBy(tx, actor, origin, {
      action: `admin.cycle.${transition}`,
      entityType: 'DisclosureCycle',
      entityId: c.id,
      institutionId: c.institutionId,
      details: { code: c.code, from: c.status, to: input.to },
    });
    return { status: input.to };
  });
}
