// Combined record filters end to end, on the demo data (read only): the nationwide auditor combines an
// institution of the group list with a watchlist on the records page ("at Beihang and on the METI End
// User List"), gets exactly the intersection of the two single filters (checked through the read API),
// and exports that list as CSV.
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { issueApiToken } from './api-token';
import { expect, test } from './fixtures';

const EUL = 'METI End User List, edition of 2024-03-29 (copy, not current)';

async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const count = async (page: Page) => Number(await page.getByTestId('records-count').getAttribute('data-count'));

test('the auditor combines two filters on the records page and exports the intersection', async ({ page, login, browser, baseURL }) => {
  test.setTimeout(120_000);
  await login('auditor');
  await page.goto('/reports/records');
  const form = page.getByRole('form', { name: 'Combine filters' });
  await expect(form).toBeVisible();

  await form.getByRole('combobox', { name: 'Institution of the group list' }).selectOption({ label: 'Beihang University' });
  await form.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/entry=/);
  const atBeihang = await count(page);

  await page.getByRole('form', { name: 'Combine filters' }).getByRole('combobox', { name: 'On the watchlist' }).selectOption({ label: EUL });
  await page.getByRole('form', { name: 'Combine filters' }).getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/entry=.*watchlist=jp-meti-end-user-list|watchlist=jp-meti-end-user-list.*entry=/);
  await expect(page.getByText(`watchlist: ${EUL}`)).toBeVisible();
  const both = await count(page);
  expect(both).toBeGreaterThan(0);
  expect(both).toBeLessThanOrEqual(atBeihang);
  await expect(page.getByTestId('records-table').locator('tbody tr')).toHaveCount(both);
  const a11y = await new AxeBuilder({ page }).analyze();
  expect(a11y.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The database's answer through the read API: the combination is exactly the intersection.
  const token = await issueApiToken(browser, baseURL, 'auditor', 'AUDITOR');
  const url = new URL(page.url()).searchParams;
  const ids = async (keys: string[]) => {
    const q = new URLSearchParams({ fiscalYear: url.get('fy') ?? '', limit: '500' });
    for (const k of keys) q.set(k, url.get(k)!);
    const res = await page.request.get(`/api/v1/disclosures?${q.toString()}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status()).toBe(200);
    return ((await res.json()) as { data: { id: string }[] }).data.map((r) => r.id).sort();
  };
  const [entryOnly, listOnly, combined] = await Promise.all([ids(['entry']), ids(['watchlist']), ids(['entry', 'watchlist'])]);
  expect(combined).toEqual(entryOnly.filter((id) => listOnly.includes(id)));
  expect(combined.length).toBe(both);

  // The combined list exports through the existing path, with the same rows.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV', exact: true }).click()]);
  const text = (await bytesOf(csv)).toString('utf8');
  const rows = parse(text, { bom: true, comment: '#', comment_no_infix: true, skip_empty_lines: true }) as string[][];
  expect(rows.length - 1).toBe(both);
  expect(text).toContain(`\n# rows: ${both}\n`);
  expect(text).toMatch(/# filter: .*entry/);
});

test('the talent-grants figures narrow by the same keys, and each figure lists exactly what it counts', async ({ page, login }) => {
  test.setTimeout(120_000);
  await login('auditor');
  await page.goto('/reports/talent-grants');
  const talent = async () => Number((await page.getByTestId('answer-talent').locator('.figure-link').innerText()).replace(/[^\d]/g, ''));
  const whole = await talent();
  await expect(page.getByTestId('talent-narrowed')).toHaveCount(0);

  const form = () => page.getByRole('form', { name: 'Combine filters' });
  await form().getByRole('combobox', { name: 'Institution of the group list' }).selectOption({ label: 'Beihang University' });
  await form().getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/reports\/talent-grants\?.*entry=/);
  await expect(page.getByTestId('talent-narrowed')).toBeVisible();
  const atBeihang = await talent();
  expect(atBeihang).toBeGreaterThan(0);
  expect(atBeihang).toBeLessThanOrEqual(whole);

  // The group list dated "at the time" as well as "now", like the watchlists.
  await form().getByRole('radio', { name: /Listed at the time/ }).check();
  await form().getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/listed=then/);
  await expect(page.getByTestId('talent-group-entries').getByRole('columnheader', { name: /listed in FY\d{4}/ })).toBeVisible();
  const a11y = await new AxeBuilder({ page }).analyze();
  expect(a11y.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The narrowed figure links to the record list with the same keys, and the list has that many rows.
  const n = await talent();
  await page.getByTestId('answer-talent').locator('.figure-link').click();
  await expect(page).toHaveURL(/\/reports\/records\?/);
  const params = new URL(page.url()).searchParams;
  expect([params.get('talent'), params.get('listed'), params.get('entry')?.length]).toEqual(['any', 'then', 36]);
  expect(await count(page)).toBe(n);
});
