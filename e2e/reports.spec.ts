// Reports end to end, on the demo data: the nationwide auditor opens the reports, follows a figure to the
// records behind it, exports them as XLSX and CSV (downloaded and parsed here, row counts checked against
// the page's figure and against the database through the read API), and downloads the PDF summary made
// by a background task. Plus: the report pages pass axe, and the publication variant hides names.
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { issueApiToken } from './api-token';
import { DEMO, expect, test } from './fixtures';

async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

async function exportAndDownload(page: Page, button: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return download;
}

test('the auditor follows a figure to its records and exports them as XLSX, CSV and a PDF summary', async ({ page, login, browser, baseURL }) => {
  test.setTimeout(150_000);
  await login('auditor');
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Disclosures by status/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The journalist's questions, for the newest year.
  await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Talent programmes and grants' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Talent programmes and domestic grants' })).toBeVisible();
  const talent = Number(await page.getByTestId('answer-talent').locator('.figure-link').innerText());
  expect(talent).toBeGreaterThan(0);
  expect(await seriousViolations(page)).toEqual([]);

  // Follow one institution's talent figure to its records.
  const row = page.getByTestId('talent-institutions').locator('tbody tr').filter({ hasText: 'Second Demo Institute of Technology' });
  const figure = row.locator('td').first().getByRole('link');
  const expected = Number(await figure.innerText());
  expect(expected).toBeGreaterThan(0);
  await figure.click();
  await expect(page).toHaveURL(/\/reports\/records\?.*talent=any/);
  await expect(page.getByRole('heading', { level: 1, name: 'Records' })).toBeVisible();
  await expect(page.getByTestId('records-count')).toHaveAttribute('data-count', String(expected));
  await expect(page.getByTestId('records-table').locator('tbody tr')).toHaveCount(expected);
  expect(await seriousViolations(page)).toEqual([]);

  // The database's answer for the same filter, through the read API (a token of the auditor's; the API
  // takes no session). The page's short keys become the API's documented names.
  const token = await issueApiToken(browser, baseURL, 'auditor', 'AUDITOR');
  const query = new URL(page.url()).searchParams;
  const apiQuery = new URLSearchParams();
  const apiNames: Record<string, string> = { fy: 'fiscalYear', inst: 'institutionId', pub: 'publication' };
  for (const [k, v] of query) apiQuery.append(apiNames[k] ?? k, v);
  const api = await page.request.get(`/api/v1/disclosures?${apiQuery.toString()}&limit=500`, { headers: { authorization: `Bearer ${token}` } });
  expect(api.status()).toBe(200);
  const fromDb = ((await api.json()) as { data: { researcherName: string }[] }).data;
  expect(fromDb.length).toBe(expected);

  // XLSX: the records sheet has a header and one row per record; the about sheet carries the footer.
  const xlsx = await exportAndDownload(page, 'XLSX');
  expect(xlsx.suggestedFilename()).toMatch(/^kaiji-records-FY\d{4}-\d{8}-\d{4}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await bytesOf(xlsx)) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  expect(sheet.actualRowCount - 1).toBe(expected);
  const header = sheet.getRow(1).values as (string | undefined)[];
  const names = sheet.getColumn(header.indexOf('Researcher')).values.slice(2);
  expect(new Set(names)).toEqual(new Set(fromDb.map((r) => r.researcherName)));
  expect(wb.worksheets[1]!.getCell('A1').text).toContain(`exported by ${DEMO.auditor}`);

  // CSV: BOM, header, the rows, and the footer as comment lines.
  const csv = await exportAndDownload(page, 'CSV');
  const bytes = await bytesOf(csv);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  const records = parse(text, { bom: true, comment: '#', comment_no_infix: true, skip_empty_lines: true }) as string[][];
  expect(records[0]).toContain('Researcher');
  expect(records.length - 1).toBe(expected);
  expect(text).toMatch(new RegExp(`\\n# exported by ${DEMO.auditor.replace('.', '\\.')} \\(.+\\), at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} JST, audit head #\\d+ [0-9a-f]{64}\\n`));
  expect(text).toContain(`\n# rows: ${expected}\n`);

  // The PDF summary is made in the background: a progress bar, then a link.
  await page.goto('/reports');
  await page.getByRole('button', { name: 'PDF summary', exact: true }).click();
  const link = page.getByTestId('export-download');
  await expect(link).toBeVisible({ timeout: 90_000 });
  const [pdf] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const pdfBytes = await bytesOf(pdf);
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect((pdfBytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
  expect(pdf.suggestedFilename()).toMatch(/^kaiji-summary-FY\d{4}-\d{8}-\d{4}\.pdf$/);
});

test('the publication variant shows no names and withholds small counts', async ({ page, login }) => {
  await login('auditor');
  await page.goto('/reports/talent-grants?pub=true');
  await expect(page.getByRole('note')).toContainText('For publication');
  await expect(page.getByText('fewer than 5').first()).toBeAttached();
  // Publication output is aggregates only: there is no record list in that variant (the audited 404).
  const records = await page.goto('/reports/records?talent=any&pub=true');
  expect(records?.status()).toBe(404);
});
