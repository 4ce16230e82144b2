// The SSO decision on a real database. The whole flow through a real OpenID Connect provider in Chromium
// is e2e/sso.spec.ts; here are the cases a test IdP would have to be bent to produce.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createInstitution, createUser } from '@/lib/seed/factories';
import { loadActor } from './sessions';
import { idpAssertsMfa, ssoSignIn } from './sso';

const opts = { maxAgeSeconds: 3600, ip: '10.9.0.1', userAgent: 'vitest' };

async function officer(o: { totp?: boolean; disabled?: boolean } = {}) {
  return db.$transaction(async (tx) => {
    const inst = await createInstitution(tx);
    const user = await createUser(tx, { roles: [{ role: 'OFFICER', institutionId: inst.id }] });
    if (o.totp || o.disabled) {
      await tx.user.update({
        where: { id: user.id },
        data: { ...(o.totp ? { totpEnabledAt: new Date() } : {}), ...(o.disabled ? { disabledAt: new Date() } : {}) },
      });
    }
    return user;
  });
}

async function lastSignInEvent(email: string) {
  return db.auditEvent.findFirst({ where: { action: 'auth.sign_in', actorEmail: email }, orderBy: { id: 'desc' } });
}

describe('ssoSignIn', () => {
  it('signs in a registered person by the email the IdP asserts, in any case, and audits it', async () => {
    const user = await officer();
    const r = await ssoSignIn({ sub: 'idp-1', email: user.email.toUpperCase(), email_verified: true }, opts);
    expect(r).toMatchObject({ ok: true, userId: user.id, mfaFromIdp: false });
    const actor = r.ok ? await loadActor(r.sessionId) : null;
    expect(actor?.userId).toBe(user.id);
    expect(await lastSignInEvent(user.email)).toMatchObject({ outcome: 'SUCCESS', actorId: user.id, ip: '10.9.0.1', details: { provider: 'oidc' } });
  });

  it('refuses an unknown email, never creating an account, and audits the refusal with the reason', async () => {
    const email = `stranger-${Date.now()}@uni.example`;
    expect(await ssoSignIn({ sub: 'idp-2', email }, opts)).toEqual({ ok: false, reason: 'unknown_account' });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await lastSignInEvent(email)).toMatchObject({ outcome: 'DENIED', details: { provider: 'oidc', reason: 'unknown_account', sub: 'idp-2' } });
  });

  it('refuses a disabled person, a missing email and an email the IdP marks unverified', async () => {
    const disabled = await officer({ disabled: true });
    expect(await ssoSignIn({ email: disabled.email }, opts)).toEqual({ ok: false, reason: 'disabled' });
    expect(await lastSignInEvent(disabled.email)).toMatchObject({ outcome: 'DENIED', actorId: disabled.id });
    expect(await ssoSignIn({ sub: 'idp-3' }, opts)).toEqual({ ok: false, reason: 'no_email' });
    const known = await officer();
    expect(await ssoSignIn({ email: known.email, email_verified: false }, opts)).toEqual({ ok: false, reason: 'email_unverified' });
    expect(await db.session.count({ where: { userId: { in: [disabled.id, known.id] } } })).toBe(0);
  });

  it("keeps Kaiji's second factor unless the IdP asserts one (amr contains mfa)", async () => {
    const user = await officer({ totp: true });
    const plain = await ssoSignIn({ email: user.email, amr: ['pwd'] }, opts);
    expect(plain.ok && (await loadActor(plain.sessionId))?.mfaPending).toBe('verify');
    const strong = await ssoSignIn({ email: user.email, amr: ['pwd', 'otp', 'mfa'] }, opts);
    const actor = strong.ok ? await loadActor(strong.sessionId) : null;
    expect(actor).toMatchObject({ userId: user.id, mfaVerified: true });
    expect(actor?.mfaPending).toBeUndefined();
  });

  it('reads amr strictly', () => {
    expect(idpAssertsMfa(['mfa'])).toBe(true);
    expect(idpAssertsMfa('mfa')).toBe(false);
    expect(idpAssertsMfa(['otp'])).toBe(false);
    expect(idpAssertsMfa(undefined)).toBe(false);
  });
});
