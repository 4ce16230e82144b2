'use server';

import type { ActionResult } from '@/lib/actions/action';
import { ActionError, fieldErrorsOf } from '@/lib/actions/action';
import { redeemAccountToken } from '@/lib/auth/account-tokens';
import { type SetPasswordInput, setPasswordSchema } from '@/lib/auth/account-schema';
import { requestOrigin } from '@/lib/auth/actor';

// Public (no session: the person is choosing their first password, or has forgotten theirs). The link's
// token is the authorisation; it is checked, used up and audited in redeemAccountToken.
async function setPassword(purpose: 'INVITE' | 'PASSWORD_RESET', raw: SetPasswordInput): Promise<ActionResult<{ email: string }>> {
  const parsed = setPasswordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'errors.invalidInput', fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return { ok: true, data: await redeemAccountToken(parsed.data.token, purpose, parsed.data.password, await requestOrigin()) };
  } catch (err) {
    if (err instanceof ActionError) return { ok: false, error: err.key };
    console.error('[action account.set_password]', err);
    return { ok: false, error: 'errors.unexpected' };
  }
}

export async function acceptInvitationAction(raw: SetPasswordInput) {
  return setPassword('INVITE', raw);
}

export async function resetPasswordAction(raw: SetPasswordInput) {
  return setPassword('PASSWORD_RESET', raw);
}
