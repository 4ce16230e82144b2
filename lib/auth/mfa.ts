// The second factor: enrolment of an authenticator app, verification after the password step, recovery
// codes. Every outcome is audited; code checks are throttled per person like sign-in (each check reserved
// atomically before the code is compared, cleared by a success).
import 'server-only';
import type { AuditAction } from '@/lib/audit/actions';
import { ActionError } from '@/lib/errors';
import { recordAudit, recordAuditNow } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { MFA_LIMIT, reserve, reset } from '@/lib/security/rate-limit';
import { mfaRequiredRoles, roleRequiresMfa } from './mfa-policy';
import { RECOVERY_CODE_COUNT, consumeRecoveryCode, replaceRecoveryCodes } from './recovery-codes';
import type { Actor } from './roles';
import { open, seal } from './secret-box';
import { claimTotpStep, newTotpSecret, totpProvisioning, totpStep } from './totp';

export { MFA_LIMIT };
const SEAL_PURPOSE = 'totp-secret';

type Origin = { ip: string | null; userAgent: string | null };
const who = (actor: Actor, origin: Origin) => ({ actorId: actor.userId, actorEmail: actor.email, entityType: 'User', entityId: actor.userId, ...origin });

export interface MfaStatus {
  enabledAt: Date | null;
  required: boolean;
  recoveryCodesLeft: number;
}

export async function mfaStatus(actor: Actor): Promise<MfaStatus> {
  const [user, left, policy] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } }),
    db.recoveryCode.count({ where: { userId: actor.userId, usedAt: null } }),
    mfaRequiredRoles(),
  ]);
  return { enabledAt: user.totpEnabledAt, required: roleRequiresMfa(actor.memberships.map((m) => m.role), policy.roles), recoveryCodesLeft: left };
}

/**
 * The secret being enrolled (created on first view, kept until confirmed so a reload does not invalidate
 * what the person already scanned), or null when TOTP is already on. Never for a session that owes a code.
 */
export async function pendingEnrolment(actor: Actor): Promise<{ secret: string; uri: string; qrDataUrl: string } | null> {
  if (actor.mfaPending === 'verify') return null;
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) return null;
  let secret: string | null = null;
  if (user.totpSecret) {
    try {
      secret = open(user.totpSecret, SEAL_PURPOSE);
    } catch {
      secret = null; // sealed under an earlier AUTH_SECRET: start again
    }
  }
  if (!secret) {
    secret = newTotpSecret();
    await db.user.update({ where: { id: actor.userId }, data: { totpSecret: seal(secret, SEAL_PURPOSE) } });
  }
  return { secret, ...(await totpProvisioning(secret, user.email)) };
}

/** Reserves this code check atomically before the code is looked at; refuses (audited) over the limit. */
async function throttled(actor: Actor, origin: Origin, action: AuditAction): Promise<void> {
  if (!(await reserve(`mfa:user:${actor.userId}`, MFA_LIMIT)).allowed) {
    await recordAuditNow({ ...who(actor, origin), action, outcome: 'DENIED', details: { reason: 'throttled' } });
    throw new ActionError('account.errors.throttled');
  }
}

async function failed(actor: Actor, origin: Origin, action: AuditAction, reason: string): Promise<never> {
  await recordAuditNow({ ...who(actor, origin), action, outcome: 'FAILURE', details: { reason } });
  throw new ActionError('account.errors.codeInvalid', { code: ['account.errors.codeInvalid'] });
}

async function validTotp(actor: Actor, sealed: string | null, code: string): Promise<'ok' | 'invalid' | 'replayed'> {
  if (!sealed) return 'invalid';
  const step = await totpStep(open(sealed, SEAL_PURPOSE), code);
  if (step === null) return 'invalid';
  return (await claimTotpStep(actor.userId, step)) ? 'ok' : 'replayed';
}

/** Confirms enrolment with a first code; turns TOTP on, trusts this session and returns fresh recovery codes. */
export async function confirmEnrolment(actor: Actor, code: string, origin: Origin): Promise<string[]> {
  if (actor.mfaPending === 'verify') throw new ActionError('account.errors.mfaPending');
  await throttled(actor, origin, 'auth.mfa.enrol');
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new ActionError('account.errors.alreadyEnrolled');
  const check = await validTotp(actor, user.totpSecret, code);
  if (check !== 'ok') return failed(actor, origin, 'auth.mfa.enrol', check);
  await reset(`mfa:user:${actor.userId}`);
  return db.$transaction(async (tx) => {
    const turnedOn = await tx.user.updateMany({ where: { id: actor.userId, totpEnabledAt: null }, data: { totpEnabledAt: new Date() } });
    if (turnedOn.count !== 1) throw new ActionError('account.errors.alreadyEnrolled');
    const codes = await replaceRecoveryCodes(tx, actor.userId);
    await tx.session.update({ where: { id: actor.sessionId }, data: { mfaVerified: true } });
    await recordAudit(tx, { ...who(actor, origin), action: 'auth.mfa.enrol', details: { method: 'totp', recoveryCodes: codes.length } });
    return codes;
  });
}

/** The second step of sign-in: a code from the app or a recovery code. Marks the session verified. */
export async function verifySecondFactor(actor: Actor, input: string, origin: Origin): Promise<{ recoveryCodesLeft: number | null }> {
  if (actor.mfaPending !== 'verify') throw new ActionError('account.errors.nothingToVerify');
  await throttled(actor, origin, 'auth.mfa.verify');
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpSecret: true } });
  const compact = input.replace(/\s/g, '');
  if (/^\d{6}$/.test(compact)) {
    const check = await validTotp(actor, user.totpSecret, compact);
    if (check !== 'ok') return failed(actor, origin, 'auth.mfa.verify', check);
    await reset(`mfa:user:${actor.userId}`);
    await db.$transaction(async (tx) => {
      await tx.session.update({ where: { id: actor.sessionId }, data: { mfaVerified: true } });
      await recordAudit(tx, { ...who(actor, origin), action: 'auth.mfa.verify', details: { method: 'totp' } });
    });
    return { recoveryCodesLeft: null };
  }
  const left = await db.$transaction(async (tx) => {
    if (!(await consumeRecoveryCode(tx, actor.userId, compact))) return null;
    const remaining = await tx.recoveryCode.count({ where: { userId: actor.userId, usedAt: null } });
    await tx.session.update({ where: { id: actor.sessionId }, data: { mfaVerified: true } });
    await recordAudit(tx, { ...who(actor, origin), action: 'auth.mfa.recovery_code_used', details: { remaining } });
    return remaining;
  });
  if (left === null) return failed(actor, origin, 'auth.mfa.verify', 'bad_recovery_code');
  await reset(`mfa:user:${actor.userId}`);
  return { recoveryCodesLeft: left };
}

/** A new set of recovery codes (the old ones stop working), for a fully signed-in person with TOTP on. */
export async function regenerateRecoveryCodes(actor: Actor, origin: Origin): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } });
    if (!user.totpEnabledAt) throw new ActionError('account.errors.notEnrolled');
    const codes = await replaceRecoveryCodes(tx, actor.userId);
    await recordAudit(tx, { ...who(actor, origin), action: 'auth.mfa.recovery_codes_regenerated', details: { count: RECOVERY_CODE_COUNT } });
    return codes;
  });
}
