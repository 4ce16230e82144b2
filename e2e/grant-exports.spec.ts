// Reusing a submitted disclosure for grant applications, in Chromium, on a world of its own: from the
// versions page of an approved FY2025 disclosure the researcher downloads CPOS as PDF and JSON and the
// e-Rad funding-and-effort list as CSV; each is checked field by field against the version (the PDF's
// text read with test/helpers/pdf-text.ts). Every download is audited; another researcher gets a 404.
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import type { Download, Page } from '@playwright/test';
import type pg from 'pg';
import { sampleContent } from '../lib/disclosures/sample';
import type { DisclosureContent } from '../lib/disclosures/sections';
import { pdfText, squash } from '../test/helpers/pdf-text';
import { expect, signInAs, test } from './fixtures';
import { appDatabase, researcherWithLastYear } from './support/own-world';

let db: pg.Client;
test.beforeAll(async () => {
  db = await appDatabase();
});
test.afterAll(async () => {
  await db?.end();
});

async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function download(page: Page, name: string): Promise<{ bytes: Buffer; fileName: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return { bytes: await bytesOf(file), fileName: file.suggestedFilename() };
}

test('CPOS PDF and JSON and the e-Rad CSV of a submitted version, field by field; audited; nobody else’s', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const last: DisclosureContent = { ...sampleContent(), travel: { nothingToDisclose: true, items: [] } };
  const world = await researcherWithLastYear(db, last);
  const s = last.support.items[0]!;
  await signInAs(page, world.email);
  await page.goto(`/disclosures/${world.lastDisclosureId}/versions`);
  const exports = page.getByTestId('grant-exports');
  await expect(exports).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const json = await download(page, 'Current and Pending (Other) Support — JSON');
  expect(json.fileName).toBe('kaiji-cpos-FY2025-v1.json');
  const doc = JSON.parse(json.bytes.toString('utf8'));
  expect(doc.individual).toMatchObject({ name: world.nameKanji, eradNumber: world.eradNumber });
  expect(doc.projects).toEqual([
    {
      title: s.title,
      status: 'CURRENT',
      awardNumber: s.awardNumber,
      sourceOfSupport: { name: s.source.name, nameLocal: s.source.nameLocal, country: 'JP' },
      primaryPlaceOfPerformance: { name: s.placeOfPerformance.name, nameLocal: null, country: 'JP' },
      startDate: s.startDate,
      endDate: s.endDate,
      totalAwardAmount: { amount: '45000000', currency: 'JPY', jpy: '45000000' },
      personMonthsPerYear: s.personMonthsPerYear,
      overallObjectives: s.objectives,
      statementOfPotentialOverlap: s.overlap,
    },
  ]);
  expect(doc.inKind).toEqual([]);

  const pdf = await download(page, 'Current and Pending (Other) Support — PDF');
  expect(pdf.fileName).toBe('kaiji-cpos-FY2025-v1.pdf');
  const text = squash(pdfText(pdf.bytes));
  for (const [label, value] of [
    ['Proposal/active project title', s.title],
    ['Status of support', 'Current'],
    ['Proposal/award number', s.awardNumber!],
    ['Source of support', `${s.source.name} (${s.source.nameLocal}) — JP`],
    ['Primary place of performance', `${s.placeOfPerformance.name} — JP`],
    ['Project/proposal start and end date', `${s.startDate} to ${s.endDate}`],
    ['Total award amount (including indirect costs)', 'JPY 45,000,000'],
    ['Person-months per year committed', '2024: 3, 2025: 3, 2026: 2.5'],
    ['Overall objectives', s.objectives],
    ['Statement of potential overlap', s.overlap],
  ]) {
    expect(text, label).toContain(squash(`${label}${value}`));
  }

  const csv = await download(page, 'e-Rad other research funding and effort — CSV');
  expect(csv.fileName).toBe('kaiji-erad-effort-FY2025-v1.csv');
  const [header, ...rows] = parse(csv.bytes.toString('utf8').replace(/^\uFEFF/, '')) as string[][];
  expect(header).toEqual([
    'Situation',
    'Funding programme (funder)',
    'Period start',
    'Period end',
    'Project title',
    'Principal investigator',
    'Role',
    'FY2025 funding (thousand yen)',
    'Total for the whole period (thousand yen)',
    'Effort (%)',
    'Differences from other research and overlap',
  ]);
  expect(rows).toEqual([['Receiving', s.source.name, s.startDate, s.endDate, s.title, world.nameKanji, 'Principal investigator', '', '45000', '25', s.overlap]]);
  // In Japanese when asked (the page asks in the language it is read in).
  const ja = await page.request.get(`/api/disclosures/${world.lastDisclosureId}/versions/1/erad-effort.csv?lang=ja`);
  const jaRows = parse((await ja.text()).replace(/^\uFEFF/, '')) as string[][];
  expect(jaRows[0]![0]).toBe('応募・受入の状況');
  expect(jaRows[1]!.slice(0, 2)).toEqual(['実施中', s.source.nameLocal]);

  const audited = await db.query(
    `SELECT details->>'file' AS file FROM "AuditEvent" WHERE action = 'disclosure.export' AND "entityId" = $1 ORDER BY id`,
    [world.lastDisclosureId],
  );
  expect(audited.rows.map((r) => r.file)).toEqual(['cpos.json', 'cpos.pdf', 'erad-effort.csv', 'erad-effort.csv']);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAs(otherPage, 'researcher2');
  for (const file of ['cpos.pdf', 'cpos.json', 'erad-effort.csv']) {
    expect((await otherPage.request.get(`/api/disclosures/${world.lastDisclosureId}/versions/1/${file}`)).status()).toBe(404);
  }
  await other.close();
});
