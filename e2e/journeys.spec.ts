// What users tripped over (issue 14), each in a real Chromium: a link followed while signed out comes
// back after sign-in (and hostile return paths do not leave the site); forgot password end to end
// through a real SMTP server; each person's language chosen at first sign-in, changeable, used for their
// mail; attachment refusals that say what the file is; the attachment limit that ignores frozen files;
// one main landmark on "Page not found".
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { DEMO_IDS } from '../lib/seed/demo-ids';
import { tinyPdf } from '../lib/seed/tiny-pdf';
import { DEMO, DEMO_PASSWORD, expect, test } from './fixtures';
import { type AppProcesses, type Received, startAppProcesses } from './support/app-processes';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByRole('textbox', { name: 'Email address', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Signing in renders the next page on the server; on a loaded machine that takes a while.
  await Promise.race([
    page.waitForURL((url) => url.pathname !== '/signin', { timeout: 45_000 }),
    page.locator('.signin-card .form-error').waitFor({ state: 'visible', timeout: 45_000 }),
  ]).catch(() => {});
}

test.describe('on the shared server', () => {
  test('a link followed while signed out comes back after sign-in', async ({ page }) => {
    const target = `/review/${DEMO_IDS.researcher2Submitted}`;
    await page.goto(target);
    await expect(page).toHaveURL(`/signin?next=${encodeURIComponent(target)}`);
    expect(await seriousViolations(page)).toEqual([]);
    await signInWithForm(page, DEMO.officer2);
    await expect(page).toHaveURL(target);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('a return path that leaves the site, in any spelling, lands on the person’s home instead', async ({ browser }) => {
    const hostile = [
      'https://evil.example/review',
      '//evil.example/review',
      '/\\evil.example',
      '/%5Cevil.example',
      '%2F%2Fevil.example',
      '/%252F%252Fevil.example',
      'javascript:alert(document.domain)',
      '/%0d%0aLocation:%20https://evil.example',
    ];
    for (const next of hostile) {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`/signin?next=${encodeURIComponent(next)}`);
      await signInWithForm(page, DEMO.officer2);
      await expect(page, next).toHaveURL(/\/review$/);
      expect(new URL(page.url()).host, next).toBe(new URL(test.info().project.use.baseURL!).host);
      await context.close();
    }
  });

  test('the queue search finds researchers by every name form and organisations in every script', async ({ page, login }) => {
    const every = 'status=SUBMITTED&status=UNDER_REVIEW&status=RESUBMITTED&status=RETURNED&status=APPROVED&status=FLAGGED';
    await login('officer');
    for (const q of ['伊藤', 'Ito', 'Itō', 'イトウ', 'いとう']) {
      await page.goto(`/review?${every}&q=${encodeURIComponent(q)}`);
      await expect(page.locator('table.queue-table tbody tr').filter({ hasText: '伊藤 健' }), q).toHaveCount(1);
    }
    await page.goto(`/review?${every}&q=${encodeURIComponent('ワタナベ')}`);
    await expect(page.locator('table.queue-table tbody tr').filter({ hasText: '渡辺 由美' })).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
    // Written "Beihang University" by the researcher; found by its Chinese name, whole or in part.
    await login('officer2');
    for (const q of ['北京航空', '北京', 'Beihang']) {
      await page.goto(`/review?${every}&q=${encodeURIComponent(q)}`);
      await expect(page.locator('table.queue-table tbody tr').first(), q).toBeVisible();
      await expect(page.getByText('No disclosures match')).toHaveCount(0);
    }
  });

  test('findings speak the reader’s language: labelled values, readable settings, raw values only behind "Details"', async ({ page, login }) => {
    await login('officer2');
    await page.goto(`/review/${DEMO_IDS.researcher2Submitted}`);
    const findings = page.locator('#findings');
    await expect(findings.locator('.finding').first()).toBeVisible();
    const first = findings.locator('.finding').first();
    await expect(first.locator('dl.finding-values').first()).toContainText('Match status');
    await expect(first.locator('dl.finding-values').first()).toContainText('not yet decided');
    await expect(first).toContainText('minimum match score 90%');
    // What is shown (innerText: the closed "Details" is not) holds no code names or raw settings.
    await expect(findings).not.toContainText(/minCandidateScore|listJa|= 0\.9/, { useInnerText: true });
    const raw = findings.locator('details.finding-raw').first();
    await expect(raw.locator('summary')).toHaveText('Details (values as the rule read them)');
    await expect(raw.locator('code').first()).toBeHidden();
    await raw.locator('summary').click();
    await expect(raw.locator('code').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('registry names show in the reader’s language: 千人計画 in the Japanese pages', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('textbox', { name: 'メールアドレス', exact: true }).fill(DEMO.officer2);
    await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'サインイン', exact: true }).click();
    await expect(page).toHaveURL(/\/review$/);
    await page.goto(`/review/${DEMO_IDS.researcher2Submitted}`);
    await expect(page.locator('#content')).toContainText('千人計画（記載：Thousand Talents Plan）');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test('the audit log names each action in the reader’s language, with its code beside it', async ({ page, login }) => {
    await login('admin');
    await page.goto('/admin/audit?action=auth.sign_in');
    const first = page.locator('.audit-table tbody tr').first().getByRole('rowheader');
    await expect(first).toContainText('Sign-in');
    await expect(first.locator('code')).toHaveText('auth.sign_in');
    await page.getByRole('button', { name: '日本語' }).click();
    await expect(page.locator('.audit-table tbody tr').first().getByRole('rowheader')).toContainText('サインイン');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('"Page not found" has one main landmark, signed out and signed in', async ({ page, login }) => {
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('main')).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
    await login('officer2');
    await page.goto('/review/00000000-0000-4000-8000-00000000dead');
    await expect(page.getByRole('main')).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('on an app process of its own (own database, real SMTP)', () => {
  test.describe.configure({ mode: 'default', timeout: 240_000 });
  let apps: AppProcesses;
  let base = '';

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    apps = await startAppProcesses(1);
    base = apps.urls[0]!;
  });
  test.afterAll(async () => {
    await apps?.stop();
  });

  async function open(browser: Browser, locale = 'en-GB'): Promise<Page> {
    const context = await browser.newContext({ baseURL: base, locale });
    return context.newPage();
  }

  async function mailTo(email: string, subject: RegExp, after = 0): Promise<Received> {
    await expect.poll(() => apps.inbox.slice(after).filter((m) => m.to.includes(email) && subject.test(m.subjectText)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    return apps.inbox.slice(after).find((m) => m.to.includes(email) && subject.test(m.subjectText))!;
  }

  async function newUser(email: string, name: string, role: 'OFFICER' | 'RESEARCHER'): Promise<string> {
    const { rows } = await apps.db.query<{ id: string }>(
      `INSERT INTO "User" (email, "displayName", "passwordHash", "updatedAt")
       SELECT $1, $2, "passwordHash", now() FROM "User" WHERE email = 'officer@kaiji.test' RETURNING id`,
      [email, name],
    );
    const id = rows[0]!.id;
    await apps.db.query(
      `INSERT INTO "Membership" ("userId", role, "institutionId")
       SELECT $1, $2::"Role", "institutionId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = 'officer@kaiji.test' AND m.role = 'OFFICER'`,
      [id, role],
    );
    return id;
  }

  test('forgot password: the same answer for any address, a mailed single-use link, a new password, every session ended', async ({ browser }) => {
    const email = 'forgetful.e2e@kaiji.test';
    await newUser(email, 'Forgetful Officer', 'OFFICER');
    // A session from before the reset, which the reset must end.
    const before = await open(browser);
    await before.goto('/signin');
    await signInWithForm(before, email);
    await expect(before).toHaveURL(/\/review$/);

    const page = await open(browser);
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByText('Enter your email address.')).toBeVisible();
    const inboxBefore = apps.inbox.length;
    await page.getByRole('textbox', { name: 'Email address', exact: true }).fill('nobody-here.e2e@kaiji.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    const answer = page.getByRole('status');
    await expect(answer).toContainText('If that address belongs to an account');
    const unknownAnswer = await answer.textContent();
    await page.reload();
    await page.getByRole('textbox', { name: 'Email address', exact: true }).fill(email.toUpperCase());
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('status')).toHaveText(unknownAnswer!);

    const mail = await mailTo(email, /choose a new password/, inboxBefore);
    expect(apps.inbox.slice(inboxBefore).filter((m) => m.to.includes('nobody-here.e2e@kaiji.test'))).toHaveLength(0);
    const link = /https?:\/\/\S+\/account\/reset\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
    expect(link, mail.text).toBeTruthy();
    expect(mail.text).toContain('expires on');

    await page.goto(link!);
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    const fresh = 'remembered at last 2026';
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill(fresh);
    await page.getByRole('textbox', { name: 'New password again', exact: true }).fill(fresh);
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page.getByText('Your password has been saved.')).toBeVisible();
    // Once only.
    await page.goto(link!);
    await expect(page.getByText('This link has already been used.')).toBeVisible();
    // The session from before is gone; the new password works, the old one does not.
    await before.goto('/review');
    await expect(before).toHaveURL(/\/signin/);
    await page.goto('/signin');
    await signInWithForm(page, email);
    await expect(page.getByText('The email address or password is not correct.')).toBeVisible();
    await signInWithForm(page, email, fresh);
    await expect(page).toHaveURL(/\/review$/);
    const { rows } = await apps.db.query<{ outcome: string }>(
      `SELECT outcome FROM "AuditEvent" WHERE action = 'auth.password.reset_requested' AND "actorEmail" = $1`,
      [email],
    );
    expect(rows.map((r) => r.outcome)).toEqual(['SUCCESS']);
  });

  test('the language comes from the browser at first sign-in, is changed on the account page, and every mail follows it', async ({ browser }) => {
    const email = 'olivia.e2e@kaiji.test';
    const olivia = await newUser(email, 'Olivia Grant', 'OFFICER');
    const { rows: watanabe } = await apps.db.query<{ id: string }>(
      `SELECT d.id FROM "Disclosure" d JOIN "User" u ON u.id = d."researcherId" WHERE u.email = 'yumi.watanabe@kaiji.test' ORDER BY d."createdAt" DESC LIMIT 1`,
    );
    const disclosure = watanabe[0]!.id;

    const mine = await open(browser, 'en-GB');
    await mine.goto('/signin');
    await signInWithForm(mine, email);
    await expect(mine).toHaveURL(/\/review$/);
    expect((await apps.db.query<{ locale: string }>(`SELECT locale FROM "User" WHERE id = $1`, [olivia])).rows[0]!.locale).toBe('en');

    // A colleague working in Japanese assigns her a disclosure: her mail is in English.
    const colleague = await open(browser, 'ja-JP');
    await colleague.goto('/signin');
    await colleague.getByRole('textbox', { name: 'メールアドレス', exact: true }).fill(DEMO.officer);
    await colleague.getByRole('textbox', { name: 'パスワード', exact: true }).fill(DEMO_PASSWORD);
    await colleague.getByRole('button', { name: 'サインイン', exact: true }).click();
    await expect(colleague).toHaveURL(/\/review$/);
    const assign = async (name: string) => {
      await colleague.goto(`/review/${disclosure}`);
      await colleague.getByLabel('担当者').selectOption({ label: name });
      await colleague.getByRole('button', { name: '割り当てる', exact: true }).click();
      await expect(colleague.getByText(name === 'なし' ? '割り当てを解除しました。' : '割り当てました。')).toBeVisible();
    };
    let mark = apps.inbox.length;
    await assign('Olivia Grant');
    const english = await mailTo(email, /assigned you the disclosure/, mark);
    expect(english.text).toContain('Dear Olivia Grant');

    // She switches to Japanese on her account page: the next mail is in Japanese.
    await mine.goto('/account');
    await expect(mine.getByRole('radio', { name: 'English' })).toBeChecked();
    expect(await seriousViolations(mine)).toEqual([]);
    await mine.getByRole('radio', { name: '日本語' }).check();
    await mine.getByRole('button', { name: 'Save' }).click();
    await expect(mine.getByRole('heading', { name: 'アカウント' })).toBeVisible();
    await assign('なし');
    mark = apps.inbox.length;
    await assign('Olivia Grant');
    const japanese = await mailTo(email, /担当を割り当てられました/, mark);
    expect(japanese.text).toContain('Olivia Grant 様');
  });

  test('an attachment refusal names what the file is, or says it is not a recognised document', async ({ browser }) => {
    const page = await open(browser);
    await page.goto('/signin');
    await signInWithForm(page, DEMO.researcher);
    await page.goto(`/disclosures/${DEMO_IDS.researcherDraft}/attachments`);
    // A ZIP archive named like a PDF (an empty archive: just the end-of-directory record).
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
    await page.getByLabel(/^File/).setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: zip });
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByText('This file is a ZIP archive, not a PDF, Word (DOCX), PNG, JPEG or TIFF document.')).toBeVisible();
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, ...new Array(200).fill(0)]);
    await page.getByLabel(/^File/).setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: exe });
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByText('This file is an executable program')).toBeVisible();
    await page.getByLabel(/^File/).setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some words, no document at all') });
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByText('This file is not a recognised document')).toBeVisible();
    await expect(page.getByText(/look like \?|\?\)/)).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the attachment limit counts only the files of the update, not those frozen in earlier versions', async ({ browser }) => {
    const id = DEMO_IDS.researcherApproved;
    // 50 files frozen in the approved version (the limit): they can never be removed.
    await apps.db.query(
      `INSERT INTO "Attachment" ("disclosureId", "uploadedById", kind, "fileName", "mediaType", "sizeBytes", sha256, "createdAt")
       SELECT a."disclosureId", a."uploadedById", 'OTHER', 'frozen-' || n || '.pdf', a."mediaType", a."sizeBytes", a.sha256, a."createdAt"
       FROM "Attachment" a, generate_series(1, 50) n WHERE a.id = $1`,
      [DEMO_IDS.researcherContract],
    );
    const page = await open(browser);
    await page.goto('/signin');
    await signInWithForm(page, DEMO.researcher);
    await page.goto(`/disclosures/${id}`);
    await page.getByRole('button', { name: 'Start an update' }).click();
    await expect(page.getByText('You are filing an update.')).toBeVisible({ timeout: 20_000 });
    await page.goto(`/disclosures/${id}/attachments`);
    await page.getByLabel(/^File/).setInputFiles({ name: 'new-contract.pdf', mimeType: 'application/pdf', buffer: Buffer.from(tinyPdf('a new contract')) });
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByTestId('attachments-table').getByRole('link', { name: 'new-contract.pdf' })).toBeVisible();
  });
});
