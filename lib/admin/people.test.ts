import { describe, expect, it } from 'vitest';
import {
  grantRoleAction,
  inviteUserAction,
  resendInvitationAction,
  resetSecondFactorAction,
  revokeRoleAction,
  sendPasswordResetAction,
  setUserDisabledAction,
} from '@/lib/admin/people-actions';
import { runAction } from '@/lib/actions/action';
import { getPerson, listPeople } from '@/lib/admin/people';
import { hashAccountToken, inspectAccountToken, redeemAccountToken } from '@/lib/auth/account-tokens';
import { loadActor } from '@/lib/auth/sessions';
import { checkPassword } from '@/lib/auth/sign-in';
import { db } from '@/lib/db/client';
import { TEST_PASSWORD, actorFor, adminWorld, auditEvents, makeActor } from '@/test/helpers/actors';

const from = { ip: '10.7.0.1', userAgent: 'vitest' };
const NEW_PASSWORD = 'a brand new passphrase';

/** The link in the newest queued mail to `to`, and its token. */
async function linkIn(to: string) {
  const mail = await db.emailMessage.findFirstOrThrow({ where: { toAddress: to }, orderBy: { createdAt: 'desc' } });
  const link = /https?:\/\/\S+\/account\/(accept|reset)\/([\w-]+)/.exec(mail.bodyText);
  if (!link) throw new Error(`no link in ${mail.bodyText}`);
  return { mail, kind: link[1], token: link[2]! };
}

