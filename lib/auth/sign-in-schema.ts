import { z } from 'zod';

// Shared by the sign-in form (react-hook-form resolver) and anything that re-checks it on the server.
export const signInSchema = z.object({
  email: z.string().trim().min(1, 'auth.errors.emailRequired').pipe(z.email('auth.errors.emailInvalid')),
  password: z.string().min(1, 'auth.errors.passwordRequired'),
});
export type SignInInput = z.infer<typeof signInSchema>;
