// Visible focus (WCAG 1.4.11, 2.4.7): every kind of interactive element, focused from the keyboard, shows
// an outline at least 3:1 against the colour around it — including the current filing step, the current
// administration page, an invalid field (which must look different focused and unfocused) and buttons in
// forced-colours mode. Plus the header's aria-current and the not-found page.
import type { Locator, Page } from '@playwright/test';
import { DEMO_IDS } from '../lib/seed/demo-ids';
import { expect, test } from './fixtures';

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