describe('invitations', () => {
  it('create the person without a password, with their role, and mail a one-time link valid for 72 hours', async () => {
    const w = await adminWorld();
    const res = await runAction(inviteUserAction.definition, w.adminA, {
      email: '  New.Officer@Kaiji.TEST ',
      displayName: '新井 真',
      institutionId: w.a.id,
      role: 'OFFICER',
      locale: 'ja',
    });
    expect(res.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: 'new.officer@kaiji.test' }, include: { memberships: true } });
    expect(user.passwordHash).toBeNull();
    expect(user.memberships).toMatchObject([{ role: 'OFFICER', institutionId: w.a.id }]);

    const { mail, kind, token } = await linkIn(user.email);
    expect(kind).toBe('accept');
    expect(mail.subject).toContain('Kaiji');
    expect(mail.bodyText).toContain('新井 真');
    expect(mail.status).toBe('PENDING'); // no SMTP_URL in tests: it waits in the outbox
    const stored = await db.accountToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashAccountToken(token));
    expect(stored.tokenHash).not.toContain(token);
    const hours = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 3600_000;
    expect(hours).toBeCloseTo(72, 1);

    const [event] = await auditEvents('admin.user.invite');
    expect(event).toMatchObject({ actorId: w.adminA.userId, entityId: user.id, institutionId: w.a.id });

    const dup = await runAction(inviteUserAction.definition, w.adminA, { email: user.email, displayName: 'X', institutionId: w.a.id, role: 'RESEARCHER', locale: 'en' });
    expect(dup).toMatchObject({ ok: false, fieldErrors: { email: ['admin.errors.emailTaken'] } });
  });

  it('a link works once, and not after it expires; accepting lets the person sign in', async () => {
    const w = await adminWorld();
    await runAction(inviteUserAction.definition, w.system, { email: 'once@kaiji.test', displayName: 'Once', institutionId: w.b.id, role: 'RESEARCHER', locale: 'en' });
    const { token } = await linkIn('once@kaiji.test');
    expect(await inspectAccountToken(token, 'INVITE')).toMatchObject({ state: 'valid', email: 'once@kaiji.test' });
    expect(await inspectAccountToken(token, 'PASSWORD_RESET')).toEqual({ state: 'unknown' });

    await expect(redeemAccountToken(token, 'INVITE', NEW_PASSWORD, from)).resolves.toEqual({ email: 'once@kaiji.test' });
    expect((await checkPassword('once@kaiji.test', NEW_PASSWORD, from)).ok).toBe(true);
    await expect(redeemAccountToken(token, 'INVITE', 'another passphrase!', from)).rejects.toMatchObject({ key: 'account.errors.linkInvalid' });
    expect(await inspectAccountToken(token, 'INVITE')).toEqual({ state: 'used' });
    expect((await checkPassword('once@kaiji.test', 'another passphrase!', from)).ok).toBe(false);

    await runAction(inviteUserAction.definition, w.system, { email: 'late@kaiji.test', displayName: 'Late', institutionId: w.b.id, role: 'RESEARCHER', locale: 'en' });
    const late = await linkIn('late@kaiji.test');
    await db.accountToken.updateMany({ where: { tokenHash: hashAccountToken(late.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await inspectAccountToken(late.token, 'INVITE')).toEqual({ state: 'expired' });
    await expect(redeemAccountToken(late.token, 'INVITE', NEW_PASSWORD, from)).rejects.toMatchObject({ key: 'account.errors.linkInvalid' });
    expect((await db.user.findUniqueOrThrow({ where: { email: 'late@kaiji.test' } })).passwordHash).toBeNull();

    // A new invitation supersedes the old link.
    const lateUser = await db.user.findUniqueOrThrow({ where: { email: 'late@kaiji.test' } });
    expect((await runAction(resendInvitationAction.definition, w.system, { userId: lateUser.id })).ok).toBe(true);
    const fresh = await linkIn('late@kaiji.test');
    expect(fresh.token).not.toBe(late.token);
    await expect(redeemAccountToken(fresh.token, 'INVITE', NEW_PASSWORD, from)).resolves.toEqual({ email: 'late@kaiji.test' });
    const outcomes = (await auditEvents('account.invite.accept')).map((e) => e.outcome);
    expect(outcomes).toEqual(['SUCCESS', 'DENIED', 'DENIED', 'SUCCESS']);
  });
});

describe('account controls', () => {
  it("disabling a person ends their live session: the next request is refused", async () => {
    const w = await adminWorld();
    const live = w.officer;
    expect(await loadActor(live.sessionId)).not.toBeNull();
    const res = await runAction(setUserDisabledAction.definition, w.adminA, { userId: live.userId, disabled: true });
    expect(res).toEqual({ ok: true, data: { changed: true, sessionsRevoked: 1 } });
    expect(await loadActor(live.sessionId)).toBeNull();
    expect((await checkPassword(live.email, TEST_PASSWORD, from)).ok).toBe(false);
    const [event] = await auditEvents('admin.user.disable');
    expect(event).toMatchObject({ entityId: live.userId, institutionId: w.a.id, details: { sessionsRevoked: 1 } });

    // Enabling lets them sign in again, but the ended session stays ended.
    expect((await runAction(setUserDisabledAction.definition, w.adminA, { userId: live.userId, disabled: false })).ok).toBe(true);
    expect(await loadActor(live.sessionId)).toBeNull();
    expect((await checkPassword(live.email, TEST_PASSWORD, from)).ok).toBe(true);

    expect(await runAction(setUserDisabledAction.definition, w.adminA, { userId: w.adminA.userId, disabled: true })).toEqual({ ok: false, error: 'admin.errors.cannotDisableSelf' });
  });

  it('a password reset ends every session at once and mails a link valid for one hour', async () => {
    const w = await adminWorld();
    const s2 = await actorFor(w.researcher.userId);
    const res = await runAction(sendPasswordResetAction.definition, w.adminA, { userId: w.researcher.userId });
    expect(res).toMatchObject({ ok: true, data: { sessionsRevoked: 2 } });
    expect(await loadActor(w.researcher.sessionId)).toBeNull();
    expect(await loadActor(s2.sessionId)).toBeNull();
    const { kind, token } = await linkIn(w.researcher.email);
    expect(kind).toBe('reset');
    const t = await db.accountToken.findFirstOrThrow({ where: { tokenHash: hashAccountToken(token) } });
    expect(t.purpose).toBe('PASSWORD_RESET');
    expect((t.expiresAt.getTime() - t.createdAt.getTime()) / 60_000).toBeCloseTo(60, 0);

    // Signed in again with the old password before using the link: using it ends that session too.
    const again = await actorFor(w.researcher.userId);
    await redeemAccountToken(token, 'PASSWORD_RESET', NEW_PASSWORD, from);
    expect(await loadActor(again.sessionId)).toBeNull();
    expect((await checkPassword(w.researcher.email, TEST_PASSWORD, from)).ok).toBe(false);
    expect((await checkPassword(w.researcher.email, NEW_PASSWORD, from)).ok).toBe(true);
    expect((await auditEvents('account.password.reset'))[0]).toMatchObject({ actorId: w.researcher.userId, details: { sessionsRevoked: 1 } });
  });

  it("an institution's administrator cannot change the account of someone who also belongs elsewhere", async () => {
    const w = await adminWorld();
    const both = await makeActor({ roles: [{ role: 'RESEARCHER', institutionId: w.a.id }, { role: 'OFFICER', institutionId: w.b.id }] });
    expect(await runAction(setUserDisabledAction.definition, w.adminA, { userId: both.userId, disabled: true })).toEqual({ ok: false, error: 'errors.notFound' });
    expect(await runAction(resetSecondFactorAction.definition, w.adminA, { userId: both.userId })).toEqual({ ok: false, error: 'errors.notFound' });
    // They can see the person, and only the role held at their institution.
    const seen = await getPerson(w.adminA, both.userId);
    expect(seen?.manageable).toBe(false);
    expect(seen?.memberships.map((m) => m.role)).toEqual(['RESEARCHER']);
    expect((await getPerson(w.system, both.userId))?.manageable).toBe(true);
    expect((await runAction(setUserDisabledAction.definition, w.system, { userId: both.userId, disabled: true })).ok).toBe(true);
  });
});

describe('roles', () => {
  it('are granted and revoked per institution, take effect on the next request, and are audited', async () => {
    const w = await adminWorld();
    const grant = await runAction(grantRoleAction.definition, w.adminA, { userId: w.researcher.userId, role: 'OFFICER', institutionId: w.a.id, allInstitutions: false });
    expect(grant.ok).toBe(true);
    expect((await loadActor(w.researcher.sessionId))?.memberships.map((m) => m.role).sort()).toEqual(['OFFICER', 'RESEARCHER']);
    const dup = await runAction(grantRoleAction.definition, w.adminA, { userId: w.researcher.userId, role: 'OFFICER', institutionId: w.a.id, allInstitutions: false });
    expect(dup).toEqual({ ok: false, error: 'admin.errors.roleExists' });
    const membershipId = (grant as { data: { id: string } }).data.id;
    expect((await runAction(revokeRoleAction.definition, w.adminA, { membershipId })).ok).toBe(true);
    expect((await loadActor(w.researcher.sessionId))?.memberships.map((m) => m.role)).toEqual(['RESEARCHER']);
    expect((await auditEvents('admin.membership.grant')).length).toBe(1);
    expect((await auditEvents('admin.membership.revoke')).length).toBe(1);

    // Nationwide grants are for system administrators, and only for auditors and administrators.
    const national = await runAction(grantRoleAction.definition, w.system, { userId: w.officer.userId, role: 'AUDITOR', institutionId: '', allInstitutions: true });
    expect(national.ok).toBe(true);
    const bad = await runAction(grantRoleAction.definition, w.system, { userId: w.officer.userId, role: 'OFFICER', institutionId: '', allInstitutions: true });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { allInstitutions: ['admin.errors.allInstitutionsRole'] } });

    const own = await db.membership.findFirstOrThrow({ where: { userId: w.adminA.userId, role: 'ADMIN' } });
    expect(await runAction(revokeRoleAction.definition, w.adminA, { membershipId: own.id })).toEqual({ ok: false, error: 'admin.errors.cannotRemoveOwnAdmin' });
  });

  it('the people list shows status and last sign-in, filtered, within scope', async () => {
    const w = await adminWorld();
    await runAction(inviteUserAction.definition, w.adminA, { email: 'pending@kaiji.test', displayName: 'Pending', institutionId: w.a.id, role: 'RESEARCHER', locale: 'en' });
    const inB = await makeActor({ roles: [{ role: 'RESEARCHER', institutionId: w.b.id }] });
    const mine = await listPeople(w.adminA, {});
    const emails = mine.people.map((p) => p.email);
    expect(emails).toContain('pending@kaiji.test');
    expect(emails).toContain(w.officer.email);
    expect(emails).not.toContain(inB.email);
    expect(emails).not.toContain(w.system.email);
    expect(mine.people.find((p) => p.email === 'pending@kaiji.test')?.status).toBe('invited');
    expect(mine.people.find((p) => p.email === w.officer.email)).toMatchObject({ status: 'active', lastSignInAt: expect.any(Date) });
    expect(mine.people.some((p) => 'passwordHash' in p)).toBe(false);
    expect((await listPeople(w.adminA, { status: 'invited' })).people.map((p) => p.email)).toEqual(['pending@kaiji.test']);
    expect((await listPeople(w.adminA, { role: 'OFFICER' })).people.map((p) => p.email)).toEqual([w.officer.email]);
    expect((await listPeople(w.system, {})).people.map((p) => p.email)).toContain(inB.email);
    expect(await getPerson(w.adminA, inB.userId)).toBeNull();
  });
});
