// `npm run admin:create` run as an operator would: the real command in a child process against this
// file's database, then the printed link used through the same code the accept page calls.
import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { inspectAccountToken, redeemAccountToken } from '@/lib/auth/account-tokens';
import { checkPassword } from '@/lib/auth/sign-in';
import { db } from '@/lib/db/client';
import { auditEvents } from '@/test/helpers/actors';
import { root, tsxArgs, tsxEnv } from '@/scripts/lib/install.mjs';

// These tests start real processes (tsx, node): seconds each on an idle machine, far more on a loaded one.
vi.setConfig({ testTimeout: 120_000 });

const APP_URL = 'https://kaiji.example.ac.jp';
const from = { ip: '10.9.0.1', userAgent: 'vitest' };

function adminCreate(...args: string[]) {
  const res = spawnSync(process.execPath, tsxArgs('scripts/admin-create.ts', ...args), {
    cwd: root,
    env: tsxEnv({ ...process.env, APP_URL }),
    encoding: 'utf8',
  });
  const link = /^(https:\/\/\S+\/account\/(accept|reset)\/([\w-]+))$/m.exec(res.stdout);
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, link: link?.[1], kind: link?.[2], token: link?.[3] };
}

async function systemAdmins() {
  const rows = await db.user.findMany({
    where: { memberships: { some: { role: 'ADMIN', allInstitutions: true } } },
    select: { email: true, passwordHash: true },
    orderBy: { email: 'asc' },
  });
  return rows;
}

describe('npm run admin:create', () => {
  it('creates the first system administrator, refuses a second unless forced, and its link sets a password once', async () => {
    const first = adminCreate('--email', ' First.Admin@Univ.AC.jp ', '--name', '開示 太郎');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Created system administrator first.admin@univ.ac.jp');
    expect(first.link).toMatch(new RegExp(`^${APP_URL}/account/accept/`));
    const user = await db.user.findUniqueOrThrow({ where: { email: 'first.admin@univ.ac.jp' }, include: { memberships: true } });
    expect(user).toMatchObject({ displayName: '開示 太郎', passwordHash: null, disabledAt: null });
    expect(user.memberships).toMatchObject([{ role: 'ADMIN', allInstitutions: true, institutionId: null }]);
    const [created] = await auditEvents('admin.system_admin.bootstrap');
    expect(created).toMatchObject({ actorId: null, entityId: user.id, outcome: 'SUCCESS' });
    expect(created!.details).toMatchObject({ via: 'cli', outcome: 'created', forced: false, otherAdministrators: 0 });

    // A second run, for anyone, is refused while an administrator exists: nothing changes.
    const again = adminCreate('--email', 'second@univ.ac.jp');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('A system administrator already exists (first.admin@univ.ac.jp)');
    expect(again.link).toBeUndefined();
    expect(await db.user.findUnique({ where: { email: 'second@univ.ac.jp' } })).toBeNull();

    // The printed link is the invitation page's: it sets the password once and only once.
    expect(await inspectAccountToken(first.token!, 'INVITE')).toMatchObject({ state: 'valid', email: 'first.admin@univ.ac.jp' });
    await redeemAccountToken(first.token!, 'INVITE', 'a long admin passphrase', from);
    expect(await checkPassword('first.admin@univ.ac.jp', 'a long admin passphrase', from)).toMatchObject({ ok: true, userId: user.id });
    await expect(redeemAccountToken(first.token!, 'INVITE', 'an attacker passphrase', from)).rejects.toThrow();
    expect(await checkPassword('first.admin@univ.ac.jp', 'an attacker passphrase', from)).toMatchObject({ ok: false });
    expect(await inspectAccountToken(first.token!, 'INVITE')).toMatchObject({ state: 'used' });

    // --force creates another, and audits that it was forced.
    const forced = adminCreate('--email', 'second@univ.ac.jp', '--force');
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain('Created system administrator second@univ.ac.jp');
    expect(forced.kind).toBe('accept');
    expect((await systemAdmins()).map((a) => a.email)).toEqual(['first.admin@univ.ac.jp', 'second@univ.ac.jp']);
    const events = await auditEvents('admin.system_admin.bootstrap');
    expect(events.map((e) => e.details)).toContainEqual(expect.objectContaining({ email: 'second@univ.ac.jp', forced: true, otherAdministrators: 1 }));
  });

  it('promotes an existing account (whose password it replaces through a reset link) and never takes a password itself', async () => {
    const officer = await db.user.create({ data: { email: 'officer@univ.ac.jp', displayName: 'Officer', passwordHash: 'x' } });
    // Forced: the first test of this file left administrators in this file's database.
    const promoted = adminCreate('--email', 'officer@univ.ac.jp', '--force');
    expect(promoted.status).toBe(0);
    expect(promoted.stdout).toContain('Promoted system administrator officer@univ.ac.jp');
    expect(promoted.kind).toBe('reset');
    expect(await db.membership.findMany({ where: { userId: officer.id }, select: { role: true, allInstitutions: true } })).toEqual([
      { role: 'ADMIN', allInstitutions: true },
    ]);
    await redeemAccountToken(promoted.token!, 'PASSWORD_RESET', 'the new admin passphrase', from);
    expect(await checkPassword('officer@univ.ac.jp', 'the new admin passphrase', from)).toMatchObject({ ok: true });

    const withPassword = adminCreate('--email', 'x@univ.ac.jp', '--password', 'secret', '--force');
    expect(withPassword.status).toBe(2);
    expect(withPassword.stderr).toContain('A password is never given on the command line');
    const missing = adminCreate('--name', 'Nobody');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--email is required');
    const bad = adminCreate('--email', 'not-an-address', '--force');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"not-an-address" is not an email address');
    expect(await db.user.count({ where: { email: { in: ['x@univ.ac.jp', 'not-an-address'] } } })).toBe(0);
  });
});
