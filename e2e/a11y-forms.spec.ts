// The section form, as a researcher whose disclosure was returned (sho.nakamura, editable, used by no
// other spec): required fields exposed to assistive technology and the asterisk explained; an entry
// added right after one is removed starts empty and autosave never stores the removed values; a group's
// error (time commitment: unit + amount) is linked to each of its controls, the summary link lands on the
// first one, one alert not five, and the summary follows the fields; the amount is checked on blur, not
// while it is being typed. And, on a world of its own, the step list: never "Complete" while the section's
// summary lists problems — both come from one check of the values on screen.
import type { Page } from '@playwright/test';
import type pg from 'pg';
import { sampleContent } from '../lib/disclosures/sample';
import { expect, signInAs, test } from './fixtures';
import { appDatabase, researcherWithLastYear } from './support/own-world';

let db: pg.Client;
test.beforeAll(async () => {
  db = await appDatabase();
});
test.afterAll(async () => {
  await db?.end();
});

const RESEARCHER = 'sho.nakamura@kaiji.test';

async function formReady(page: Page) {
  await expect(page.locator('form[data-hydrated="true"]')).toBeVisible();
}

async function saved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveText(/All changes saved/, { timeout: 15_000 });
}

test('required fields, add after remove, grouped errors, amount on blur', async ({ page, login }) => {
  test.setTimeout(120_000);
  await login(RESEARCHER);
  await page.goto('/disclosures');
  const href = await page.locator('main a[href^="/disclosures/"]').first().getAttribute('href');
  const id = /\/disclosures\/([0-9a-f-]{36})/.exec(href ?? '')?.[1];
  expect(id, 'the researcher has a disclosure').toBeTruthy();
  const url = `/disclosures/${id}/appointments`;
  await page.goto(url);
  await formReady(page);

  // Required: the asterisk is explained once, in words; the controls carry it for assistive technology.
  await expect(page.locator('form.section-form').getByText('Fields marked * are required.')).toHaveCount(1);
  const entries = page.getByRole('list', { name: 'Entries' }).getByRole('region');
  const n = await entries.count();
  expect(n, 'the returned disclosure has appointments').toBeGreaterThan(0);
  const first = entries.first();
  await expect(first.getByRole('textbox', { name: 'Title or position' })).toHaveAttribute('aria-required', 'true');
  await expect(first.getByRole('combobox', { name: 'Type of position' })).toHaveAttribute('aria-required', 'true');
  await expect(first.getByRole('group', { name: /^Paid position/ }).getByRole('radio', { name: 'Yes' })).toHaveAttribute('required', '');
  await expect(first.getByRole('textbox', { name: 'End date' })).not.toHaveAttribute('aria-required', 'true');

  // Remove the last entry, then add one: it lands at the removed one's index and must start empty.
  const last = entries.nth(n - 1);
  const removedTitle = await last.getByLabel('Title or position').inputValue();
  const removedOrg = await last.getByLabel('Organisation name (English)').inputValue();
  expect(removedTitle || removedOrg, 'the removed entry had values').toBeTruthy();
  await last.getByRole('button', { name: /Remove this entry/ }).click();
  await expect(entries).toHaveCount(n - 1);
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await expect(entries).toHaveCount(n);
  const added = entries.nth(n - 1);
  await expect(added.getByLabel('Title or position')).toHaveValue('');
  await expect(added.getByLabel('Organisation name (English)')).toHaveValue('');
  await expect(added.getByRole('radio', { name: 'Yes' })).not.toBeChecked();
  await saved(page);
  await page.reload();
  await formReady(page);
  await expect(entries).toHaveCount(n);
  await expect(entries.nth(n - 1).getByLabel('Title or position')).toHaveValue('');
  await expect(entries.nth(n - 1).getByLabel('Organisation name (English)')).toHaveValue('');

  // A check: one alert (the summary); the time commitment's error reaches each of its controls.
  await page.getByRole('button', { name: 'Check this section' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(1);
  const blank = entries.nth(n - 1);
  const commitment = blank.getByRole('group', { name: /^Time commitment/ });
  const link = summary.getByRole('link', { name: new RegExp(`Entry ${n}.*Time commitment`) }).first();
  await link.click();
  const unit = commitment.getByRole('combobox', { name: 'Unit' });
  await expect(unit).toBeFocused();
  for (const control of [unit, commitment.getByRole('spinbutton', { name: 'Amount of time' })]) {
    await expect(control).toHaveAttribute('aria-invalid', 'true');
    await expect(control).toHaveAccessibleDescription(/required|Choose|Enter/i);
  }
  // Filled in, the group's error leaves the summary and the controls.
  await unit.selectOption('PERCENT');
  await commitment.getByRole('spinbutton', { name: 'Amount of time' }).fill('5');
  await expect(summary.getByRole('link', { name: new RegExp(`Entry ${n}.*Time commitment`) })).toHaveCount(0);
  await expect(unit).not.toHaveAttribute('aria-invalid', 'true');

  // The amount: "12," on the way to "12,500" is not an error; a non-number is, once the field is left.
  const pay = blank.getByRole('group', { name: /^Compensation/ });
  await pay.getByLabel('Currency').selectOption('USD');
  const amount = pay.getByRole('textbox', { name: 'Amount' });
  await amount.focus();
  await page.keyboard.type('12,');
  await expect(amount).not.toHaveAttribute('aria-invalid', 'true');
  await expect(pay.getByText('Enter an amount in figures')).toHaveCount(0);
  await page.keyboard.type('500');
  await page.keyboard.press('Tab');
  await expect(amount).not.toHaveAttribute('aria-invalid', 'true');
  await expect(pay.getByText(/≈ ¥/)).toBeVisible();
  await amount.fill('twelve');
  await amount.blur();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toHaveAccessibleDescription(/Enter an amount in figures/);
});

test('the step list follows the section on screen: never "Complete" while the summary lists problems', async ({ page }) => {
  test.setTimeout(90_000);
  const world = await researcherWithLastYear(db, sampleContent());
  await signInAs(page, world.email);
  await page.goto('/disclosures');
  await page.getByRole('button', { name: 'Start your disclosure' }).click();
  await expect(page).toHaveURL(/\/disclosures\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  const base = new URL(page.url()).pathname;
  await page.goto(`${base}/programmes`);
  await formReady(page);
  const step = page.getByRole('navigation', { name: 'Steps of this disclosure' }).locator(`a[href="${base}/programmes"]`);
  const stepState = step.getByTestId('step-state');
  await expect(stepState).toHaveText(/Complete$/);

  // A required field emptied: the check lists it, and the step says so too — before any save or reload.
  const role = page.locator('section.item').first().getByLabel('Your role or title');
  const was = await role.inputValue();
  await role.fill('');
  await page.getByRole('button', { name: 'Check this section' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary.getByRole('link', { name: /Your role or title/ })).toHaveCount(1);
  await expect(stepState).toHaveText(/In progress$/);
  await expect(step).not.toContainText('Complete');

  // Filled in again: the summary goes, the step is complete again; and so it stays after a reload.
  await role.fill(was);
  await expect(summary.getByRole('link')).toHaveCount(0);
  await expect(stepState).toHaveText(/Complete$/);
  await saved(page);
  await page.reload();
  await formReady(page);
  await expect(stepState).toHaveText(/Complete$/);
});
