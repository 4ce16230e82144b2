import { z } from 'zod';

// The second-factor forms: shared by the react-hook-form resolver and the server actions.
export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'account.errors.codeFormat')),
});
export type TotpCodeInput = z.input<typeof totpCodeSchema>;

/** At sign-in: a 6-digit code from the app, or one of the recovery codes. */
export const secondFactorSchema = z.object({
  code: z.string().trim().min(1, 'account.errors.codeRequired').max(40, 'account.errors.codeInvalid'),
});
export type SecondFactorInput = z.input<typeof secondFactorSchema>;
