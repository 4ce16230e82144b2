// Parallel brute force against both throttles. What is measured is how many passwords and codes were
// actually checked: every check that runs ends in a FAILURE audit event, every refused one in a DENIED
// (throttled) event, so the audit trail counts them without mocking the verifier.
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { confirmEnrolmentAction } from '@/lib/account/mfa-actions';
import { verifySecondFactorAction } from '@/lib/account/verify-actions';
import { runAction } from '@/lib/actions/action';
import { pendingEnrolment } from '@/lib/auth/mfa';
import { checkPassword } from '@/lib/auth/sign-in';
import { db } from '@/lib/db/client';
import { SIGN_IN_LIMITS } from '@/lib/security/rate-limit';
import { MFA_LIMIT } from '@/lib/auth/mfa';
import { TEST_PASSWORD, actorFor, makeActor } from '@/test/helpers/actors';

const from = (ip: string) => ({ ip, userAgent: 'vitest-brute' });

async function outcomes(where: { action: string; actorEmail?: string; actorId?: string; ip?: string }) {
  const events = await db.auditEvent.findMany({ where, select: { outcome: true, details: true } });
  return {
    checked: events.filter((e) => e.outcome === 'FAILURE' || e.outcome === 'SUCCESS').length,
    throttled: events.filter((e) => e.outcome === 'DENIED').length,
  };
}

describe('sign-in throttle under parallel attack', () => {
  it('50 parallel wrong passwords for one account: at most the per-account limit are checked', async () => {
    const victim = await makeActor({ roles: [] });
    const attempts = Array.from({ length: 50 }, (_, i) => checkPassword(victim.email, `guess-${i}`, from(`198.51.100.${i + 1}`)));
    const results = await Promise.all(attempts);
    const { checked, throttled } = await outcomes({ action: 'auth.sign_in', actorEmail: victim.email });
    console.info(`[throttle] 50 parallel wrong passwords: ${checked} checked, ${throttled} throttled (limit ${SIGN_IN_LIMITS.perAccount.max})`);
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount.max);
    expect(checked + throttled).toBe(50);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(throttled);
    // The right password is refused too while the window lasts.
    expect(await checkPassword(victim.email, TEST_PASSWORD, from('198.51.100.200'))).toEqual({ ok: false, reason: 'throttled' });
  });

  it('50 parallel wrong passwords from one address across accounts: at most the per-address limit are checked', async () => {
    const ip = '203.0.113.7';
    await Promise.all(Array.from({ length: 50 }, (_, i) => checkPassword(`spray-${i}@kaiji.test`, 'guess', from(ip))));
    const { checked, throttled } = await outcomes({ action: 'auth.sign_in', ip });
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAddress.max);
    expect(checked + throttled).toBe(50);
  });

  it('a success clears the account and gives the address its slot back, so normal use is never throttled', async () => {
    const person = await makeActor({ roles: [] });
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.max + 5; i++) {
      expect((await checkPassword(person.email, TEST_PASSWORD, from('192.0.2.10'))).ok).toBe(true);
    }
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.max - 1; i++) await checkPassword(person.email, 'nope', from('192.0.2.11'));
    expect((await checkPassword(person.email, TEST_PASSWORD, from('192.0.2.11'))).ok).toBe(true);
    expect((await checkPassword(person.email, 'nope', from('192.0.2.11'))).ok).toBe(false);
    expect((await checkPassword(person.email, TEST_PASSWORD, from('192.0.2.11'))).ok).toBe(true);
  });
});

describe('second-factor throttle under parallel attack', () => {
  it('30 parallel wrong codes (app codes and recovery codes): at most the limit are checked', async () => {
    const actor = await makeActor({ roles: [] });
    const pending = (await pendingEnrolment(actor))!;
    const code = await generate({ secret: pending.secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    expect((await runAction(confirmEnrolmentAction.definition, actor, { code })).ok).toBe(true);
    const session = await actorFor(actor.userId);
    expect(session.mfaPending).toBe('verify');
    const guesses = Array.from({ length: 30 }, (_, i) => (i % 2 ? String(100000 + i * 7919).slice(0, 6) : `zzzz-${String(i).padStart(4, '0')}`));
    const results = await Promise.all(guesses.map((g) => runAction(verifySecondFactorAction.definition, session, { code: g })));
    const { checked, throttled } = await outcomes({ action: 'auth.mfa.verify', actorId: actor.userId });
    console.info(`[throttle] 30 parallel wrong codes: ${checked} checked, ${throttled} throttled (limit ${MFA_LIMIT.max})`);
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(checked).toBeLessThanOrEqual(MFA_LIMIT.max);
    expect(checked + throttled).toBe(30);
  });
});
