// Administration end to end: an administrator sets up an institution, a cycle and its researchers,
// invites a compliance officer, who sets a password, enrols an authenticator and signs in with a code;
// disabling the officer ends their live session at once.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { generate } from 'otplib';
import { orcidCheckDigit } from '../lib/disclosures/identifiers';
import { DEMO, expect, signInAs, test } from './fixtures';

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const slug = `e2e-${tag}`;
const nameEn = `E2E University ${tag}`;
const officerEmail = `officer-${tag}@kaiji.test`;
const officerPassword = 'a long enough passphrase';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

/** A valid ORCID iD of this run (unique, so no other test's researcher holds it), and a mistyped copy. */
const orcidDigits = `0000009${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const orcid = `${orcidDigits}${orcidCheckDigit(orcidDigits)}`.replace(/(.{4})(?=.)/g, '$1-');
const mistyped = orcid.slice(0, -1) + (orcid.endsWith('0') ? '1' : '0');

function roster() {
  // Three good rows, one with a mistyped ORCID iD (its check digit is wrong).
  return [
    'email,name_kanji,name_kana,name_romaji,department_code,position,erad_number,orcid',
    `aoki-${tag}@example.ac.jp,青木 誠,アオキ マコト,Makoto Aoki,ENG,教授,,${orcid}`,
    `baba-${tag}@example.ac.jp,馬場 恵,ババ メグミ,Megumi Baba,SCI,准教授,,`,
    `chen-${tag}@example.ac.jp,,,Wei Chen,ENG,助教,,`,
    `doi-${tag}@example.ac.jp,土井 光,ドイ ヒカル,Hikaru Doi,ENG,講師,,${mistyped}`,
  ].join('\n');
}

test('an administrator sets up an institution; the invited officer enrols TOTP and signs in with a code; disabling ends the session', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signInAs(page, 'admin');

  // 1. An institution with two departments.
  await page.goto('/admin/institutions');
  await expect(page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Institutions' })).toHaveAttribute('aria-current', 'page');
  const create = page.getByRole('form', { name: 'Add an institution' });
  await create.getByLabel('Name in Japanese').fill(`E2E大学 ${tag}`);
  await create.getByLabel('Name in English').fill(nameEn);
  await create.getByLabel('Short name').fill(slug);
  await create.getByRole('button', { name: 'Add institution' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The institution has been added.' })).toBeVisible();
  await page.getByRole('link', { name: nameEn }).click();
  await expect(page.getByRole('heading', { level: 1, name: nameEn })).toBeVisible();
  for (const [code, ja, en] of [
    ['ENG', '工学部', 'Faculty of Engineering'],
    ['SCI', '理学部', 'Faculty of Science'],
  ] as const) {
    const dept = page.getByRole('form', { name: 'Add a department' });
    await dept.getByLabel('Code').fill(code);
    await dept.getByLabel('Name in Japanese').fill(ja);
    await dept.getByLabel('Name in English').fill(en);
    await dept.getByRole('button', { name: 'Add department' }).click();
    await expect(page.getByRole('rowheader', { name: code, exact: true })).toBeVisible();
  }

  // 2. A cycle: a wrong date order is refused next to the field, keeping what was typed; then saved and opened.
  await page.goto('/admin/cycles/new');
  const form = page.getByRole('form', { name: 'New disclosure cycle' });
  await form.getByLabel('Institution').selectOption({ label: nameEn });
  await form.getByLabel('Code').fill('FY2030');
  await form.getByLabel('Fiscal year').fill('2030');
  await form.getByLabel('Title in Japanese').fill('2030年度 年次開示');
  await form.getByLabel('Title in English').fill('FY2030 annual disclosure');
  await form.getByLabel('Opens').fill('2030-04-01T09:00');
  await form.getByLabel('Filing deadline').fill('2030-03-01T17:00');
  await form.getByLabel('Review deadline').fill('2030-09-30T17:00');
  expect(await seriousViolations(page), 'cycle form').toEqual([]);
  await form.getByRole('button', { name: 'Save as draft' }).click();
  await expect(form.getByLabel('Filing deadline')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The filing deadline must be after the opening.')).toBeVisible();
  await expect(form.getByLabel('Title in English')).toHaveValue('FY2030 annual disclosure');
  await form.getByLabel('Filing deadline').fill('2030-06-30T17:00');
  await form.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cycles/${slug}/FY2030$`));
  await expect(page.getByTestId('cycle-status')).toHaveText('Draft');
  await page.getByRole('button', { name: 'Open the cycle' }).click();
  await page.getByRole('button', { name: 'Yes, continue' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The cycle is open.' })).toBeVisible();
  await expect(page.getByTestId('cycle-status')).toHaveText('Open');

  // 3. The HR roster: a preview that reports the bad row and why, an apply, and a re-import that changes nothing.
  await page.goto('/admin/roster');
  await page.getByLabel('Institution').selectOption({ label: nameEn });
  await page.getByLabel('Roster file (CSV)').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster()) });
  await page.getByRole('button', { name: 'Preview' }).click();
  const summary = page.getByRole('list', { name: 'Summary' });
  await expect(summary.getByRole('listitem').filter({ hasText: 'Create' })).toContainText('3');
  await expect(summary.getByRole('listitem').filter({ hasText: 'Rejected' })).toContainText('1');
  const bad = page.getByRole('row').filter({ hasText: `doi-${tag}@example.ac.jp` });
  await expect(bad).toContainText('Rejected');
  await expect(bad).toContainText("The ORCID iD's check digit is wrong; look for a typing error.");
  await page.getByRole('button', { name: 'Apply: create 3, update 0' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The roster has been imported: 3 created, 0 updated, 0 unchanged, 1 rejected.' })).toBeVisible();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('heading', { name: `Preview for ${slug}` })).toBeVisible();
  await expect(summary.getByRole('listitem').filter({ hasText: 'Unchanged' })).toContainText('3');
  await expect(page.getByText('Nothing to apply: every row is unchanged or rejected.')).toBeVisible();

  // 4. Invite a compliance officer; the demo server shows the mail in the outbox.
  await page.goto('/admin/people/invite');
  await page.getByLabel('Email address').fill(officerEmail);
  await page.getByLabel('Name').fill(`Officer ${tag}`);
  await page.getByLabel('Institution').selectOption({ label: nameEn });
  await page.getByLabel('Role').selectOption({ label: 'Compliance officer' });
  await page.getByLabel('Language of the invitation').selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `The invitation to ${officerEmail} has been sent.` })).toBeVisible();

  await page.goto(`/admin/people?q=${encodeURIComponent(tag)}`);
  await expect(page.getByRole('row').filter({ hasText: officerEmail })).toContainText('Invited');
  expect(await seriousViolations(page), 'people page').toEqual([]);

  await page.goto('/outbox');
  const mail = page.locator(`li[data-to="${officerEmail}"]`);
  await expect(mail).toContainText(`Kaiji: your invitation from ${nameEn}`);
  const link = /(\/account\/accept\/[\w-]+)/.exec((await mail.locator('pre').textContent()) ?? '')?.[1];
  expect(link).toBeTruthy();

  // 5. The officer, in a browser of their own: sets a password, signs in, enrols an authenticator app.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await officer.goto(link!);
  await expect(officer.getByRole('heading', { level: 1, name: 'Accept your invitation' })).toBeVisible();
  await officer.getByLabel(/^New password\W*$/).fill('too short');
  await officer.getByLabel('New password again').fill('too short');
  await officer.getByRole('button', { name: 'Save password' }).click();
  await expect(officer.getByText('Use at least 12 characters.', { exact: false })).toBeVisible();
  await officer.getByLabel(/^New password\W*$/).fill(officerPassword);
  await officer.getByLabel('New password again').fill(officerPassword);
  await officer.getByRole('button', { name: 'Save password' }).click();
  await expect(officer.getByText('Your password has been saved. You can now sign in.')).toBeVisible();
  await officer.getByRole('link', { name: 'Sign in' }).click();
  await officer.getByLabel('Email address').fill(officerEmail);
  await officer.getByLabel('Password').fill(officerPassword);
  await officer.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(officer).toHaveURL(/\/review$/);

  // A session that must enrol first is sent to /account/mfa?next=<the page asked for> (requireActor);
  // the officer arrives the same way, having asked for the queue filtered to open work.
  const asked = '/review?status=SUBMITTED&sort=newest';
  await officer.goto(`/account/mfa?next=${encodeURIComponent(asked)}`);
  await expect(officer.getByRole('heading', { level: 1, name: 'Two-step verification' })).toBeVisible();
  await expect(officer.getByRole('img', { name: 'QR code for adding Kaiji to your authenticator app' })).toBeVisible();
  const secret = ((await officer.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await officer.getByLabel('Code from the app').fill(await generate({ secret }));
  await officer.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await expect(officer.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
  await expect(officer.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);

  // 6. "Continue" leads to the page asked for, not home; signing in again now asks for a code first.
  await officer.getByRole('link', { name: 'I have kept my codes: continue' }).click();
  await expect(officer).toHaveURL(new RegExp(`${asked.replace(/[?]/g, '\\?')}$`));
  await expect(officer.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  await officer.getByRole('button', { name: 'Sign out' }).click();
  await expect(officer).toHaveURL(/\/signin$/);
  await officer.getByLabel('Email address').fill(officerEmail);
  await officer.getByLabel('Password').fill(officerPassword);
  await officer.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(officer).toHaveURL(/\/signin\/verify$/);
  // The page asked for is kept through the second factor, and reached after it.
  expect((await officer.goto('/review'))?.url()).toMatch(/\/signin\/verify\?next=%2Freview$/);
  await officer.getByLabel('Code').fill('000000' === (await generate({ secret })) ? '111111' : '000000');
  await officer.getByRole('button', { name: 'Verify' }).click();
  await expect(officer.getByRole('alert').filter({ hasText: 'This code is not correct' })).toBeVisible();
  // The next time step: the code used to enrol cannot be replayed.
  await officer.getByLabel('Code').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await officer.getByRole('button', { name: 'Verify' }).click();
  await expect(officer).toHaveURL(/\/review$/);
  await expect(officer.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();

  // 7. The administrator disables the officer: the officer's very next request is refused.
  await page.goto(`/admin/people?q=${encodeURIComponent(officerEmail)}`);
  await page.getByRole('link', { name: `Officer ${tag}` }).click();
  await expect(page.getByText('On (10 recovery codes left)')).toBeVisible();
  await page.getByRole('button', { name: 'Disable account' }).click();
  await page.getByRole('button', { name: 'Yes, continue' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The account has been disabled and every session ended.' })).toBeVisible();
  await officer.reload();
  await expect(officer).toHaveURL(/\/signin\?next=%2Freview$/);
  await officerContext.close();
});

test('pages of single records answer 404 to everyone but administrators', async ({ page, browser }) => {
  // Four sign-ins and twenty pages: over a minute on a loaded 2-core machine.
  test.setTimeout(150_000);
  await signInAs(page, 'admin');
  await page.goto(`/admin/people?q=${encodeURIComponent(DEMO.researcher)}`);
  const href = await page.getByRole('link', { name: '山田 太郎' }).getAttribute('href');
  expect(href).toMatch(/^\/admin\/people\/[0-9a-f-]{36}$/);
  expect((await page.goto(href!))?.status()).toBe(200);
  expect((await page.goto('/admin/people/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
  expect((await page.goto('/admin/institutions/no-such-institution'))?.status()).toBe(404);
  expect((await page.goto('/admin/cycles/demo-univ/FY1999'))?.status()).toBe(404);
  for (const account of ['researcher', 'officer', 'auditor'] as const) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await signInAs(other, account);
    for (const path of [href!, '/admin/institutions/second-tech', '/admin/cycles/second-tech/FY2026', '/admin/audit/export']) {
      expect((await other.goto(path))?.status(), `${account} → ${path}`).toBe(404);
    }
    await context.close();
  }
});

test('the audit log shows the chain status and exports the filtered events as CSV', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/audit?action=auth.sign_in');
  await expect(page.getByTestId('chain-status')).toContainText('The hash chain verifies');
  await expect(page.getByRole('row').filter({ hasText: 'auth.sign_in' }).first()).toBeVisible();
  const res = await page.request.get('/admin/audit/export?action=auth.sign_in');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/csv');
  const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('id,occurred_at,actor_email,actor_id,action,outcome,entity_type,entity_id,institution_id,ip,details');
  expect(lines.length - 1).toBe(Number(res.headers()['x-kaiji-rows']));
  expect(lines.slice(1).every((l) => l.includes(',auth.sign_in,'))).toBe(true);
  await page.goto('/admin/audit?action=audit.export');
  await expect(page.getByRole('row').filter({ hasText: 'audit.export' }).first()).toContainText('auth.sign_in');
});
