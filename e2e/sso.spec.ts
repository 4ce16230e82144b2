// University single sign-on through a real OpenID Connect provider (scripts/lib/oidc-test-provider.mjs,
// started by scripts/e2e-server.mjs): authorization code flow with state and PKCE, in Chromium.
import type { Browser, Page } from '@playwright/test';
import { OIDC_TEST_NAME } from '../scripts/lib/oidc-test-provider.mjs';
import { DEMO, expect, signInAs, test } from './fixtures';

const CALLBACK = (url: URL) => url.pathname === '/api/auth/callback/oidc';
const SESSION_COOKIE = 'next-auth.session-token';

/** From Kaiji's sign-in page through the IdP's, as `email`; lets the browser come back to Kaiji. */
async function viaIdp(page: Page, email: string) {
  await page.goto('/signin');
  // The button's name is "Sign in with …" or "…でサインイン": the provider's name is in both.
  await page.getByRole('button', { name: OIDC_TEST_NAME }).click();
  await expect(page.getByRole('heading', { name: 'Test University sign-in' })).toBeVisible();
  expect(new URL(page.url()).host, 'the IdP is another origin').not.toBe(new URL(test.info().project.use.baseURL ?? '').host);
  await page.getByLabel('University email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/**
 * The same up to the IdP's sign-in page, then signs in there outside the browser (its cookie jar, not
 * its navigation: Playwright cannot stop a redirect chain half-way) and returns the callback URL the IdP
 * sends back, undelivered. The browser holds next-auth's state and PKCE cookies for it.
 */
async function callbackFromIdp(page: Page, email: string): Promise<URL> {
  // Forget any IdP session from an earlier flow in this browser, or the IdP answers without asking.
  await page.context().clearCookies({ domain: '127.0.0.1' });
  await page.goto('/signin');
  await page.getByRole('button', { name: OIDC_TEST_NAME }).click();
  await expect(page.getByRole('heading', { name: 'Test University sign-in' })).toBeVisible();
  let at = page.url();
  let res = await page.request.post(at, { form: { email }, maxRedirects: 0 });
  for (let hop = 0; hop < 5; hop++) {
    const location = res.headers()['location'];
    expect(location, `the IdP redirects (${res.status()} from ${at})`).toBeTruthy();
    const next = new URL(location ?? '', at);
    if (CALLBACK(next)) {
      expect(next.searchParams.get('code'), 'the IdP answered with a code').toBeTruthy();
      expect(next.searchParams.get('state'), 'next-auth sent a state').toBeTruthy();
      return next;
    }
    at = next.toString();
    res = await page.request.get(at, { maxRedirects: 0 });
  }
  throw new Error('the IdP never redirected back to Kaiji');
}

async function expectRefused(page: Page) {
  await expect(page).toHaveURL(/\/signin\?(.+&)?error=OAuthCallback$/);
  await expect(page.getByRole('alert').filter({ hasText: 'Signing in through your university did not complete' })).toBeVisible();
  expect((await page.context().cookies()).some((c) => c.name === SESSION_COOKIE), 'no session cookie').toBe(false);
  await page.goto('/review');
  await expect(page).toHaveURL(/\/signin\?next=%2Freview$/);
}

async function newPage(browser: Browser, locale = 'en-GB') {
  const context = await browser.newContext({ locale });
  return { context, page: await context.newPage() };
}

test('a registered officer signs in through the university IdP and lands on the review queue', async ({ page }) => {
  await viaIdp(page, DEMO.officer);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  // The session is Kaiji's own, like a password sign-in: the researcher pages stay closed to an officer.
  expect((await page.goto('/disclosures'))?.status()).toBe(404);
});

test('an unknown university account is refused on the sign-in page in the user’s language, and audited', async ({ page, browser }) => {
  const stranger = `visiting-${test.info().testId.slice(0, 8)}@uni.example`;
  const ja = await newPage(browser, 'ja-JP');
  await viaIdp(ja.page, stranger);
  await expect(ja.page).toHaveURL(/\/signin\?error=sso_unknown$/);
  await expect(ja.page.getByRole('heading', { level: 1, name: 'サインイン' })).toBeVisible();
  await expect(ja.page.getByRole('alert').filter({ hasText: '大学のアカウントが Kaiji に登録されていません。' })).toBeVisible();
  expect((await ja.context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);
  await ja.context.close();

  // The same person in an English browser reads it in English.
  await viaIdp(page, stranger);
  await expect(page.getByRole('alert').filter({ hasText: 'Your university account is not registered in Kaiji.' })).toBeVisible();

  // Both refusals are in the audit log, with the reason and the IdP's subject.
  const admin = await newPage(browser);
  await signInAs(admin.page, 'admin');
  await admin.page.goto(`/admin/audit?actor=${encodeURIComponent(stranger)}&action=auth.sign_in`);
  const rows = admin.page.getByRole('row').filter({ hasText: stranger });
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) {
    await expect(row).toContainText('Refused');
    await expect(row).toContainText('"reason":"unknown_account"');
    await expect(row).toContainText('"provider":"oidc"');
  }
  await admin.context.close();
});

test('a forged state in the callback is refused: no session, a clear message', async ({ page }) => {
  const callback = await callbackFromIdp(page, DEMO.researcher);
  const state = callback.searchParams.get('state') ?? '';
  callback.searchParams.set('state', `${state.slice(0, -4)}AAAA`);
  await page.goto(callback.pathname + callback.search);
  await expectRefused(page);
});

test('a tampered code or PKCE verifier is refused, while the untouched code still works', async ({ page, browser }) => {
  // A code that is not the IdP's.
  const forged = await callbackFromIdp(page, DEMO.researcher);
  forged.searchParams.set('code', 'not-a-code-the-idp-issued');
  await page.goto(forged.pathname + forged.search);
  await expectRefused(page);

  // A verifier cookie that is not the one next-auth sealed.
  const second = await callbackFromIdp(page, DEMO.researcher);
  const verifier = (await page.context().cookies()).find((c) => c.name === 'next-auth.pkce.code_verifier');
  expect(verifier, 'next-auth keeps the PKCE verifier in a cookie').toBeTruthy();
  await page.context().addCookies([{ ...verifier!, value: `${verifier!.value.slice(0, -6)}AAAAAA` }]);
  await page.goto(second.pathname + second.search);
  await expectRefused(page);

  // Code injection: the victim's code delivered into an attacker's browser, with the attacker's own
  // state (which passes) and own verifier, which does not match the challenge the code was issued for.
  const victim = await newPage(browser);
  const stolen = await callbackFromIdp(victim.page, DEMO.researcher);
  const attacker = await callbackFromIdp(page, DEMO.researcher2);
  attacker.searchParams.set('code', stolen.searchParams.get('code') ?? '');
  await page.goto(attacker.pathname + attacker.search);
  await expectRefused(page);

  // The stolen code itself was good: the victim's own browser, with the right verifier, signs in with it.
  await victim.page.goto(stolen.pathname + stolen.search);
  await expect(victim.page).toHaveURL(/\/disclosures$/);
  await expect(victim.page.getByTestId('user-name')).toHaveText('山田 太郎');
  await victim.context.close();
});

test('signing out ends an SSO session on the server: the old cookie no longer works', async ({ page, browser }) => {
  await viaIdp(page, DEMO.auditor);
  await expect(page).toHaveURL(/\/reports$/);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name === SESSION_COOKIE)).toBe(true);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const p2 = await replay.newPage();
  await p2.goto('/reports');
  await expect(p2).toHaveURL(/\/signin\?next=%2Freports$/);
  await replay.close();
});
