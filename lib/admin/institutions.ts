// Institutions and their departments. Disclosures refer to both, so they are retired, never deleted.
import 'server-only';
import { ActionError, NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { type Origin, adminAudit, changes } from './audit-event';
import type { InstitutionCreateInput, InstitutionRenameInput, RetireInput } from './schemas/institution';
import { assertSystemAdmin, where } from './scope';

const listSelect = {
  id: true,
  slug: true,
  nameJa: true,
  nameEn: true,
  country: true,
  retiredAt: true,
  _count: { select: { departments: true, memberships: true, cycles: true } },
} as const;

export async function listInstitutions(actor: Actor) {
  return db.institution.findMany({ where: where.institution(actor), orderBy: [{ retiredAt: { sort: 'asc', nulls: 'first' } }, { slug: 'asc' }], select: listSelect });
}

/** Active institutions in scope, for the choosers of other forms. */
export async function institutionOptions(actor: Actor) {
  return db.institution.findMany({
    where: { AND: [where.institution(actor), { retiredAt: null }] },
    orderBy: { slug: 'asc' },
    select: { id: true, slug: true, nameJa: true, nameEn: true },
  });
}

export async function institutionBySlug(actor: Actor, slug: string) {
  return db.institution.findFirst({
    where: { AND: [where.institution(actor), { slug }] },
    select: {
      ...listSelect,
      departments: {
        orderBy: [{ retiredAt: { sort: 'asc', nulls: 'first' } }, { code: 'asc' }],
        select: { id: true, code: true, nameJa: true, nameEn: true, retiredAt: true, _count: { select: { profiles: true } } },
      },
    },
  });
}

export async function createInstitution(actor: Actor, input: InstitutionCreateInput, origin: Origin) {
  assertSystemAdmin(actor, 'Institution:create');
  return db.$transaction(async (tx) => {
    if (await tx.institution.findUnique({ where: { slug: input.slug }, select: { id: true } }))
      throw new ActionError('errors.invalidInput', { slug: ['admin.errors.slugTaken'] });
    const inst = await tx.institution.create({
      data: { slug: input.slug, nameJa: input.nameJa, nameEn: input.nameEn, country: input.country },
      select: { id: true, slug: true },
    });
    await adminAudit(tx, actor, origin, {
      action: 'admin.institution.create',
      entityType: 'Institution',
      entityId: inst.id,
      institutionId: inst.id,
      details: { slug: input.slug, nameJa: input.nameJa, nameEn: input.nameEn, country: input.country },
    });
    return inst;
  });
}

export async function renameInstitution(actor: Actor, input: InstitutionRenameInput, origin: Origin) {
  return db.$transaction(async (tx) => {
    const before = await tx.institution.findFirst({ where: { AND: [where.institution(actor), { id: input.id }] }, select: { nameJa: true, nameEn: true } });
    if (!before) throw new NotFoundError(`Institution:${input.id}`);
    const diff = changes(before, input, ['nameJa', 'nameEn']);
    if (!Object.keys(diff).length) return { changed: false };
    await tx.institution.update({ where: { id: input.id }, data: { nameJa: input.nameJa, nameEn: input.nameEn } });
    await adminAudit(tx, actor, origin, { action: 'admin.institution.rename', entityType: 'Institution', entityId: input.id, institutionId: input.id, details: { changes: diff } });
    return { changed: true };
  });
}

/** Retiring hides an institution from choosers and new work; everything that refers to it stays intact. */
export async function setInstitutionRetired(actor: Actor, input: RetireInput, origin: Origin) {
  assertSystemAdmin(actor, `Institution:${input.id}`);
  return db.$transaction(async (tx) => {
    const inst = await tx.institution.findUnique({ where: { id: input.id }, select: { retiredAt: true } });
    if (!inst) throw new NotFoundError(`Institution:${input.id}`);
    if (!!inst.retiredAt === input.retired) return { changed: false };
    await tx.institution.update({ where: { id: input.id }, data: { retiredAt: input.retired ? new Date() : null } });
    await adminAudit(tx, actor, origin, {
      action: input.retired ? 'admin.institution.retire' : 'admin.institution.reinstate',
      entityType: 'Institution',
      entityId: input.id,
      institutionId: input.id,
    });
    return { changed: true };
  });
}
