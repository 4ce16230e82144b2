// Who may come in through the university's OpenID Connect provider, and with which second-factor state.
// SSO never creates accounts: the email the IdP asserts must belong to someone an administrator added.
// Every decision is audited (`auth.sign_in`, details.provider = 'oidc').
import 'server-only';
import { recordAuditNow } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { createSession } from './sessions';
import { normalizeEmail } from './sign-in';

/** The ID token claims Kaiji reads. */
export interface IdpClaims {
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
  amr?: unknown;
}

export type SsoRefusal = 'no_email' | 'email_unverified' | 'unknown_account' | 'disabled';
export type SsoResult = { ok: true; userId: string; sessionId: string; mfaFromIdp: boolean } | { ok: false; reason: SsoRefusal };

/**
 * Whether the IdP says it used more than one factor (RFC 8176 `amr` contains "mfa"). The IdP is already
 * trusted to say who the person is; trusting it to say how it checked them adds no new trust, and spares
 * people whose university enforces a second factor from entering another one in Kaiji. Without that
 * claim Kaiji's own second-factor policy applies exactly as for a password sign-in.
 */
export function idpAssertsMfa(amr: unknown): boolean {
  return Array.isArray(amr) && amr.includes('mfa');
}

export async function ssoSignIn(
  claims: IdpClaims,
  opts: { maxAgeSeconds: number; ip: string | null; userAgent: string | null },
): Promise<SsoResult> {
  const email = typeof claims.email === 'string' ? normalizeEmail(claims.email) : '';
  const from = { ip: opts.ip, userAgent: opts.userAgent };
  const refuse = async (reason: SsoRefusal, actorId: string | null = null): Promise<SsoResult> => {
    await recordAuditNow({
      ...from,
      action: 'auth.sign_in',
      outcome: 'DENIED',
      actorId,
      actorEmail: email || null,
      details: { provider: 'oidc', reason, sub: typeof claims.sub === 'string' ? claims.sub : null },
    });
    return { ok: false, reason };
  };
  if (!email) return refuse('no_email');
  // An IdP that says the address is unverified may let people type any address: matching on it would
  // hand over someone else's account. Most university IdPs omit the claim; only an explicit false refuses.
  if (claims.email_verified === false || claims.email_verified === 'false') return refuse('email_unverified');
  const user = await db.user.findUnique({ where: { email }, select: { id: true, disabledAt: true } });
  if (!user) return refuse('unknown_account');
  if (user.disabledAt) return refuse('disabled', user.id);

  const mfaFromIdp = idpAssertsMfa(claims.amr);
  const sessionId = await createSession(user.id, { ...opts, mfaVerified: mfaFromIdp });
  await recordAuditNow({
    ...from,
    action: 'auth.sign_in',
    actorId: user.id,
    actorEmail: email,
    entityType: 'User',
    entityId: user.id,
    details: { provider: 'oidc', mfaFromIdp },
  });
  return { ok: true, userId: user.id, sessionId, mfaFromIdp };
}
