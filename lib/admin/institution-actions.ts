'use server';

import { defineAction } from '@/lib/actions/action';
import { createDepartment, renameDepartment, setDepartmentRetired } from '@/lib/admin/departments';
import { createInstitution, renameInstitution, setInstitutionRetired } from '@/lib/admin/institutions';
import { departmentCreateSchema, departmentRenameSchema } from '@/lib/admin/schemas/department';
import { institutionCreateSchema, institutionRenameSchema, retireSchema } from '@/lib/admin/schemas/institution';

export const createInstitutionAction = defineAction({
  name: 'admin.institution.create',
  input: institutionCreateSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => createInstitution(actor, input, origin),
});

export const renameInstitutionAction = defineAction({
  name: 'admin.institution.rename',
  input: institutionRenameSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => renameInstitution(actor, input, origin),
});

export const retireInstitutionAction = defineAction({
  name: 'admin.institution.retire',
  input: retireSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => setInstitutionRetired(actor, input, origin),
});

export const createDepartmentAction = defineAction({
  name: 'admin.department.create',
  input: departmentCreateSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => createDepartment(actor, input, origin),
});

export const renameDepartmentAction = defineAction({
  name: 'admin.department.rename',
  input: departmentRenameSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => renameDepartment(actor, input, origin),
});

export const retireDepartmentAction = defineAction({
  name: 'admin.department.retire',
  input: retireSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => setDepartmentRetired(actor, input, origin),
});
