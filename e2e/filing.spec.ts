// Filing a disclosure end to end, as researcher@kaiji.test on the demo's FY2026 draft: every section
// (a foreign appointment chosen from the registry by type-ahead, a talent programme, a foreign grant in
// USD), a reload mid-way that loses nothing, a stale second tab that is told and not overwritten, a PDF
// attached, certification and submission, then an update whose change the versions page shows.
// Each page is scanned with axe on the way.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { DEMO_IDS } from '../lib/seed/demo-ids';
import { tinyPdf } from '../lib/seed/tiny-pdf';
import { expect, test } from './fixtures';

const base = `/disclosures/${DEMO_IDS.researcherDraft}`;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${what} — ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** The section form has hydrated: typing now reaches react-hook-form (and its autosave). */
async function formReady(page: Page) {
  await expect(page.locator('form[data-hydrated="true"]')).toBeVisible();
}

async function saved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveText(/All changes saved/, { timeout: 15_000 });
}

/** Goes to a step through the step list, as a keyboard user would: focus the link, press Enter. */
async function step(page: Page, name: string | RegExp, heading: string | RegExp) {
  const link = page.getByRole('navigation', { name: 'Steps of this disclosure' }).getByRole('link', { name });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  if (await page.locator('form.section-form').count()) await formReady(page);
}

/** Types into the registry search of an organisation group and chooses the first match with Enter. */
async function chooseFromRegistry(group: Locator, page: Page, query: string, expected: string | RegExp) {
  const search = group.getByRole('combobox', { name: 'Organisation in the registry' });
  await search.focus();
  await page.keyboard.type(query);
  await expect(group.getByRole('option', { name: expected }).first()).toBeVisible();
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(group.getByText('In the registry', { exact: true })).toBeVisible();
}

async function answer(scope: Locator, question: string | RegExp, yes: boolean) {
  const radio = scope.getByRole('group', { name: question }).getByRole('radio', { name: yes ? 'Yes' : 'No' });
  await radio.focus();
  await radio.press('Space');
  await expect(radio).toBeChecked();
}

