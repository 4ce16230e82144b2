// Choosing a password from an invitation or reset link, for the public account actions. Separate from
// the 'use server' module so it can be driven with an origin outside a request (tests, fuzzing).
import 'server-only';
import type { ActionResult } from '@/lib/actions/action';
import { ActionError, fieldErrorsOf } from '@/lib/errors';
import { inspectInput } from '@/lib/security/sanitise';
import { type SetPasswordInput, setPasswordSchema } from './account-schema';
import { redeemAccountToken } from './account-tokens';

type Origin = { ip: string | null; userAgent: string | null };

export async function setPassword(purpose: 'INVITE' | 'PASSWORD_RESET', raw: SetPasswordInput | unknown, origin: Origin): Promise<ActionResult<{ email: string }>> {
  const inspected = inspectInput(raw);
  if (!inspected.ok) return { ok: false, error: 'errors.invalidInput', fieldErrors: inspected.fieldErrors };
  const parsed = setPasswordSchema.safeParse(inspected.value);
  if (!parsed.success) return { ok: false, error: 'errors.invalidInput', fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return { ok: true, data: await redeemAccountToken(parsed.data.token, purpose, parsed.data.password, origin) };
  } catch (err) {
    if (err instanceof ActionError) return { ok: false, error: err.key };
    console.error('[action account.set_password]', err);
    return { ok: false, error: 'errors.unexpected' };
  }
}
