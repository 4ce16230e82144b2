// Forgot password on the real database: what is stored (a hash, never the link), what is mailed and in
// which language, the same answer for an address without an account, the atomic throttle, and the link
// working once, before it expires, ending every session.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { TEST_PASSWORD, actorFor, makeActor } from '@/test/helpers/actors';
import { hashAccountToken } from './account-tokens';
import { FORGOT_LIMITS, FORGOT_TTL_MS, forgotPassword } from './forgot-password';
import { checkPassword } from './sign-in';
import { resetPasswordAction } from '@/lib/account/actions';
import { runPublicAction } from '@/lib/actions/action';

// The reset action as the page calls it, without the request (origin given).
const setPassword = (_purpose: 'PASSWORD_RESET', raw: unknown, origin: { ip: string | null; userAgent: string | null }) =>
  runPublicAction(resetPasswordAction.publicDefinition, raw, origin);

function from(ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, locale = 'ja') {
  return { ip, userAgent: 'vitest', locale };
}

async function mailsTo(email: string) {
  return db.emailMessage.findMany({ where: { toAddress: email }, orderBy: { createdAt: 'asc' } });
}

function linkIn(text: string): string {
  const m = /\/account\/reset\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!m) throw new Error(`no reset link in: ${text}`);
  return m[1]!;
}

async function requested(email: string) {
  return db.auditEvent.findMany({ where: { action: 'auth.password.reset_requested', actorEmail: email }, orderBy: { id: 'asc' } });
}

describe('asking for a reset link', () => {
  it('mails a single-use link in the person’s language and stores only its hash', async () => {
    const me = await makeActor({ email: `en-${randomUUID().slice(0, 8)}@kaiji.test`, locale: 'en' });
    const before = Date.now();
    expect(await forgotPassword({ email: `  ${me.email.toUpperCase()} ` }, from(undefined, 'ja'))).toEqual({ ok: true, data: { sent: true } });
    const [mail, ...more] = await mailsTo(me.email);
    expect(more).toHaveLength(0);
    // English: the person chose English, although the form was used in Japanese.
    expect(mail!.subject).toBe('Kaiji: choose a new password');
    const raw = linkIn(mail!.bodyText);
    const tokens = await db.accountToken.findMany({ where: { userId: me.userId } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: 'PASSWORD_RESET', tokenHash: hashAccountToken(raw), usedAt: null, createdById: null });
    expect(JSON.stringify(tokens)).not.toContain(raw);
    const ttl = tokens[0]!.expiresAt.getTime() - before;
    expect(ttl).toBeGreaterThan(FORGOT_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(FORGOT_TTL_MS + 5_000);
    expect(await requested(me.email)).toMatchObject([{ outcome: 'SUCCESS', actorId: me.userId, details: { reason: 'sent' } }]);
  });

  it('mails in the form’s language when the person has not chosen one', async () => {
    const me = await makeActor({ email: `nolocale-${randomUUID().slice(0, 8)}@kaiji.test` });
    await db.user.update({ where: { id: me.userId }, data: { locale: null } });
    await forgotPassword({ email: me.email }, from(undefined, 'ja'));
    expect((await mailsTo(me.email))[0]!.subject).toBe('Kaiji：新しいパスワードの設定');
  });

  it('answers an unknown, a disabled and a password-less address exactly alike, sending nothing', async () => {
    const disabled = await makeActor({ email: `off-${randomUUID().slice(0, 8)}@kaiji.test` });
    await db.user.update({ where: { id: disabled.userId }, data: { disabledAt: new Date() } });
    const invited = await makeActor({ email: `inv-${randomUUID().slice(0, 8)}@kaiji.test`, password: null });
    const unknown = `nobody-${randomUUID().slice(0, 8)}@kaiji.test`;
    const known = await makeActor({ email: `known-${randomUUID().slice(0, 8)}@kaiji.test` });
    const answers = [];
    for (const email of [unknown, disabled.email, invited.email, known.email]) answers.push(await forgotPassword({ email }, from()));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    for (const email of [unknown, disabled.email, invited.email]) expect(await mailsTo(email)).toHaveLength(0);
    expect(await db.accountToken.count({ where: { userId: { in: [disabled.userId, invited.userId] } } })).toBe(0);
    expect(await mailsTo(known.email)).toHaveLength(1);
    expect((await requested(unknown))[0]).toMatchObject({ outcome: 'FAILURE', actorId: null, details: { reason: 'unknown_account' } });
    expect((await requested(disabled.email))[0]).toMatchObject({ outcome: 'FAILURE', details: { reason: 'disabled' } });
    expect((await requested(invited.email))[0]).toMatchObject({ outcome: 'FAILURE', details: { reason: 'no_password' } });
  });

  it('throttles per address asked for, atomically, whether or not it has an account', async () => {
    for (const email of [`nobody-${randomUUID().slice(0, 8)}@kaiji.test`, (await makeActor()).email]) {
      const results = await Promise.all(Array.from({ length: FORGOT_LIMITS.perEmail.max + 3 }, () => forgotPassword({ email }, from())));
      expect(results.filter((r) => r.ok)).toHaveLength(FORGOT_LIMITS.perEmail.max);
      expect(results.filter((r) => !r.ok)).toEqual(Array(3).fill({ ok: false, error: 'forgotPassword.throttled', details: { minutes: 60 } }));
      expect((await requested(email)).filter((e) => e.outcome === 'DENIED')).toHaveLength(3);
    }
  });

  it('throttles per client address across addresses asked for', async () => {
    const ip = `10.99.${Math.floor(Math.random() * 250)}.1`;
    const results = [];
    for (let i = 0; i < FORGOT_LIMITS.perAddress.max + 1; i++) results.push(await forgotPassword({ email: `spray-${i}-${randomUUID().slice(0, 6)}@kaiji.test` }, from(ip)));
    expect(results.slice(0, -1).every((r) => r.ok)).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, error: 'forgotPassword.throttled' });
  });

  it('refuses what is not one address with a field message', async () => {
    expect(await forgotPassword({ email: 'not an address' }, from())).toMatchObject({ ok: false, fieldErrors: { email: ['auth.errors.emailInvalid'] } });
    expect(await forgotPassword({ email: '' }, from())).toMatchObject({ ok: false, fieldErrors: { email: ['auth.errors.emailRequired'] } });
    expect(await forgotPassword('x', from())).toMatchObject({ ok: false, error: 'errors.invalidInput' });
  });
});

