import { type Page, test as base, expect } from '@playwright/test';

export const DEMO_PASSWORD = 'kaiji-demo-2026';
export const DEMO = {
  researcher: 'researcher@kaiji.test',
  researcher2: 'researcher2@kaiji.test',
  officer: 'officer@kaiji.test',
  officer2: 'officer2@kaiji.test',
  auditor: 'auditor@kaiji.test',
  admin: 'admin@kaiji.test',
} as const;
export type DemoAccount = keyof typeof DEMO;

/** Signs in through next-auth's credentials endpoint, without the form (the form has its own test). */
export async function signInAs(page: Page, account: DemoAccount | string, password = DEMO_PASSWORD) {
  const email = account in DEMO ? DEMO[account as DemoAccount] : account;
  const csrf = await page.request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes('next-auth.session-token')), `signed in as ${email}`).toBe(true);
}

export const test = base.extend<{ login: (account: DemoAccount | string) => Promise<void> }>({
  login: async ({ page }, use) => {
    await use((account) => signInAs(page, account));
  },
});
export { expect };
