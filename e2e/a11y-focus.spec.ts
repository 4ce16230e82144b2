// Visible focus (WCAG 1.4.11, 2.4.7): every kind of interactive element, focused from the keyboard, shows
// an outline at least 3:1 against the colour around it — including the current filing step, the current
// administration page, an invalid field (which must look different focused and unfocused) and buttons in
// forced-colours mode. Plus the header's aria-current and the not-found page. And where focus goes after
// an action whose button disappears or disables itself (WCAG 2.4.3): an officer's decision, an attachment
// uploaded and removed, an export — onto the result, whose words are on the page once (announced once).
import type { Locator, Page } from '@playwright/test';
import type pg from 'pg';
import { sampleContent } from '../lib/disclosures/sample';
import { DEMO_IDS } from '../lib/seed/demo-ids';
import { tinyPdf } from '../lib/seed/tiny-pdf';
import { expect, signInAs, test } from './fixtures';
import { appDatabase, researcherWithLastYear, submittedWithOfficer } from './support/own-world';

let db: pg.Client;
test.beforeAll(async () => {
  db = await appDatabase();
});
test.afterAll(async () => {
  await db?.end();
});

type Outline = { visible: boolean; style: string; width: number; ratio: number; colour: string; around: string };

/** The focused element's outline, and its contrast against the first opaque background behind it. */
async function focusOutline(target: Locator): Promise<Outline> {
  await target.focus();
  return target.evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const s = getComputedStyle(el);
    // With outline-offset > 0 the outline is drawn over the parent's background, not the element's own.
    let bgEl: Element | null = parseFloat(s.outlineOffset) > 0 ? el.parentElement : el;
    let around = 'rgb(255, 255, 255)';
    while (bgEl) {
      const c = getComputedStyle(bgEl).backgroundColor;
      const parts = rgb(c);
      if (parts.length >= 3 && (parts.length === 3 || parts[3]! > 0.5)) {
        around = c;
        break;
      }
      bgEl = bgEl.parentElement;
    }
    const a = lum(rgb(s.outlineColor));
    const b = lum(rgb(around));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    return { visible: el.matches(':focus-visible'), style: s.outlineStyle, width: parseFloat(s.outlineWidth), ratio, colour: s.outlineColor, around };
  });
}

async function expectVisibleFocus(target: Locator, what: string) {
  await expect(target, what).toHaveCount(1);
  const o = await focusOutline(target);
  expect(o.visible, `${what} matches :focus-visible`).toBe(true);
  expect(o.style, `${what} outline style`).not.toBe('none');
  expect(o.width, `${what} outline width`).toBeGreaterThanOrEqual(2);
  expect(o.ratio, `${what}: outline ${o.colour} on ${o.around}`).toBeGreaterThanOrEqual(3);
}

/** Keyboard modality, so that focus() afterwards shows :focus-visible as Tab would. */
async function useKeyboard(page: Page) {
  await page.keyboard.press('Tab');
}

test('researcher pages: links, buttons, inputs, selects, checkboxes, radios, the current step and an invalid field show focus', async ({ page, login }) => {
  await login('researcher');
  await page.goto(`/disclosures/${DEMO_IDS.researcherDraft}/appointments`);
  await expect(page.locator('form[data-hydrated="true"]')).toBeVisible();
  await useKeyboard(page);
  const steps = page.getByRole('navigation', { name: 'Steps of this disclosure' });
  await expectVisibleFocus(steps.locator('a[aria-current="page"]'), 'current step');
  await expectVisibleFocus(steps.getByRole('link').first(), 'a step');
  await expectVisibleFocus(page.locator('.app-header nav a[aria-current="page"]'), 'current header item');
  await expectVisibleFocus(page.getByRole('button', { name: 'Check this section' }), 'button');
  await expectVisibleFocus(page.getByRole('button', { name: /Save and continue/ }), 'primary button');
  await expectVisibleFocus(page.getByRole('button', { name: 'English' }).or(page.getByRole('button', { name: '日本語' })).first(), 'link-style button');
  await expectVisibleFocus(page.getByLabel('I have nothing to disclose in this section'), 'checkbox');
  const entry = page.getByRole('region', { name: /^Entry 1/ });
  await expectVisibleFocus(entry.getByLabel('Title or position'), 'text input');
  await expectVisibleFocus(entry.getByLabel('Type of position'), 'select');
  await expectVisibleFocus(entry.getByRole('radio').first(), 'radio');
  await expectVisibleFocus(entry.getByRole('combobox', { name: 'Organisation in the registry' }), 'combobox');
  await expectVisibleFocus(page.getByRole('link', { name: 'Skip to content' }), 'skip link');

  // An invalid field: red border unfocused, the focus outline on top when focused.
  await page.goto(`/disclosures/${DEMO_IDS.researcherDraft}/gifts`);
  await expect(page.locator('form[data-hydrated="true"]')).toBeVisible();
  await page.getByRole('button', { name: 'Check this section' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  const invalid = page.getByLabel('I have nothing to disclose in this section');
  await expect(invalid).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Check this section' }).focus();
  const unfocused = await invalid.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(unfocused).toBe('none');
  await useKeyboard(page);
  await expectVisibleFocus(invalid, 'invalid checkbox');
  await expectVisibleFocus(page.locator('#error-summary'), 'error summary');

  // A link in the content of a read-only page.
  await page.goto(`/disclosures/${DEMO_IDS.researcherApproved}/versions`);
  await useKeyboard(page);
  await expectVisibleFocus(page.locator('main a').first(), 'link in content');

  // Forced colours: the outline stays (box-shadows are dropped there), in a system colour.
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`/disclosures/${DEMO_IDS.researcherDraft}/appointments`);
  await useKeyboard(page);
  const button = page.getByRole('button', { name: 'Check this section' });
  await button.focus();
  const forced = await button.evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: parseFloat(getComputedStyle(el).outlineWidth) }));
  expect(forced.style).not.toBe('none');
  expect(forced.width).toBeGreaterThanOrEqual(2);
});

