'use server';

import { getLocale } from 'next-intl/server';
import { requestOrigin } from '@/lib/auth/actor';
import { forgotPassword } from '@/lib/auth/forgot-password';
import type { ForgotPasswordInput } from '@/lib/auth/forgot-password-schema';

// Public (no session: the person cannot sign in). Throttled and audited in requestPasswordReset; the
// answer is the same whether or not the address has an account.
export async function requestPasswordResetAction(raw: ForgotPasswordInput) {
  return forgotPassword(raw, { ...(await requestOrigin()), locale: await getLocale() });
}
