import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { confirmEnrolmentAction } from '@/lib/account/mfa-actions';
import { resetSecondFactorAction } from '@/lib/admin/people-actions';
import { setMfaPolicyAction } from '@/lib/admin/security-actions';
import { verifySecondFactorAction } from '@/lib/account/verify-actions';
import { runAction } from '@/lib/actions/action';
import { db } from '@/lib/db/client';
import { actorFor, adminWorld, makeActor } from '@/test/helpers/actors';
import { MFA_LIMIT, pendingEnrolment } from './mfa';
import { defaultRequiredRoles } from './mfa-policy';
import type { Actor } from './roles';
import { open, seal } from './secret-box';
import { loadActor } from './sessions';

const now = () => Math.floor(Date.now() / 1000);
const codeAt = (secret: string, offsetSteps = 0) => generate({ secret, epoch: now() + offsetSteps * 30 });

/** Enrols `actor` and returns the secret and the recovery codes. */
async function enrol(actor: Actor) {
  const pending = await pendingEnrolment(actor);
  if (!pending) throw new Error('already enrolled');
  const res = await runAction(confirmEnrolmentAction.definition, actor, { code: await codeAt(pending.secret, -1) });
  if (!res.ok) throw new Error(JSON.stringify(res));
  return { secret: pending.secret, codes: res.data };
}

describe('secret box', () => {
  it('round-trips, and refuses altered values or another purpose', () => {
    const sealed = seal('JBSWY3DPEHPK3PXPJBSWY3DP', 'totp-secret');
    expect(sealed).not.toContain('JBSWY3DP');
    expect(open(sealed, 'totp-secret')).toBe('JBSWY3DPEHPK3PXPJBSWY3DP');
    expect(seal('same', 'p')).not.toBe(seal('same', 'p'));
    expect(() => open(sealed, 'other-purpose')).toThrow();
    const parts = sealed.split('.');
    parts[2] = Buffer.from('tampered!').toString('base64url');
    expect(() => open(parts.join('.'), 'totp-secret')).toThrow();
  });
});