test('administrator: the current side-nav item and table scroll regions show focus; the header marks the current page', async ({ page, login }) => {
  await login('admin');
  await page.goto('/admin/people');
  await useKeyboard(page);
  const side = page.locator('.admin-nav a[aria-current="page"]');
  await expect(side).toHaveCount(1);
  await expectVisibleFocus(side, 'current admin side-nav item');
  await expect(page.locator('.app-header nav a[aria-current="page"]')).toHaveAttribute('href', '/admin');
  await expectVisibleFocus(page.locator('.table-scroll').first(), 'table scroll region');
  await expectVisibleFocus(page.locator('main select').first(), 'filter select');
});

test('not found: titled as such, one main landmark, and the signed-in navigation', async ({ page, login }) => {
  await page.goto('/no-such-page');
  await expect(page).toHaveTitle(/^Page not found \| Kaiji$/);
  await expect(page.getByRole('main')).toHaveCount(1);
  await login('officer');
  await page.goto('/no-such-page');
  await expect(page).toHaveTitle(/^Page not found \| Kaiji$/);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review queue' })).toBeVisible();
  // A record that is not there (or not the reader's), inside the signed-in shell: still one header, one main.
  await page.goto('/review/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
});

/** Focus is on `target`, not on the page body, and `text` is on the page exactly once. */
async function expectFocusedResult(page: Page, target: Locator, text: string | RegExp) {
  await expect(target).toBeFocused({ timeout: 20_000 });
  await expect(target).toContainText(text);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  await expect(page.getByText(text)).toHaveCount(1);
}

test("focus after an officer's decision lands on the recorded decision", async ({ page }) => {
  test.setTimeout(90_000);
  const world = await researcherWithLastYear(db, sampleContent());
  const { officerEmail, disclosureId } = await submittedWithOfficer(db, world);
  await signInAs(page, officerEmail);
  await page.goto(`/review/${disclosureId}`);
  const form = page.locator('form.decision-form');
  await form.getByRole('radio', { name: 'Approve' }).check();
  await form.getByRole('radio', { name: 'No conflict' }).check();
  await form.getByRole('button', { name: 'Approve' }).focus();
  await page.keyboard.press('Enter');
  // The form is replaced by the decision's record: focus goes there, and it is said once.
  await expect(form).toHaveCount(0, { timeout: 20_000 });
  await expectFocusedResult(page, page.locator('#decision-result'), /^Approved by /);
});

test('focus after an attachment is uploaded and after it is removed lands on the one status message', async ({ page }) => {
  test.setTimeout(90_000);
  const world = await researcherWithLastYear(db, sampleContent());
  await signInAs(page, world.email);
  await page.goto('/disclosures');
  await page.getByRole('button', { name: 'Start your disclosure' }).click();
  await expect(page).toHaveURL(/\/disclosures\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await page.goto(`${page.url()}/attachments`);
  const status = page.getByTestId('attachments-status');

  await page.getByLabel(/^File/).setInputFiles({ name: 'focus-contract.pdf', mimeType: 'application/pdf', buffer: Buffer.from(tinyPdf('a contract')) });
  await page.getByRole('button', { name: 'Upload' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attachments-table').getByRole('link', { name: 'focus-contract.pdf' })).toBeVisible();
  await expectFocusedResult(page, status, 'focus-contract.pdf was attached.');

  // The removed row's button is gone with the row: focus goes to the status, not the body.
  await page.getByRole('button', { name: 'Remove focus-contract.pdf' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove focus-contract.pdf' })).toHaveCount(0);
  await expectFocusedResult(page, status, 'focus-contract.pdf was removed.');
});

test('focus while an export runs and when it is ready: the status, then the download link', async ({ page, login }) => {
  test.setTimeout(150_000);
  await login('auditor');
  // A direct download: the buttons disable themselves while it starts; focus stays on the status.
  await page.goto('/reports/records');
  const panel = page.locator('.export-panel');
  await panel.getByRole('button', { name: 'CSV', exact: true }).focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  await download.cancel();
  await expectFocusedResult(page, panel.getByRole('status'), 'Your download has started.');

  // A background export (the PDF summary): then the link to the file takes focus.
  await page.goto('/reports');
  await page.locator('.export-panel').getByRole('button', { name: 'PDF summary', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-download')).toBeFocused({ timeout: 90_000 });
  await expect(page.getByText(/^Download kaiji-summary-/)).toHaveCount(1);
});
