import { z } from 'zod';
import { requiredText, uuid } from './common';

export const departmentCodeSchema = z
  .string()
  .trim()
  .min(1, 'admin.errors.required')
  .max(20, 'admin.errors.tooLong')
  .regex(/^[A-Za-z0-9_-]+$/, 'admin.errors.codeFormat');

export const departmentCreateSchema = z.object({
  institutionId: uuid,
  code: departmentCodeSchema,
  nameJa: requiredText(200),
  nameEn: requiredText(200),
});
export type DepartmentCreateInput = z.input<typeof departmentCreateSchema>;

export const departmentRenameSchema = z.object({ id: uuid, nameJa: requiredText(200), nameEn: requiredText(200) });
export type DepartmentRenameInput = z.input<typeof departmentRenameSchema>;
