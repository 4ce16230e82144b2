// Grant suggestions in Chromium, on a world of its own: the researcher's imported KAKENHI grants still
// running this year are offered on "current and pending support"; another researcher's grant is not.
// Accepting one adds an entry filled from the records and linked to them; dismissing one removes it for
// good (a reload does not bring it back). axe on the page with suggestions.
import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { sampleContent } from '../lib/disclosures/sample';
import { expect, signInAs, test } from './fixtures';
import { appDatabase, importedGrants, researcherWithLastYear } from './support/own-world';

let db: pg.Client;
test.beforeAll(async () => {
  db = await appDatabase();
});
test.afterAll(async () => {
  await db?.end();
});

test('imported grants are suggested, accepted into a linked entry, dismissed for good; nobody else’s appear', async ({ page }) => {
  test.setTimeout(90_000);
  const world = await researcherWithLastYear(db, { ...sampleContent(), travel: { nothingToDisclose: true, items: [] } });
  const tag = randomUUID().slice(0, 5).toUpperCase();
  const [accepted, dismissed, foreign] = [`25K${tag}`, `26K${tag}`, `26A${tag}`];
  await importedGrants(db, [
    { eradNumber: world.eradNumber, projectNumber: accepted, fiscalYear: 2025, role: 'PRINCIPAL_INVESTIGATOR', amountJpy: 2_000_000, title: `接合の研究 ${tag}` },
    { eradNumber: world.eradNumber, projectNumber: accepted, fiscalYear: 2026, role: 'PRINCIPAL_INVESTIGATOR', amountJpy: 1_500_000, title: `接合の研究 ${tag}` },
    { eradNumber: world.eradNumber, projectNumber: dismissed, fiscalYear: 2026, role: 'CO_INVESTIGATOR', amountJpy: 300_000, title: `分担の課題 ${tag}` },
    { eradNumber: '99999999', projectNumber: foreign, fiscalYear: 2026, role: 'PRINCIPAL_INVESTIGATOR', amountJpy: 9_000_000, title: `他人の課題 ${tag}` },
  ]);
  await signInAs(page, world.email);
  await page.goto('/disclosures');
  await page.getByRole('button', { name: 'Start your disclosure' }).click();
  await expect(page).toHaveURL(/\/disclosures\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  const base = page.url();

  await page.goto(`${base}/support`);
  await expect(page.locator('form[data-hydrated="true"]')).toBeVisible();
  const panel = page.getByTestId('grant-suggestions');
  await expect(panel.getByTestId('grant-suggestion')).toHaveCount(2);
  await expect(panel).not.toContainText(foreign);
  const first = panel.getByTestId('grant-suggestion').filter({ hasText: accepted });
  await expect(first).toContainText('2025-04-01 to 2027-03-31');
  await expect(first).toContainText('¥3,500,000');
  await expect(first).toContainText('FY2025: ¥2,000,000, FY2026: ¥1,500,000');
  await expect(first).toContainText('Principal investigator');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await first.getByRole('button', { name: /Add to current and pending support/ }).click();
  const entry = page.locator('section.item').filter({ has: page.getByTestId('grant-linked') });
  await expect(entry).toHaveCount(1, { timeout: 15_000 });
  await expect(entry.getByTestId('grant-linked')).toContainText(`KAKENHI ${accepted}`);
  await expect(entry.getByLabel('Project title')).toHaveValue(`接合の研究 ${tag}`);
  await expect(entry.getByLabel('Award number')).toHaveValue(accepted);
  await expect(entry.getByLabel('Start date')).toHaveValue('2025-04-01');
  await expect(entry.getByLabel(/^End date/)).toHaveValue('2027-03-31');
  await expect(entry.getByRole('group', { name: /Total award amount/ }).getByRole('textbox')).toHaveValue(/3,?500,?000/);
  await expect(panel.getByTestId('grant-suggestion')).toHaveCount(1);

  await panel.getByRole('button', { name: /Dismiss/ }).click();
  await expect(page.getByTestId('grant-suggestions')).toHaveCount(0, { timeout: 15_000 });
  await page.reload();
  await expect(page.locator('form[data-hydrated="true"]')).toBeVisible();
  await expect(page.getByTestId('grant-suggestions')).toHaveCount(0);
  await expect(page.locator('section.item').filter({ has: page.getByTestId('grant-linked') })).toHaveCount(1);

  const answers = await db.query(`SELECT "projectNumber", decision::text FROM "GrantSuggestion" WHERE "researcherId" = $1 ORDER BY decision`, [world.userId]);
  expect(answers.rows).toEqual([
    { projectNumber: accepted, decision: 'ACCEPTED' },
    { projectNumber: dismissed, decision: 'DISMISSED' },
  ]);
});
