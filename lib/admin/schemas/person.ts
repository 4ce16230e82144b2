import { z } from 'zod';
import { type SearchParamsInput, firstSearchParams } from '@/lib/security/url-params';
import { ROLES } from '@/lib/auth/roles';
import { LOCALES } from '@/lib/i18n/config';
import { optionalText, requiredText, uuid } from './common';

export const roleSchema = z.enum(ROLES, 'admin.errors.roleRequired');

export const emailSchema = z
  .string()
  .trim()
  .min(1, 'admin.errors.required')
  .max(320, 'admin.errors.tooLong')
  .pipe(z.email('admin.errors.emailFormat'));

export const inviteSchema = z.object({
  email: emailSchema,
  displayName: requiredText(200),
  institutionId: uuid,
  role: roleSchema,
  locale: z.enum(LOCALES, 'admin.errors.localeRequired'),
});
export type InviteInput = z.input<typeof inviteSchema>;

/** A role at one institution, or (system administrators only) across all of them. */
export const grantSchema = z
  .object({
    userId: uuid,
    role: roleSchema,
    institutionId: z.union([uuid, z.literal('')]),
    allInstitutions: z.boolean(),
  })
  .refine((v) => v.allInstitutions || v.institutionId !== '', { path: ['institutionId'], message: 'admin.errors.institutionRequired' })
  .refine((v) => !v.allInstitutions || v.role === 'ADMIN' || v.role === 'AUDITOR', { path: ['allInstitutions'], message: 'admin.errors.allInstitutionsRole' });
export type GrantInput = z.input<typeof grantSchema>;

export const revokeSchema = z.object({ membershipId: uuid });
export const userIdSchema = z.object({ userId: uuid });
export type UserIdInput = z.input<typeof userIdSchema>;

export const peopleFilterSchema = z.object({
  q: optionalText(200).optional(),
  institution: z.union([uuid, z.literal('')]).optional(),
  role: z.union([roleSchema, z.literal('')]).optional(),
  status: z.enum(['', 'active', 'invited', 'disabled']).optional(),
  after: z.string().max(320).optional(),
});
export type PeopleFilter = z.infer<typeof peopleFilterSchema>;

/** The people list's filters from the URL; a malformed filter shows the unfiltered list. */
export function parsePeopleFilter(params: SearchParamsInput): PeopleFilter {
  const parsed = peopleFilterSchema.safeParse(firstSearchParams(params));
  return parsed.success ? parsed.data : {};
}
