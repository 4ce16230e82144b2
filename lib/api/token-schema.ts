// The form of a new API token, shared by the admin page (browser) and the action (server).
import { z } from 'zod';

export const TOKEN_ROLES = ['AUDITOR', 'OFFICER'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export const issueTokenSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'apiTokens.errors.nameRequired' }).max(100, { error: 'apiTokens.errors.nameTooLong' }),
    ownerEmail: z.string().trim().toLowerCase().pipe(z.email({ error: 'apiTokens.errors.ownerEmail' })),
    role: z.enum(TOKEN_ROLES, { error: 'apiTokens.errors.role' }),
    allInstitutions: z.boolean().default(false),
    institutionIds: z.array(z.uuid()).max(500).default([]),
    /** Days until it expires; null: never. */
    expiresInDays: z
      .number({ error: 'apiTokens.errors.expiry' })
      .int({ error: 'apiTokens.errors.expiry' })
      .min(1, { error: 'apiTokens.errors.expiry' })
      .max(730, { error: 'apiTokens.errors.expiry' })
      .nullable()
      .default(90),
  })
  .refine((v) => v.allInstitutions || v.institutionIds.length > 0, { error: 'apiTokens.errors.scopeRequired', path: ['institutionIds'] });

export type IssueTokenInput = z.infer<typeof issueTokenSchema>;