describe('second-factor policy', () => {
  it('defaults to officers, auditors and administrators in production, nobody in development or demo', () => {
    expect(defaultRequiredRoles({ NODE_ENV: 'production' })).toEqual(['OFFICER', 'AUDITOR', 'ADMIN']);
    expect(defaultRequiredRoles({ NODE_ENV: 'production', KAIJI_DEMO: '1' })).toEqual([]);
    expect(defaultRequiredRoles({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('an administrator can require it per role: such a session must enrol before anything else', async () => {
    const w = await adminWorld();
    expect((await loadActor(w.officer.sessionId))?.mfaPending).toBeUndefined();
    const set = await runAction(setMfaPolicyAction.definition, w.system, { requiredRoles: ['OFFICER', 'ADMIN'] });
    expect(set).toEqual({ ok: true, data: { roles: ['OFFICER', 'ADMIN'] } });
    const officer = (await loadActor(w.officer.sessionId))!;
    expect(officer.mfaPending).toBe('enrol');
    expect((await loadActor(w.researcher.sessionId))?.mfaPending).toBeUndefined();
    // Every other action is refused until enrolment is done; enrolment itself is allowed.
    expect(await runAction(resetSecondFactorAction.definition, officer, { userId: officer.userId })).toEqual({ ok: false, error: 'account.errors.mfaPending' });
    await enrol(officer);
    expect((await loadActor(w.officer.sessionId))?.mfaPending).toBeUndefined();
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'admin.settings.mfa' } });
    expect(event.details).toEqual({ before: [], after: ['OFFICER', 'ADMIN'] });
    await runAction(setMfaPolicyAction.definition, w.system, { requiredRoles: [] });
  });
});

describe('TOTP', () => {
  it('enrols with a first code, keeps the secret encrypted, and returns 10 recovery codes', async () => {
    const actor = await makeActor({ roles: [] });
    const first = await pendingEnrolment(actor);
    expect(first?.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(first?.uri).toContain(`otpauth://totp/Kaiji:${encodeURIComponent(actor.email)}`);
    expect((await pendingEnrolment(actor))?.secret).toBe(first?.secret); // a reload shows the same one
    const stored = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
    expect(stored.totpSecret).not.toContain(first!.secret);
    expect(stored.totpEnabledAt).toBeNull();

    const wrong = await runAction(confirmEnrolmentAction.definition, actor, { code: '000000' === (await codeAt(first!.secret)) ? '111111' : '000000' });
    expect(wrong).toMatchObject({ ok: false, error: 'account.errors.codeInvalid' });
    const malformed = await runAction(confirmEnrolmentAction.definition, actor, { code: '12ab' });
    expect(malformed).toMatchObject({ ok: false, fieldErrors: { code: ['account.errors.codeFormat'] } });

    const { codes } = await enrol(actor);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(codes.every((c) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(c))).toBe(true);
    const hashes = await db.recoveryCode.findMany({ where: { userId: actor.userId } });
    expect(hashes).toHaveLength(10);
    expect(hashes.some((h) => codes.includes(h.codeHash))).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).totpEnabledAt).not.toBeNull();
    expect((await db.auditEvent.findMany({ where: { actorId: actor.userId, action: 'auth.mfa.enrol' }, orderBy: { id: 'asc' } })).map((e) => e.outcome)).toEqual(['FAILURE', 'SUCCESS']);
    expect(await pendingEnrolment(actor)).toBeNull();
  });

  it('after the password, a session must give a code; each code is accepted once', async () => {
    const actor = await makeActor({ roles: [] });
    const { secret } = await enrol(actor);
    const s1 = await actorFor(actor.userId);
    expect(s1.mfaPending).toBe('verify');
    // Cannot enrol a new authenticator instead of giving the code.
    expect(await pendingEnrolment(s1)).toBeNull();
    expect(await runAction(confirmEnrolmentAction.definition, s1, { code: '123456' })).toMatchObject({ ok: false, error: 'account.errors.mfaPending' });

    const code = await codeAt(secret, 1);
    expect(await runAction(verifySecondFactorAction.definition, s1, { code: ` ${code.slice(0, 3)} ${code.slice(3)} ` })).toEqual({ ok: true, data: { recoveryCodesLeft: null } });
    expect((await loadActor(s1.sessionId))?.mfaPending).toBeUndefined();

    const s2 = await actorFor(actor.userId);
    expect(await runAction(verifySecondFactorAction.definition, s2, { code })).toMatchObject({ ok: false, error: 'account.errors.codeInvalid' });
    expect((await loadActor(s2.sessionId))?.mfaPending).toBe('verify');
    const failure = await db.auditEvent.findFirstOrThrow({ where: { actorId: actor.userId, action: 'auth.mfa.verify', outcome: 'FAILURE' } });
    expect(failure.details).toEqual({ reason: 'replayed' });
  });

  it('recovery codes work once each', async () => {
    const actor = await makeActor({ roles: [] });
    const { codes } = await enrol(actor);
    const s1 = await actorFor(actor.userId);
    expect(await runAction(verifySecondFactorAction.definition, s1, { code: codes[0]!.toUpperCase() })).toEqual({ ok: true, data: { recoveryCodesLeft: 9 } });
    const s2 = await actorFor(actor.userId);
    expect(await runAction(verifySecondFactorAction.definition, s2, { code: codes[0]! })).toMatchObject({ ok: false, error: 'account.errors.codeInvalid' });
    expect(await runAction(verifySecondFactorAction.definition, s2, { code: codes[1]!.replace('-', '') })).toEqual({ ok: true, data: { recoveryCodesLeft: 8 } });
    const used = await db.auditEvent.findMany({ where: { actorId: actor.userId, action: 'auth.mfa.recovery_code_used' } });
    expect(used.map((e) => e.details)).toEqual([{ remaining: 9 }, { remaining: 8 }]);
  });

  it(`throttles after ${MFA_LIMIT.max} wrong codes, even for a right one`, async () => {
    const actor = await makeActor({ roles: [] });
    const { secret } = await enrol(actor);
    const s = await actorFor(actor.userId);
    for (let i = 0; i < MFA_LIMIT.max; i++) await runAction(verifySecondFactorAction.definition, s, { code: `wrong-${i}` });
    expect(await runAction(verifySecondFactorAction.definition, s, { code: await codeAt(secret, 1) })).toEqual({ ok: false, error: 'account.errors.throttled' });
    expect((await loadActor(s.sessionId))?.mfaPending).toBe('verify');
  });

  it('an administrator can reset a lost second factor: sessions end and the person enrols again', async () => {
    const w = await adminWorld();
    await enrol(w.officer);
    const res = await runAction(resetSecondFactorAction.definition, w.adminA, { userId: w.officer.userId });
    expect(res).toEqual({ ok: true, data: { sessionsRevoked: 1 } });
    expect(await loadActor(w.officer.sessionId)).toBeNull();
    const u = await db.user.findUniqueOrThrow({ where: { id: w.officer.userId } });
    expect([u.totpSecret, u.totpEnabledAt]).toEqual([null, null]);
    expect(await db.recoveryCode.count({ where: { userId: u.id } })).toBe(0);
    expect((await actorFor(u.id)).mfaPending).toBeUndefined();
  });
});
