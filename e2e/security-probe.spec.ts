// Issue 12 item 3 over real HTTP against the built app: hostile URLs and bodies answer 4xx or the page,
// never 500; /api/auth/session shows page scripts no session id.
import { expect, test } from './fixtures';

test('hostile URLs answer 4xx or the page, never a 500', async ({ page, login }) => {
  await login('admin');
  // 0: any answer below 500 (Next re-encodes an invalid UTF-8 query to U+FFFD before the gate sees it).
  const probes: [string, number][] = [
    ['/admin/audit?before=9999999999999999999', 200],
    ['/admin/audit?from=2026-13-45T99:99', 200],
    ['/admin/people?after=%00', 400],
    ['/admin/people?after=%ED%A0%80', 0],
    ['/api/attachments/%00', 400],
    ['/api/v1/disclosures/%00', 400],
    ['/admin/watchlists/x%00', 400],
    ['/admin/audit?actor=%E2%80%AEtxt.exe', 200],
  ];
  for (const [path, status] of probes) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    if (status) expect(res.status(), path).toBe(status);
    else expect(res.status(), path).toBeLessThan(500);
  }
});

test('the officer queue and the auditor records refuse NUL with 400', async ({ browser }) => {
  for (const [account, path] of [
    ['officer', '/review?q=%00'],
    ['auditor', '/reports/records?fy=2026&programme=%00'],
  ] as const) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const { signInAs } = await import('./fixtures');
    await signInAs(page, account);
    expect((await page.request.get(path)).status(), path).toBe(400);
    const ok = await page.request.get(path.replace('%00', 'x'));
    expect(ok.status(), path).toBe(200);
    await ctx.close();
  }
});

test('a server-action body React never sends is a 400, not an error digest', async ({ request }) => {
  for (const body of ['{"not":"an array"', '{"a":1}', '\u0000']) {
    const res = await request.post('/signin', { headers: { 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' }, data: body });
    expect(res.status(), body).toBe(400);
  }
});

test('/api/auth/session shows page scripts no session id', async ({ page, login }) => {
  await login('researcher');
  const session = (await (await page.request.get('/api/auth/session')).json()) as Record<string, unknown>;
  expect(Object.keys(session)).toEqual(['expires']);
  await page.goto('/disclosures');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
