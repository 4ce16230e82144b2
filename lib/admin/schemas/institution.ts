import { z } from 'zod';
import { requiredText, uuid } from './common';

export const institutionCreateSchema = z.object({
  slug: z
    .string()
    .trim()
    .min(1, 'admin.errors.required')
    .max(40, 'admin.errors.tooLong')
    .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'admin.errors.slugFormat'),
  nameJa: requiredText(200),
  nameEn: requiredText(200),
  country: z.string().regex(/^[A-Z]{2}$/, 'admin.errors.countryFormat'),
});
export type InstitutionCreateInput = z.input<typeof institutionCreateSchema>;

export const institutionRenameSchema = z.object({ id: uuid, nameJa: requiredText(200), nameEn: requiredText(200) });
export type InstitutionRenameInput = z.input<typeof institutionRenameSchema>;

export const retireSchema = z.object({ id: uuid, retired: z.boolean() });
export type RetireInput = z.input<typeof retireSchema>;
