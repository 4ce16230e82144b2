// Departments of an institution: codes are what HR rosters refer to, unique per institution.
import 'server-only';
import { ActionError, NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { type Origin, adminAudit, changes } from './audit-event';
import type { DepartmentCreateInput, DepartmentRenameInput } from './schemas/department';
import type { RetireInput } from './schemas/institution';
import { assertInScope, where } from './scope';

export async function createDepartment(actor: Actor, input: DepartmentCreateInput, origin: Origin) {
  assertInScope(actor, input.institutionId);
  const code = input.code.toUpperCase();
  return db.$transaction(async (tx) => {
    const inst = await tx.institution.findUnique({ where: { id: input.institutionId }, select: { id: true } });
    if (!inst) throw new NotFoundError(`Institution:${input.institutionId}`);
    const taken = await tx.department.findFirst({ where: { institutionId: input.institutionId, code: { equals: code, mode: 'insensitive' } }, select: { id: true } });
    if (taken) throw new ActionError('errors.invalidInput', { code: ['admin.errors.departmentCodeTaken'] });
    const dept = await tx.department.create({ data: { institutionId: input.institutionId, code, nameJa: input.nameJa, nameEn: input.nameEn }, select: { id: true } });
    await adminAudit(tx, actor, origin, {
      action: 'admin.department.create',
      entityType: 'Department',
      entityId: dept.id,
      institutionId: input.institutionId,
      details: { code, nameJa: input.nameJa, nameEn: input.nameEn },
    });
    return dept;
  });
}

async function departmentInScope(actor: Actor, id: string) {
  const dept = await db.department.findFirst({ where: { AND: [where.department(actor), { id }] }, select: { id: true, institutionId: true, nameJa: true, nameEn: true, retiredAt: true } });
  if (!dept) throw new NotFoundError(`Department:${id}`);
  return dept;
}

export async function renameDepartment(actor: Actor, input: DepartmentRenameInput, origin: Origin) {
  const before = await departmentInScope(actor, input.id);
  const diff = changes(before, input, ['nameJa', 'nameEn']);
  if (!Object.keys(diff).length) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.department.update({ where: { id: input.id }, data: { nameJa: input.nameJa, nameEn: input.nameEn } });
    await adminAudit(tx, actor, origin, { action: 'admin.department.rename', entityType: 'Department', entityId: input.id, institutionId: before.institutionId, details: { changes: diff } });
  });
  return { changed: true };
}

export async function setDepartmentRetired(actor: Actor, input: RetireInput, origin: Origin) {
  const dept = await departmentInScope(actor, input.id);
  if (!!dept.retiredAt === input.retired) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.department.update({ where: { id: input.id }, data: { retiredAt: input.retired ? new Date() : null } });
    await adminAudit(tx, actor, origin, {
      action: input.retired ? 'admin.department.retire' : 'admin.department.reinstate',
      entityType: 'Department',
      entityId: input.id,
      institutionId: dept.institutionId,
    });
  });
  return { changed: true };
}
