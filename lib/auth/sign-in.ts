// Email + password sign-in with throttling per account and per address (each attempt reserved atomically
// before the password is checked). Every attempt is audited.
import 'server-only';
import { recordAuditNow, type Origin } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { SIGN_IN_LIMITS, release, reserveAll, reset } from '@/lib/security/rate-limit';
import { verifyPassword } from './password';

export type SignInFailure = 'invalid' | 'throttled';
export type SignInResult = { ok: true; userId: string } | { ok: false; reason: SignInFailure };

export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

export async function checkPassword(
  emailInput: string,
  password: string,
  from: Origin,
): Promise<SignInResult> {
  const email = normalizeEmail(emailInput);
  const accountKey = `signin:account:${email}`;
  const addressKey = `signin:ip:${from.ip ?? 'unknown'}`;
  const audit = { actorEmail: email, ip: from.ip, userAgent: from.userAgent };

  // Reserve the attempt before the password is looked at: parallel guesses each take a slot atomically.
  const slot = await reserveAll([
    [accountKey, SIGN_IN_LIMITS.perAccount],
    [addressKey, SIGN_IN_LIMITS.perAddress],
  ]);
  if (!slot.allowed) {
    await recordAuditNow({ ...audit, action: 'auth.sign_in', outcome: 'DENIED', details: { reason: 'throttled' } });
    return { ok: false, reason: 'throttled' };
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } });
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || user.disabledAt) {
    await recordAuditNow({
      ...audit,
      actorId: user?.id ?? null,
      action: 'auth.sign_in',
      outcome: 'FAILURE',
      details: { reason: !user ? 'unknown_account' : user.disabledAt && valid ? 'disabled' : 'bad_password' },
    });
    return { ok: false, reason: 'invalid' };
  }
  // A success clears the account's failures and gives the address back the slot it reserved.
  await Promise.all([reset(accountKey), release(addressKey)]);
  await recordAuditNow({ ...audit, actorId: user.id, action: 'auth.sign_in', entityType: 'User', entityId: user.id });
  return { ok: true, userId: user.id };
}
