// "Forgot password" from the sign-in page: a single-use link (30 minutes; only its SHA-256 is stored,
// lib/auth/account-tokens.ts) mailed in the person's language, which leads to the same set-password page
// as an administrator's reset (and, like it, ends every session of the account when used).
//
// The answer never says whether the address has an account: it is the same text either way, and both
// ways run the same steps (throttle, look-up, a transaction that retires older links and renders the
// mail, an audit event, a delivery run after the commit) so that the time taken does not tell either;
// only the token row and the queued message are missing when there is no account. Throttled per
// address asked for and per client address with the app's atomic limiter, which counts every request
// whether or not the account exists.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { type ActionResult, fieldErrorsOf } from '@/lib/errors';
import { queueAccountLink } from '@/lib/admin/account-mail';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { mailDateTime, renderMail } from '@/lib/mail/render';
import { deliverSoon } from '@/lib/mail/deliver';
import { type Limit, reserveAll } from '@/lib/security/rate-limit';
import { inspectInput } from '@/lib/security/sanitise';
import { hashAccountToken } from './account-tokens';
import { forgotPasswordSchema } from './forgot-password-schema';
import { normalizeEmail } from './sign-in';

export const FORGOT_TTL_MS = 30 * 60 * 1000;
export const FORGOT_LIMITS = {
  perEmail: { max: 3, windowSeconds: 60 * 60 },
  perAddress: { max: 20, windowSeconds: 60 * 60 },
} as const satisfies Record<string, Limit>;

export type ForgotResult = { ok: true } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

const NO_USER = '00000000-0000-0000-0000-000000000000';

export async function requestPasswordReset(
  emailInput: string,
  from: { ip: string | null; userAgent: string | null; locale: string },
): Promise<ForgotResult> {
  const email = normalizeEmail(emailInput);
  const audit = { action: 'auth.password.reset_requested' as const, actorEmail: email, ip: from.ip, userAgent: from.userAgent };
  const slot = await reserveAll([
    [`forgot:email:${email}`, FORGOT_LIMITS.perEmail],
    [`forgot:ip:${from.ip ?? 'unknown'}`, FORGOT_LIMITS.perAddress],
  ]);
  if (!slot.allowed) {
    await db.$transaction((tx) => recordAudit(tx, { ...audit, outcome: 'DENIED', details: { reason: 'throttled' } }));
    return { ok: false, reason: 'throttled', retryAfterSeconds: slot.retryAfterSeconds };
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, displayName: true, locale: true, disabledAt: true, passwordHash: true },
  });
  // Only an enabled account with a password can reset it (an invited person uses their invitation;
  // a single-sign-on account has no password here).
  const eligible = user && !user.disabledAt && user.passwordHash ? user : null;
  await db.$transaction(async (tx) => {
    if (eligible) {
      await queueAccountLink(tx, {
        user: eligible,
        purpose: 'PASSWORD_RESET',
        createdById: null,
        template: 'passwordResetSelf',
        ttlMs: FORGOT_TTL_MS,
        fallbackLocale: from.locale,
      });
    } else {
      // The same statements and work without an account to write for: retire (nothing), make and hash a
      // token, render the mail.
      await tx.accountToken.updateMany({ where: { userId: NO_USER, purpose: 'PASSWORD_RESET', usedAt: null, expiresAt: { gt: new Date() } }, data: { expiresAt: new Date() } });
      const token = randomBytes(32).toString('base64url');
      renderMail(from.locale, 'passwordResetSelf', {
        name: email,
        email,
        link: hashAccountToken(token),
        expires: mailDateTime(from.locale, new Date(Date.now() + FORGOT_TTL_MS)),
        institution: '',
        role: '',
      });
    }
    await recordAudit(tx, {
      ...audit,
      outcome: eligible ? 'SUCCESS' : 'FAILURE',
      actorId: user?.id ?? null,
      ...(user ? { entityType: 'User', entityId: user.id } : {}),
      details: { reason: eligible ? 'sent' : !user ? 'unknown_account' : user.disabledAt ? 'disabled' : 'no_password' },
    });
  });
  // After the commit and not awaited: the answer does not wait for the mail server either way.
  void deliverSoon();
  return { ok: true };
}

/** The public action's body, apart from the request (so tests and fuzzing can drive it with an origin). */
export async function forgotPassword(
  raw: unknown,
  from: { ip: string | null; userAgent: string | null; locale: string },
): Promise<ActionResult<{ sent: true }>> {
  const inspected = inspectInput(raw);
  if (!inspected.ok) return { ok: false, error: 'errors.invalidInput', fieldErrors: inspected.fieldErrors };
  const parsed = forgotPasswordSchema.safeParse(inspected.value);
  if (!parsed.success) return { ok: false, error: 'errors.invalidInput', fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const result = await requestPasswordReset(parsed.data.email, from);
    if (!result.ok) return { ok: false, error: 'forgotPassword.throttled', details: { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) } };
    return { ok: true, data: { sent: true } };
  } catch (err) {
    console.error('[action auth.password.reset_requested]', err);
    return { ok: false, error: 'errors.unexpected' };
  }
}
