// Every page of the access matrix (plus the account and outbox pages), as the account
// allowed to open it, in Japanese and in English, at 320 CSS px wide (WCAG 1.4.10):
// - the page never scrolls sideways (wide tables scroll inside their own region instead);
// - every scroll region is focusable and labelled, and one that overflows scrolls by keyboard;
// - axe finds no violation of WCAG 2.0/2.1/2.2 A and AA.
// One test per account and language, the pages visited in a loop (a test per page would sign in 200 times).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { LOCALE_COOKIE } from '../lib/i18n/config';
import { ACCOUNTS, ROUTES } from './access-matrix';
import { type DemoAccount, expect, test } from './fixtures';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Pages every signed-in person has, which the matrix does not open. */
const EXTRA: { path: string; account: DemoAccount }[] = [
  { path: '/account', account: 'researcher' },
  { path: '/account/mfa', account: 'researcher' },
  { path: '/outbox', account: 'officer' },
];

/** Each page once, opened by the first account allowed to. */
function pagesOf(account: DemoAccount): string[] {
  // Downloads (the audit log's CSV) are files, not pages.
  const matrix = ROUTES.filter((r) => !r.api && r.allow[0] === account && !/\/export(\?|$)/.test(r.path)).map((r) => r.path);
  return [...matrix, ...EXTRA.filter((e) => e.account === account).map((e) => e.path)];
}

async function checkPage(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  const res = await page.goto(path);
  if (res?.status() !== 200) return [`${path}: status ${res?.status()}`];
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) problems.push(`${path}: the page scrolls ${overflow}px sideways at 320px`);

  const regions = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.table-scroll')].map((el, i) => {
      el.dataset.a11yRegion = String(i);
      const label = (el.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
      // A region inside a closed <details> cannot be reached by anyone until it is opened.
      const shown = el.checkVisibility();
      return { i, role: el.getAttribute('role'), tabindex: el.tabIndex, label, overflows: shown && el.scrollWidth > el.clientWidth };
    }),
  );
  for (const r of regions) {
    if (r.role !== 'region' || r.tabindex !== 0 || !r.label) problems.push(`${path}: scroll region ${r.i} role=${r.role} tabindex=${r.tabindex} label="${r.label}"`);
    if (r.overflows) {
      const region = page.locator(`[data-a11y-region="${r.i}"]`);
      await region.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      // Keyboard scrolling may be animated: wait (briefly) for it to move.
      const scrolled = await expect
        .poll(() => region.evaluate((el) => el.scrollLeft), { timeout: 3_000 })
        .toBeGreaterThan(0)
        .then(() => true, () => false);
      if (!scrolled) problems.push(`${path}: scroll region ${r.i} ("${r.label}") does not scroll by keyboard`);
    }
  }

  const axe = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  for (const v of axe.violations) problems.push(`${path}: axe ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  return problems;
}

for (const locale of ['ja', 'en'] as const) {
  for (const account of ACCOUNTS) {
    const paths = pagesOf(account);
    if (paths.length === 0) continue;
    test(`${account} (${locale}): ${paths.length} pages reflow at 320px, scroll regions work by keyboard, axe WCAG 2.2 AA clean`, async ({ page, login, context, baseURL }) => {
      test.setTimeout(120_000 + paths.length * 15_000);
      await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
      await page.setViewportSize({ width: 320, height: 720 });
      await login(account);
      const problems: string[] = [];
      for (const path of paths) problems.push(...(await checkPage(page, path)));
      expect(problems).toEqual([]);
    });
  }
}
