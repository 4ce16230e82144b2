// Scale-out, proven: two app processes (the built server started twice, on two ports) on one
// PostgreSQL, as two replicas behind a load balancer would be. Nothing one process needs may live in
// the other's memory: sessions, their revocation, the sign-in throttle and the mail queue.
import type { APIRequestContext } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, test } from './fixtures';
import { type AppProcesses, startAppProcesses } from './support/app-processes';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let apps: AppProcesses;
let a = '';
let b = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  apps = await startAppProcesses(2);
  [a = '', b = ''] = apps.urls;
});

test.afterAll(async () => {
  await apps?.stop();
});

/** One password sign-in attempt through next-auth's endpoint on `base`; returns the URL it sends the browser to. */
async function attempt(api: APIRequestContext, base: string, email: string, password: string): Promise<string> {
  const { csrfToken } = (await (await api.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await api.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken, email, password, json: 'true' }, maxRedirects: 0 });
  return ((await res.json()) as { url: string }).url;
}

test('a session made on one process works on the other; signing out on that one ends it on both', async ({ page, browser }) => {
  await page.goto(`${a}/signin`);
  await page.getByLabel('Email address').fill(DEMO.officer);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(`${a}/review`);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'next-auth.session-token');
  expect(session, 'signed in on process A').toBeTruthy();

  // The same cookie, presented to process B (its only state is a session id in PostgreSQL).
  const other = await browser.newContext();
  await other.addCookies(cookies);
  const onB = await other.newPage();
  await onB.goto(`${b}/review`);
  await expect(onB.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();

  // Revoked on B …
  await onB.getByRole('button', { name: 'Sign out' }).click();
  await expect(onB).toHaveURL(new RegExp(`^${b}/signin(\\?next=%2Freview)?$`));
  await other.close();
  // … refused on A, with the very cookie A issued.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const onA = await replay.newPage();
  await onA.goto(`${a}/review`);
  await expect(onA).toHaveURL(`${a}/signin?next=%2Freview`);
  await replay.close();
  const { rows } = await apps.db.query<{ revoked: boolean }>(
    `SELECT s."revokedAt" IS NOT NULL AS revoked FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`,
    [DEMO.officer],
  );
  expect(rows).toEqual([{ revoked: true }]);
});

test('the sign-in throttle counts failures made against both processes', async () => {
  // lib/security/rate-limit.ts: 5 failures per account in 15 minutes. Alternating A, B, A, B, A leaves
  // each process with fewer than 5 of its own, so only a shared counter reaches the limit.
  const email = 'ken.ito@kaiji.test';
  const api = await playwrightRequest.newContext();
  const bases = [a, b, a, b, a];
  for (const [i, base] of bases.entries()) {
    expect(await attempt(api, base, email, `wrong-${i}`), `failure ${i + 1} on ${base}`).toContain('error=CredentialsSignin');
  }
  // The right password, on the process that saw only two failures, is refused all the same.
  expect(await attempt(api, b, email, DEMO_PASSWORD)).toContain('error=throttled');
  expect(await attempt(api, a, email, DEMO_PASSWORD)).toContain('error=throttled');
  expect((await api.storageState()).cookies.some((c) => c.name === 'next-auth.session-token')).toBe(false);

  const { rows } = await apps.db.query<{ outcome: string; n: number }>(
    `SELECT outcome::text, count(*)::int AS n FROM "AuditEvent" WHERE action = 'auth.sign_in' AND "actorEmail" = $1 GROUP BY 1 ORDER BY 1`,
    [email],
  );
  expect(rows).toEqual([
    { outcome: 'DENIED', n: 2 },
    { outcome: 'FAILURE', n: 5 },
  ]);
  // Another account is not affected (the per-address limit is 30).
  expect(await attempt(api, b, 'yumi.watanabe@kaiji.test', DEMO_PASSWORD)).not.toContain('error=');
  await api.dispose();
});

test('queued mail is sent exactly once while both processes deliver at the same time', async ({ browser }) => {
  // A backlog both processes will try to drain at once: each invitation below commits and then
  // delivers everything pending (lib/mail/deliver.ts), and the minute job may join in.
  const backlog = 40;
  await apps.db.query(
    `INSERT INTO "EmailMessage" ("dedupeKey", "toAddress", subject, "bodyText")
     SELECT 'scale-out:' || i, 'backlog-' || i || '@kaiji.test', 'Backlog ' || i, 'Queued before the race.' FROM generate_series(1, ${backlog}) i`,
  );
  const context = await browser.newContext();
  const api = context.request;
  expect(await attempt(api, a, DEMO.admin, DEMO_PASSWORD)).not.toContain('error=');
  const invitees = [`scale-a-${Date.now()}@kaiji.test`, `scale-b-${Date.now()}@kaiji.test`];
  const forms = await Promise.all(
    [a, b].map(async (base, i) => {
      const p = await context.newPage();
      await p.goto(`${base}/admin/people/invite`);
      await p.getByLabel('Email address').fill(invitees[i]!);
      await p.getByLabel('Name').fill(`Scale ${i}`);
      await p.getByLabel('Institution').selectOption({ label: 'Kaiji Demo University' });
      await p.getByLabel('Role').selectOption({ label: 'Researcher' });
      await p.getByLabel('Language of the invitation').selectOption({ label: 'English' });
      return p;
    }),
  );
  await Promise.all(forms.map((p) => p.getByRole('button', { name: 'Send invitation' }).click()));
  for (const [i, p] of forms.entries()) {
    await expect(p.getByRole('status').filter({ hasText: `The invitation to ${invitees[i]} has been sent.` })).toBeVisible();
  }

  // Until nothing is left pending (the demo data queued some mail of its own, sent here as well).
  await expect
    .poll(async () => (await apps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "EmailMessage" WHERE status <> 'SENT'`)).rows[0]?.n, { timeout: 60_000 })
    .toBe(0);
  const { rows: sent } = await apps.db.query<{ id: string; dedupeKey: string }>(`SELECT id::text, "dedupeKey" FROM "EmailMessage"`);
  expect(sent.filter((m) => m.dedupeKey.startsWith('scale-out:'))).toHaveLength(backlog);
  const received = apps.inbox.map((m) => m.messageId);
  expect(received.length, 'messages received by the SMTP server').toBe(sent.length);
  for (const m of sent) expect(received.filter((id) => id === `<${m.id}@kaiji.mail>`), `message ${m.dedupeKey}`).toHaveLength(1);
  for (const email of invitees) expect(apps.inbox.filter((m) => m.to.includes(email)), email).toHaveLength(1);
  await context.close();
});
