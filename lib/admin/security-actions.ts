'use server';

import { defineAction } from '@/lib/actions/action';
import { mfaPolicySchema } from '@/lib/admin/schemas/security';
import { setMfaPolicy } from '@/lib/admin/security-settings';

export const setMfaPolicyAction = defineAction({
  name: 'admin.settings.mfa',
  input: mfaPolicySchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => setMfaPolicy(actor, input, origin),
});
