import { request as playwrightRequest } from '@playwright/test';
import { ACCOUNTS, ROUTES } from './access-matrix';
import { issueApiToken } from './api-token';
import { DEMO, DEMO_PASSWORD, type DemoAccount, expect, test } from './fixtures';

test.describe('access matrix', () => {
  // Each test opens every route of the matrix (over a hundred requests) as one caller, one after another.
  test.describe.configure({ timeout: 300_000 });
  test('anonymous callers are sent to sign-in from every protected route', async ({ request }) => {
    for (const route of ROUTES) {
      const res = await request.get(route.path, { maxRedirects: 0 });
      if (route.api) expect(res.status(), route.path).toBe(401);
      else {
        expect([302, 303, 307], route.path).toContain(res.status());
        // To sign-in, keeping the page asked for (same-origin path) to return to afterwards.
        const location = res.headers()['location'] ?? '';
        expect(location, route.path).toMatch(/\/signin(\?next=[^&]+)?$/);
        const next = new URL(location, 'http://x').searchParams.get('next');
        if (next !== null) expect(new URL(next, 'http://x').pathname, route.path).toBe(new URL(route.path, 'http://x').pathname);
      }
    }
  });

  for (const account of ACCOUNTS) {
    test(`${account}: allowed routes open, all others answer 404`, async ({ baseURL }) => {
      const ctx = await playwrightRequest.newContext({ baseURL });
      const { csrfToken } = (await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string };
      await ctx.post('/api/auth/callback/credentials', { form: { csrfToken, email: DEMO[account], password: DEMO_PASSWORD, json: 'true' } });
      const outcomes = [];
      for (const route of ROUTES) {
        const res = await ctx.get(route.path, { maxRedirects: 0 });
        outcomes.push({ path: route.path, status: res.status() });
      }
      await ctx.dispose();
      expect(outcomes).toEqual(ROUTES.map((r) => ({ path: r.path, status: r.bearer ? 401 : r.allow.includes(account) ? 200 : 404 })));
    });
  }

  // The read API with a token of each account that can own one (researchers and administrators hold no
  // reporting role, so no token can be issued for them).
  const TOKEN_OWNERS: [DemoAccount, 'AUDITOR' | 'OFFICER'][] = [
    ['officer', 'OFFICER'],
    ['officer2', 'OFFICER'],
    ['auditor', 'AUDITOR'],
  ];
  for (const [account, role] of TOKEN_OWNERS) {
    test(`${account}'s token: allowed API routes answer 200, all others 404`, async ({ browser, baseURL }) => {
      const token = await issueApiToken(browser, baseURL, account, role);
      const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
      const api = ROUTES.filter((r) => r.bearer);
      const outcomes = [];
      for (const route of api) outcomes.push({ path: route.path, status: (await ctx.get(route.path, { maxRedirects: 0 })).status() });
      await ctx.dispose();
      expect(outcomes).toEqual(api.map((r) => ({ path: r.path, status: r.allow.includes(account) ? 200 : 404 })));
    });
  }
});