describe('using the link', () => {
  it('sets the password once, ends every session, and a newer link retires the older', async () => {
    const me = await makeActor({ email: `use-${randomUUID().slice(0, 8)}@kaiji.test` });
    const other = await actorFor(me.userId);
    await forgotPassword({ email: me.email }, from());
    await forgotPassword({ email: me.email }, from());
    const [older, newer] = (await mailsTo(me.email)).map((m) => linkIn(m.bodyText));
    const origin = { ip: '10.0.0.5', userAgent: 'vitest' };
    const password = 'a brand new passphrase 2026';
    expect(await setPassword('PASSWORD_RESET', { token: older!, password, confirm: password }, origin)).toEqual({ ok: false, error: 'account.errors.linkInvalid' });
    expect(await setPassword('PASSWORD_RESET', { token: newer!, password, confirm: password }, origin)).toEqual({ ok: true, data: { email: me.email } });
    expect(await setPassword('PASSWORD_RESET', { token: newer!, password: 'yet another passphrase', confirm: 'yet another passphrase' }, origin)).toEqual({
      ok: false,
      error: 'account.errors.linkInvalid',
    });
    expect(await db.session.count({ where: { userId: me.userId, revokedAt: null } })).toBe(0);
    expect(await db.session.findUniqueOrThrow({ where: { id: other.sessionId } })).toMatchObject({ revokedAt: expect.any(Date) });
    expect((await checkPassword(me.email, password, origin)).ok).toBe(true);
    expect((await checkPassword(me.email, TEST_PASSWORD, origin)).ok).toBe(false);
  });

  it('does not work after 30 minutes', async () => {
    const me = await makeActor({ email: `late-${randomUUID().slice(0, 8)}@kaiji.test` });
    await forgotPassword({ email: me.email }, from());
    const raw = linkIn((await mailsTo(me.email))[0]!.bodyText);
    await db.accountToken.updateMany({ where: { tokenHash: hashAccountToken(raw) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const password = 'a brand new passphrase 2026';
    expect(await setPassword('PASSWORD_RESET', { token: raw, password, confirm: password }, { ip: null, userAgent: null })).toEqual({ ok: false, error: 'account.errors.linkInvalid' });
  });
});
