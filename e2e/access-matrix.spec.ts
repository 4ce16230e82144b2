import { request as playwrightRequest } from '@playwright/test';
import { ACCOUNTS, ROUTES } from './access-matrix';
import { DEMO, DEMO_PASSWORD, expect, test } from './fixtures';

test.describe('access matrix', () => {
  test('anonymous callers are sent to sign-in from every protected route', async ({ request }) => {
    for (const route of ROUTES) {
      const res = await request.get(route.path, { maxRedirects: 0 });
      if (route.api) expect(res.status(), route.path).toBe(401);
      else {
        expect([302, 303, 307], route.path).toContain(res.status());
        expect(res.headers()['location'], route.path).toMatch(/\/signin$/);
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
      expect(outcomes).toEqual(ROUTES.map((r) => ({ path: r.path, status: r.allow.includes(account) ? 200 : 404 })));
    });
  }
});
