import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

// The system administrator's national configuration: importing a sample watchlist and reading the
// counts; changing a rule in a new draft (a bad condition refused with its position), a dry run, and
// activation. One test, in order: the draft it creates is the ruleset's only one.

const SAMPLE = path.resolve(import.meta.dirname, '../lib/watchlists/samples/meti-eul.sample.csv');

test('admin imports a sample watchlist, edits a rule in a draft, runs a dry run and activates it', async ({ page, login }) => {
  test.setTimeout(120_000);
  await login('admin');

  // Watchlists: the seeded samples say what they are; a new list is imported from the METI-layout sample.
  await page.goto('/admin/watchlists');
  await expect(page.getByRole('heading', { level: 1, name: 'Watchlists and institution groups' })).toBeVisible();
  await expect(page.getByTestId('not-complete')).toContainText('Kaiji does not claim that any list is complete or current');
  await expect(page.locator('tr[data-code="cn-sastind-seven-sons"]')).toContainText('SAMPLE');
  await page.getByLabel('A new list or group').check();
  await page.getByLabel('Code').fill('e2e-meti-sample');
  await page.getByLabel('Name in Japanese').fill('外国ユーザーリスト（E2E サンプル）');
  await page.getByLabel('Name in English').fill('End User List (e2e sample)');
  await page.getByRole('textbox', { name: 'Source', exact: true }).fill('METI, sample file shipped with Kaiji');
  await page.getByLabel('Edition date').fill('2026-11-01');
  await page.getByLabel('CSV file').setInputFiles(SAMPLE);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('The file was imported into e2e-meti-sample.')).toBeVisible({ timeout: 30_000 });
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Layout recognised: meti-eul');
  await expect(result.getByTestId('result-added')).toContainText('6');
  await expect(result.getByTestId('result-rejected')).toContainText('0');
  await expect(page.locator('tr[data-code="e2e-meti-sample"]')).toContainText('6 listed, 0 retired');
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);

  // Rules: a draft copied from the active starter version.
  await page.goto('/admin/rules');
  await page.getByRole('button', { name: 'Create a draft from the active version' }).click();
  await expect(page).toHaveURL(/\/admin\/rules\/kaiji-starter\/2$/, { timeout: 15_000 });
  await expect(page.getByTestId('version-status')).toHaveText('Draft');

  const rule = page.locator('li[data-rule="foreign-support-amount"]');
  await rule.getByText('Edit', { exact: true }).click();
  const condition = rule.getByLabel('Condition (CEL)');
  const original = await condition.inputValue();

  // A syntax error is refused with its line, column and the parser's message…
  await condition.fill('item.source.foreign &&');
  await rule.getByRole('button', { name: 'Save the rule' }).click();
  await expect(rule.getByText('Line 1, column 23: Unexpected token: EOF')).toBeVisible();
  await expect(condition).toHaveAttribute('aria-invalid', 'true');
  // …and the server refuses a list that does not exist.
  await condition.fill('item.source.foreign && onList(item.source, "no-such-list")');
  await rule.getByRole('button', { name: 'Save the rule' }).click();
  await expect(rule.getByText('No watchlist has the code: no-such-list.')).toBeVisible();

  // The guideline is kept in both languages; with neither, each field says what is missing, and what
  // was typed elsewhere stays.
  const citeJa = rule.getByLabel('Guideline cited, in Japanese');
  const citeEn = rule.getByLabel('Guideline cited, in English');
  const [ja, en] = [await citeJa.inputValue(), await citeEn.inputValue()];
  expect(ja).toContain('競争的研究費の適正な執行に関する指針');
  expect(en).toContain('Guidelines for the proper execution of competitive research funds');
  await citeJa.fill('');
  await citeEn.fill(' ');
  await rule.getByRole('button', { name: 'Save the rule' }).click();
  await expect(citeJa).toHaveAttribute('aria-invalid', 'true');
  await expect(citeEn).toHaveAttribute('aria-invalid', 'true');
  await expect(rule.getByText('Give the guideline this rule enforces, in Japanese, in English or both.')).toHaveCount(2);
  await expect(condition).toHaveValue('item.source.foreign && onList(item.source, "no-such-list")');
  await citeJa.fill(ja);
  await citeEn.fill(en);

  // A valid change: a higher threshold.
  await condition.fill(original);
  await rule.getByLabel('Parameters (JSON)').fill('{"thresholdJpy": 7000000}');
  await rule.getByRole('button', { name: 'Save the rule' }).click();
  await expect(rule.getByText('The rule was saved.')).toBeVisible();
  await expect(rule).toContainText('{"thresholdJpy":7000000}');
  await expect(rule.locator('dd[lang="ja"]').filter({ hasText: '競争的研究費の適正な執行に関する指針' })).toBeVisible();
  await expect(rule.locator('dd[lang="en"]').filter({ hasText: 'Guidelines for the proper execution' })).toBeVisible();

  // Dry run over FY2026.
  await page.getByLabel('Cycle').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Run the dry run' }).click();
  const dry = page.getByTestId('dry-run-result');
  await expect(dry).toBeVisible({ timeout: 30_000 });
  await expect(dry).toContainText('compared with version 1 in effect');
  await expect(dry.locator('tr[data-rule="foreign-support-amount"]')).toContainText('Changed');
  await expect(dry.locator('tr[data-rule="talent-programme"]')).toContainText('Unchanged');

  // Activation, after an explicit confirmation.
  await page.getByRole('button', { name: 'Activate this version' }).click();
  await page.getByRole('group', { name: 'Activate this version' }).getByRole('button', { name: 'Activate this version' }).click();
  await expect(page.getByText('The version was activated.')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('version-status')).toHaveText('Active');
  await expect(page.getByTestId('task-list')).toContainText('Ruleset activated');
  await page.goto('/admin/rules/kaiji-starter/1');
  await expect(page.getByTestId('version-status')).toHaveText('Retired');
});
