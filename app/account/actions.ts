'use server';

import type { SetPasswordInput } from '@/lib/auth/account-schema';
import { requestOrigin } from '@/lib/auth/actor';
import { setPassword } from '@/lib/auth/set-password';

// Public (no session: the person is choosing their first password, or has forgotten theirs). The link's
// token is the authorisation; it is checked, used up and audited in redeemAccountToken.
export async function acceptInvitationAction(raw: SetPasswordInput) {
  return setPassword('INVITE', raw, await requestOrigin());
}

export async function resetPasswordAction(raw: SetPasswordInput) {
  return setPassword('PASSWORD_RESET', raw, await requestOrigin());
}
