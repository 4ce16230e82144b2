import AxeBuilder from '@axe-core/playwright';
import { DEMO, DEMO_PASSWORD, expect, test } from './fixtures';

const HOMES = {
  researcher: { path: '/disclosures', heading: 'My disclosures' },
  researcher2: { path: '/disclosures', heading: 'My disclosures' },
  officer: { path: '/review', heading: 'Review queue' },
  officer2: { path: '/review', heading: 'Review queue' },
  auditor: { path: '/reports', heading: 'Reports' },
  admin: { path: '/admin', heading: 'Settings' },
} as const;

test('health reports a reachable database with current migrations', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok', database: 'reachable', migrations: 'current' });
});

test('every response carries the security headers', async ({ request }) => {
  const res = await request.get('/signin');
  const h = res.headers();
  expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['strict-transport-security']).toContain('max-age=');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['cache-control']).toContain('no-store');
});

test('sign-in form: keyboard only, specific errors, then the researcher home', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  // Submitting empty says what is missing, next to each field.
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter your email address.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();

  // A wrong password is refused with a clear message, and the email typed is kept.
  await page.getByLabel('Email address').fill(DEMO.researcher);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'The email address or password is not correct.' })).toBeVisible();
  await expect(page.getByLabel('Email address')).toHaveValue(DEMO.researcher);

  // Keyboard only: tab from the email field to the password field and submit with Enter.
  await page.getByLabel('Email address').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/disclosures$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My disclosures' })).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText('山田 太郎');
});

test('the sign-in page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/signin');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

for (const [account, home] of Object.entries(HOMES)) {
  test(`${account} signs in and lands on their own home`, async ({ page, login }) => {
    await login(account);
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole('heading', { level: 1, name: home.heading })).toBeVisible();
    // The other roles' homes answer 404, the same as a page that does not exist.
    for (const other of ['/disclosures', '/review', '/reports', '/admin'].filter((p) => p !== home.path)) {
      const res = await page.goto(other);
      expect(res?.status(), `${account} → ${other}`).toBe(404);
    }
  });
}

test('the language follows the browser and can be switched', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/signin');
  await expect(page.getByRole('heading', { level: 1, name: 'サインイン' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await context.close();
});

test('signing out ends the session on the server: the old cookie no longer works', async ({ page, login, browser }) => {
  await login('officer');
  await page.goto('/review');
  const cookies = await page.context().cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);

  // Replay the cookie captured before signing out, as a thief who copied it would.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const p2 = await replay.newPage();
  await p2.goto('/review');
  // Back at sign-in, which keeps the page asked for (lib/auth/return-to.ts).
  await expect(p2).toHaveURL(/\/signin\?next=%2Freview$/);
  await replay.close();
});
