import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy';

// Choosing a password from an invitation or a reset link: the form's resolver and the server action.
export const setPasswordSchema = z
  .object({
    token: z.string().min(20).max(100),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, 'account.errors.passwordTooShort')
      .max(MAX_PASSWORD_LENGTH, 'account.errors.passwordTooLong'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'account.errors.passwordMismatch' });
export type SetPasswordInput = z.input<typeof setPasswordSchema>;
