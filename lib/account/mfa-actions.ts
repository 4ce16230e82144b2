'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/actions/action';
import { confirmEnrolment, regenerateRecoveryCodes } from '@/lib/auth/mfa';
import { totpCodeSchema } from '@/lib/auth/mfa-schema';

export const confirmEnrolmentAction = defineAction({
  name: 'auth.mfa.enrol',
  input: totpCodeSchema,
  // A session that must enrol before anything else may do exactly this (never one that owes a code).
  allowMfaPending: true,
  handler: ({ actor, input, origin }) => confirmEnrolment(actor, input.code, origin),
});

export const regenerateRecoveryCodesAction = defineAction({
  name: 'auth.mfa.recovery_codes_regenerated',
  input: z.object({}),
  handler: ({ actor, origin }) => regenerateRecoveryCodes(actor, origin),
});