async function checkSection(page: Page) {
  await page.getByRole('button', { name: 'Check this section' }).click();
  await expect(page.getByText('This section is complete.')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText(/All changes saved|Changes are saved automatically/, { timeout: 15_000 });
}

test('a researcher files every section, reloads, attaches a contract, certifies, submits, then files an update', async ({ page, login, context }) => {
  test.setTimeout(300_000);
  await login('researcher');

  // My disclosures: the open cycle with its deadline and what is left.
  await page.goto('/disclosures');
  await expect(page.getByRole('heading', { level: 1, name: 'My disclosures' })).toBeVisible();
  await expect(page.getByText(/days left|Due today/)).toBeVisible();
  await expect(page.getByText('2 of 7 sections complete')).toBeVisible();
  await expectAccessible(page, 'my disclosures');
  await page.getByRole('link', { name: 'Continue your disclosure' }).click();
  await expect(page).toHaveURL(new RegExp(`${base}$`));
  await expectAccessible(page, 'overview');

  // 1. Profile, prefilled from the account. A second tab on the same section goes stale and is told so.
  await step(page, '1. Profile', /Profile/);
  await expect(page.getByLabel('Name (kanji)')).toHaveValue('山田 太郎');
  await expectAccessible(page, 'profile');
  const other = await context.newPage();
  await other.goto(`${base}/profile`);
  await formReady(other);
  await page.getByLabel('Position').fill('教授（材料工学）');
  await saved(page);
  await other.getByLabel('Position').fill('教授（別のタブ）');
  await expect(other.getByTestId('stale-notice')).toContainText('changed this after you opened it');
  await other.close();
  await page.reload();
  await formReady(page);
  await expect(page.getByLabel('Position')).toHaveValue('教授（材料工学）');
  // The stale tab's entries were kept in this browser and are offered, never applied silently.
  const older = page.getByRole('alert').filter({ hasText: 'unsaved entries for this section from an earlier visit' });
  await expect(older).toBeVisible();
  await older.getByRole('button', { name: 'Discard them' }).click();
  await checkSection(page);

  // 2. Positions and appointments: add a foreign appointment at Beihang University, paid in USD.
  await step(page, '2. Positions and appointments', /Positions and appointments/);
  await page.getByRole('button', { name: 'Add an entry' }).focus();
  await page.keyboard.press('Enter');
  const appointment = page.getByRole('region', { name: /^Entry 2/ });
  await expect(appointment.getByRole('combobox', { name: 'Organisation in the registry' })).toBeFocused();
  await chooseFromRegistry(appointment, page, '北京航空', /Beihang University/);
  await expect(appointment.getByLabel('Organisation name (English)')).toHaveValue('Beihang University');
  await expect(appointment.getByLabel('Country or region')).toHaveValue('CN');
  await appointment.getByLabel('Title or position').fill('Visiting Professor');
  await appointment.getByLabel('Type of position').selectOption('VISITING');
  await answer(appointment, /Paid position/, true);
  const pay = appointment.getByRole('group', { name: /^Compensation/ });
  await pay.getByLabel('Currency').selectOption('USD');
  await pay.getByLabel('Amount').fill('12,000.50');
  await expect(pay.getByText(/≈ ¥1,800,075 at the cycle's rate/)).toBeVisible();
  await appointment.getByLabel('Compensation per').selectOption('ANNUAL');
  await appointment.getByLabel('Unit').selectOption('PERCENT');
  await appointment.getByLabel('Amount of time').fill('10');
  await appointment.getByLabel('Start date').fill('2025-04-01');
  await saved(page);
  await expectAccessible(page, 'appointments');

  // Reload mid-way: everything entered is there, including a change made just before the reload.
  await appointment.getByLabel('Duties and notes').fill('Two weeks a year in Beijing');
  await page.reload();
  await formReady(page);
  const reloaded = page.getByRole('region', { name: /^Entry 2: Beihang University — Visiting Professor/ });
  await expect(reloaded.getByLabel('Organisation name (English)')).toHaveValue('Beihang University');
  await expect(reloaded.getByRole('group', { name: /^Compensation/ }).getByLabel('Amount')).toHaveValue('12000.50');
  await expect(reloaded.getByLabel('Start date')).toHaveValue('2025-04-01');
  await expect(reloaded.getByLabel('Duties and notes')).toHaveValue('Two weeks a year in Beijing');
  await checkSection(page);

  // 3. Talent-recruitment programmes: the Thousand Talents Plan, hosted by Beihang (found as BUAA).
  await page.getByRole('button', { name: /Save and continue: Talent-recruitment programmes/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Talent-recruitment programmes/ })).toBeVisible();
  await formReady(page);
  await page.getByRole('button', { name: 'Add an entry' }).click();
  const programme = page.getByRole('region', { name: /^Entry 1/ });
  await chooseFromRegistry(programme.getByRole('group', { name: /^Programme/ }), page, '千人計画', /Thousand Talents Plan/);
  await chooseFromRegistry(programme.getByRole('group', { name: /^Sponsoring or host organisation/ }), page, 'BUAA', /Beihang University/);
  await programme.getByLabel('Your role or title').fill('Distinguished Professor');
  await programme.getByLabel('Start date').fill('2025-04-01');
  await programme.getByRole('textbox', { name: 'Benefits', exact: true }).fill('Research funds of CNY 1,000,000 and housing');
  const obligations = programme.getByRole('group', { name: /^Obligations/ });
  await answer(obligations, /transfer or assign intellectual property/, false);
  await answer(obligations, /recruit other researchers/, true);
  await answer(obligations, /keep your participation/, false);
  await answer(obligations, /work abroad/, true);
  await answer(obligations, /overlaps with your current work/, false);
  await programme.getByLabel('Details of obligations').fill('Two months a year at the host; recruit two doctoral students.');
  await expectAccessible(page, 'programmes');
  await checkSection(page);

  // 4. Current and pending support: a foreign grant in USD, its funder entered as a new organisation.
  await step(page, '4. Current and pending support', /Current and pending support/);
  await page.getByRole('button', { name: 'Add an entry' }).click();
  const grant = page.getByRole('region', { name: /^Entry 1/ });
  await grant.getByLabel('Project title').fill('Thermal protection materials for re-entry vehicles');
  await grant.getByLabel('Status').selectOption('CURRENT');
  await grant.getByLabel('Your role').selectOption('PRINCIPAL_INVESTIGATOR');
  await grant.getByLabel('Award number').fill('FA2386-25-1-4001');
  const source = grant.getByRole('group', { name: /^Source of support/ });
  await source.getByLabel('Organisation name (English)').fill('Asian Office of Aerospace Research and Development');
  await source.getByLabel('Country or region').selectOption('US');
  const place = grant.getByRole('group', { name: /^Place of performance/ });
  await place.getByLabel('Organisation name (English)').fill('Kaiji Demo University');
  await place.getByLabel('Country or region').selectOption('JP');
  await grant.getByLabel('Start date').fill('2025-04-01');
  await grant.getByLabel('End date').fill('2027-03-31');
  const total = grant.getByRole('group', { name: /^Total award amount/ });
  await total.getByLabel('Currency').selectOption('USD');
  await total.getByLabel('Amount').fill('250,000');
  await expect(total.getByText(/≈ ¥37,500,000/)).toBeVisible();
  await grant.getByRole('button', { name: 'Add a year' }).click();
  await expect(grant.getByRole('spinbutton', { name: 'Year', exact: true })).toBeFocused();
  await page.keyboard.type('2025');
  await grant.getByRole('spinbutton', { name: 'Person-months', exact: true }).fill('1.5');
  await grant.getByLabel('Overall objectives').fill('Develop ablative composites.');
  await grant.getByLabel('Statement of potential overlap').fill('None');
  await answer(grant, /^In-kind contribution/, false);
  await expectAccessible(page, 'support');
  await checkSection(page);

  // 5–7. Nothing to disclose; first an empty check shows what is missing, with a link to the field.
  await step(page, '5. Gifts, honoraria and awards', /Gifts, honoraria and awards/);
  await page.getByRole('button', { name: 'Check this section' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'problem to fix' });
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: /Add at least one entry/ }).click();
  await expect(page.getByLabel('I have nothing to disclose in this section')).toBeFocused();
  await page.keyboard.press('Space');
  await expectAccessible(page, 'gifts');
  await checkSection(page);
  for (const [name, heading] of [
    ['6. Financial interests', /Financial interests/],
    ['7. Sponsored travel', /Sponsored travel/],
  ] as const) {
    await step(page, name, heading);
    await page.getByLabel('I have nothing to disclose in this section').check();
    await expectAccessible(page, name);
    await checkSection(page);
  }

  // 8. Attachments: the Beihang contract as a PDF made here, linked to the appointment.
  await step(page, '8. Attachments', /Attachments/);
  await page.getByLabel(/^File/).setInputFiles({
    name: 'beihang-appointment-contract.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(tinyPdf('Beihang University - visiting professor appointment')),
  });
  await page.getByLabel('Type of document').selectOption('CONTRACT');
  await page.getByLabel('For which position').selectOption({ label: '2. Beihang University — Visiting Professor' });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByTestId('attachments-table').getByRole('link', { name: 'beihang-appointment-contract.pdf' })).toBeVisible();
  // A PNG named .pdf is refused with a message that says what is wrong, read from the bytes.
  await page.getByLabel(/^File/).setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: PNG });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByText('The file name ends in .pdf, but the file is a PNG document.')).toBeVisible();
  await expect(page.getByLabel(/^File/)).toBeFocused();
  // Larger than the proxy's default 10 MB buffer, within the limit: accepted whole, then removed again.
  const scan = Buffer.concat([Buffer.from(tinyPdf('scanned annex')), Buffer.alloc(12 * 1024 * 1024, 0x20)]);
  await page.getByLabel(/^File/).setInputFiles({ name: 'annex-scan.pdf', mimeType: 'application/pdf', buffer: scan });
  await page.getByLabel('Type of document').selectOption('OTHER');
  await page.getByRole('button', { name: 'Upload' }).click();
  const annex = page.getByTestId('attachments-table').getByRole('row', { name: /annex-scan\.pdf/ });
  await expect(annex).toContainText(/12,\d{3} KB/);
  await annex.getByRole('button', { name: /Remove/ }).click();
  await expect(page.getByText('annex-scan.pdf was removed.').first()).toBeVisible();
  await expect(annex).toHaveCount(0);
  // Over the limit (sent around the browser's own check): refused by the server before it is read.
  // Same origin as the page, as the browser's own upload sends (a cross-origin upload is refused with 403).
  const tooBig = await page.request.post(`/api/disclosures/${DEMO_IDS.researcherDraft}/attachments`, {
    headers: { origin: new URL(page.url()).origin },
    multipart: { kind: 'CONTRACT', file: { name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024, 0x25) } },
  });
  expect(tooBig.status()).toBe(413);
  expect(await tooBig.json()).toMatchObject({ error: 'filing.attachments.errors.tooLarge', details: { maxMb: 20 } });
  await expectAccessible(page, 'attachments');
  await step(page, '2. Positions and appointments', /Positions and appointments/);
  await page.getByRole('region', { name: /^Entry 2/ }).getByLabel(/beihang-appointment-contract\.pdf/).check();
  await saved(page);

  // 9. Review and certify; submit once even when clicked twice.
  await step(page, '9. Review and submit', /Review and submit/);
  await expect(page.getByText('Every section is complete.')).toBeVisible();
  await expect(page.getByText('Beihang University (北京航空航天大学), China · in the registry').first()).toBeVisible();
  await expectAccessible(page, 'review');
  await expect(page.getByTestId('attestation')).toContainText('I certify that the information in this disclosure is true');
  await page.getByLabel(/I have read the statement above/).check();
  await page.getByLabel('Your full name').fill('山田 太郎');
  await page.getByRole('button', { name: 'Certify and submit' }).dblclick();
  await expect(page.getByTestId('submitted-notice')).toContainText('submitted as version 1');

  // An update: start from version 1, change the appointment's title, submit version 2.
  await page.getByRole('button', { name: 'Start an update' }).click();
  await expect(page.getByText('You are filing an update.')).toBeVisible();
  await step(page, '2. Positions and appointments', /Positions and appointments/);
  const updated = page.getByRole('region', { name: /^Entry 2/ });
  await updated.getByLabel('Title or position').fill('Distinguished Visiting Professor');
  await saved(page);
  await step(page, '9. Review and submit', /Review and submit/);
  await page.getByLabel(/I have read the statement above/).check();
  await page.getByLabel('Your full name').fill('Taro Yamada');
  await page.getByRole('button', { name: 'Certify and submit' }).click();
  await expect(page.getByTestId('submitted-notice')).toContainText('submitted as version 2');

  // The versions page: version 2 is an update, and the diff shows exactly that change.
  await page.getByTestId('submitted-notice').getByRole('link', { name: 'See all versions and what changed' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versions' })).toBeVisible();
  const v2 = page.getByRole('article', { name: /Version 2/ });
  await expect(v2.getByText('Update', { exact: true })).toBeVisible();
  const row = v2.getByRole('row', { name: /Title or position/ });
  await expect(row.getByRole('cell').nth(0)).toHaveText('Visiting Professor');
  await expect(row.getByRole('cell').nth(1)).toHaveText('Distinguished Visiting Professor');
  await expect(v2.getByTestId('version-diff').getByRole('row')).toHaveCount(2);
  await expectAccessible(page, 'versions');

  // The submitted contract downloads with its sniffed type.
  const contract = await page.request.get(`/api/disclosures/${DEMO_IDS.researcherDraft}/attachments`);
  const { attachments } = (await contract.json()) as { attachments: { id: string; frozen: boolean }[] };
  expect(attachments.every((a) => a.frozen)).toBe(true);
  const file = await page.request.get(`/api/attachments/${attachments[0]!.id}`);
  expect(file.headers()['content-type']).toBe('application/pdf');
  expect(file.headers()['content-disposition']).toContain("filename*=UTF-8''beihang-appointment-contract.pdf");
});
