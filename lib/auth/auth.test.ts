import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { type UserSpec, createInstitution, createUser } from '@/lib/seed/factories';
import { hashPassword } from './password';
import { institutionsFor, homePath, canActAt } from './roles';
import { createSession, loadActor, revokeAllSessions, revokeSession } from './sessions';
import { checkPassword } from './sign-in';

const from = (ip: string) => ({ ip, userAgent: 'vitest' });
const PASSWORD = 'correct horse battery staple';

async function person(roles: NonNullable<UserSpec['roles']> = []) {
  return db.$transaction(async (tx) => {
    const inst = await createInstitution(tx);
    const user = await createUser(tx, { password: PASSWORD, roles: roles.length ? roles : [{ role: 'RESEARCHER', institutionId: inst.id }] });
    return { inst, user };
  });
}

describe('passwords', () => {
  it('are hashed with argon2id at OWASP parameters', async () => {
    const h = await hashPassword('x'.repeat(12));
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('sign-in', () => {
  it('accepts the right password (any email case) and refuses a wrong one', async () => {
    const { user } = await person();
    expect(await checkPassword(user.email.toUpperCase(), PASSWORD, from('10.0.0.1'))).toEqual({ ok: true, userId: user.id });
    expect(await checkPassword(user.email, 'wrong', from('10.0.0.1'))).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkPassword('nobody@kaiji.test', PASSWORD, from('10.0.0.1'))).toEqual({ ok: false, reason: 'invalid' });
    const events = await db.auditEvent.findMany({ where: { action: 'auth.sign_in' }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.outcome)).toEqual(['SUCCESS', 'FAILURE', 'FAILURE']);
    expect(events[0]).toMatchObject({ actorId: user.id, ip: '10.0.0.1' });
  });

  it('throttles an account after 5 failures, even for the right password, without blocking other accounts', async () => {
    const { user } = await person();
    const { user: other } = await person();
    for (let i = 0; i < 5; i++) expect((await checkPassword(user.email, `bad-${i}`, from(`10.1.0.${i}`))).ok).toBe(false);
    expect(await checkPassword(user.email, PASSWORD, from('10.1.1.1'))).toEqual({ ok: false, reason: 'throttled' });
    expect((await checkPassword(other.email, PASSWORD, from('10.1.1.1'))).ok).toBe(true);
  });

  it('throttles an address after 30 failures across accounts, without blocking other addresses', async () => {
    const { user } = await person();
    for (let i = 0; i < 30; i++) await checkPassword(`spray-${i}@kaiji.test`, 'guess', from('10.2.0.1'));
    expect(await checkPassword(user.email, PASSWORD, from('10.2.0.1'))).toEqual({ ok: false, reason: 'throttled' });
    expect((await checkPassword(user.email, PASSWORD, from('10.2.0.2'))).ok).toBe(true);
  });

  it('refuses a disabled user', async () => {
    const { user } = await person();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await checkPassword(user.email, PASSWORD, from('10.3.0.1'))).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('sessions', () => {
  const opts = { maxAgeSeconds: 3600, ip: '10.9.0.1', userAgent: 'vitest' };

  it('load the actor with current memberships on every request', async () => {
    const { inst, user } = await person();
    const sid = await createSession(user.id, opts);
    const a1 = await loadActor(sid);
    expect(a1?.memberships).toEqual([{ role: 'RESEARCHER', institutionId: inst.id, allInstitutions: false }]);
    expect(homePath(a1!)).toBe('/disclosures');

    // An administrator makes them an officer: the very next request sees it.
    await db.membership.create({ data: { userId: user.id, role: 'OFFICER', institutionId: inst.id } });
    const a2 = await loadActor(sid);
    expect(homePath(a2!)).toBe('/review');
    expect(canActAt(a2!, 'OFFICER', inst.id)).toBe(true);
    await db.membership.deleteMany({ where: { userId: user.id, role: 'OFFICER' } });
    expect(canActAt((await loadActor(sid))!, 'OFFICER', inst.id)).toBe(false);
  });

  it('end on sign-out, on disabling the user and on expiry', async () => {
    const { user } = await person();
    const s1 = await createSession(user.id, opts);
    const s2 = await createSession(user.id, opts);
    await revokeSession(s1);
    expect(await loadActor(s1)).toBeNull();
    expect(await loadActor(s2)).not.toBeNull();

    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await loadActor(s2)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: null } });
    expect(await revokeAllSessions(user.id)).toBe(1);
    expect(await loadActor(s2)).toBeNull();

    const s3 = await createSession(user.id, { ...opts, maxAgeSeconds: 1 });
    await db.session.update({ where: { id: s3 }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadActor(s3)).toBeNull();
    expect(await loadActor('00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('scope auditors to their institutions, or all of them', async () => {
    const { inst } = await person();
    const { inst: other } = await person();
    const { user: scoped } = await person([{ role: 'AUDITOR', institutionId: inst.id }]);
    const { user: national } = await person([{ role: 'AUDITOR', allInstitutions: true }]);
    const a = (await loadActor(await createSession(scoped.id, opts)))!;
    const n = (await loadActor(await createSession(national.id, opts)))!;
    expect(institutionsFor(a, 'AUDITOR')).toEqual([inst.id]);
    expect(canActAt(a, 'AUDITOR', other.id)).toBe(false);
    expect(institutionsFor(n, 'AUDITOR')).toBe('all');
    expect(canActAt(n, 'OFFICER', other.id)).toBe(false);
  });
});
