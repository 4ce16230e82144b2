'use server';

import { definePublicAction } from '@/lib/actions/action';
import { setPasswordSchema } from '@/lib/auth/account-schema';
import { redeemAccountToken } from '@/lib/auth/account-tokens';

// Public (no session: the person is choosing their first password, or has forgotten theirs). The link's
// token is the authorisation; it is checked, used up and audited in redeemAccountToken.
export const acceptInvitationAction = definePublicAction({
  name: 'account.accept_invitation',
  input: setPasswordSchema,
  handler: ({ input, origin }) => redeemAccountToken(input.token, 'INVITE', input.password, origin),
});

export const resetPasswordAction = definePublicAction({
  name: 'account.reset_password',
  input: setPasswordSchema,
  handler: ({ input, origin }) => redeemAccountToken(input.token, 'PASSWORD_RESET', input.password, origin),
});
