'use server';

import { defineAction } from '@/lib/actions/action';
import { verifySecondFactor } from '@/lib/auth/mfa';
import { secondFactorSchema } from '@/lib/auth/mfa-schema';

export const verifySecondFactorAction = defineAction({
  name: 'auth.mfa.verify',
  input: secondFactorSchema,
  allowMfaPending: true,
  handler: ({ actor, input, origin }) => verifySecondFactor(actor, input.code, origin),
});
