import { z } from 'zod';

// The forgot-password form: its resolver and the server action's parser.
export const forgotPasswordSchema = z.object({
  email: z.string().trim().min(1, 'auth.errors.emailRequired').max(320, 'auth.errors.emailInvalid').pipe(z.email('auth.errors.emailInvalid')),
});
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;
