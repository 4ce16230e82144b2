// Carry forward into a new cycle, in Chromium, on a world of its own (e2e/support/own-world.ts): a
// researcher whose FY2025 disclosure was approved starts FY2026 and finds every section prefilled, each
// carried entry asking "from last year — still true?". One is confirmed, one edited, and submission is
// refused while the third is unanswered, naming it, with nothing lost; once it is ended (with an end date
// in the year) the disclosure goes in, and the version holds all three answers. axe on the way.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type pg from 'pg';
import { sampleContent } from '../lib/disclosures/sample';
import type { DisclosureContent } from '../lib/disclosures/sections';
import { expect, signInAs, test } from './fixtures';
import { appDatabase, researcherWithLastYear } from './support/own-world';

let db: pg.Client;
test.beforeAll(async () => {
  db = await appDatabase();
});
test.afterAll(async () => {
  await db?.end();
});

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${what} — ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function section(page: Page, base: string, key: string) {
  await page.goto(`${base}/${key}`);
  await expect(page.locator('form[data-hydrated="true"]')).toBeVisible();
}

test('carry forward: confirm one, edit one, submission refused while one is open, end it, submit', async ({ page }) => {
  test.setTimeout(120_000);
  const last: DisclosureContent = { ...sampleContent(), travel: { nothingToDisclose: true, items: [] } };
  const world = await researcherWithLastYear(db, last);
  await signInAs(page, world.email);

  await page.goto('/disclosures');
  await page.getByRole('button', { name: 'Start your disclosure' }).click();
  await expect(page).toHaveURL(/\/disclosures\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  const id = /\/disclosures\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const base = `/disclosures/${id}`;

  // Confirmed: the appointment as it stands.
  await section(page, base, 'appointments');
  const appointment = page.locator('section.item').first();
  await expect(appointment.getByTestId('carry-question')).toContainText('From last year — still true?');
  await expect(appointment.getByLabel('Title or position')).toHaveValue('Visiting Professor');
  await expectAccessible(page, 'appointments with a carried entry');
  await appointment.getByRole('button', { name: /Yes, still true/ }).click();
  await expect(appointment.getByTestId('carry-state')).toHaveText('From last year — confirmed');

  // Edited: the programme's role changes (saved automatically).
  await section(page, base, 'programmes');
  const programme = page.locator('section.item').first();
  await expect(programme.getByTestId('carry-question')).toBeVisible();
  await programme.getByLabel('Your role or title').fill('Adviser');
  await programme.getByLabel('Your role or title').blur();
  await expect(page.getByTestId('save-status')).toHaveText(/All changes saved/, { timeout: 15_000 });

  // The support entry is left unanswered: submission is refused, naming it, and nothing is lost.
  await page.goto(`${base}/review`);
  await expect(page.getByTestId('carry-unconfirmed')).toContainText('Lightweight alloys for aerospace structures');
  await expect(page.getByTestId('carry-unconfirmed').getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page, 'review with an unanswered carried entry');
  await page.getByLabel('Your full name').fill(world.nameKanji);
  await page.getByLabel('I have read the statement above and certify that it is true of this disclosure.').check();
  await page.getByRole('button', { name: 'Certify and submit' }).click();
  const refused = page.getByTestId('carry-refused');
  await expect(refused).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ has: refused })).toContainText('1 entry carried from last year has not been confirmed, edited or ended');
  await expect(refused.getByRole('listitem')).toHaveText(['Current and pending support · Lightweight alloys for aerospace structures']);
  expect((await db.query(`SELECT count(*)::int AS n FROM "DisclosureVersion" WHERE "disclosureId" = $1`, [id])).rows[0].n).toBe(0);

  // Ended: a date before the year is refused with the reason; one within it is written into the entry.
  await refused.getByRole('link').click();
  await expect(page.locator('form[data-hydrated="true"]')).toBeVisible();
  const support = page.locator('section.item').first();
  await support.getByRole('button', { name: /It has ended/ }).click();
  await support.getByLabel('Date it ended').fill('2026-03-01');
  await support.getByRole('button', { name: 'End it on this date' }).click();
  await expect(support.getByRole('alert')).toContainText('The end date must be in FY2026 (on or after 1 April 2026)');
  await support.getByLabel('Date it ended').fill('2026-09-30');
  await support.getByRole('button', { name: 'End it on this date' }).click();
  await expect(support.getByTestId('carry-state')).toHaveText('From last year — ended on 2026-09-30');
  await expect(support.getByLabel(/^End date/)).toHaveValue('2026-09-30');
  // The programme's edit was kept and counts as its answer.
  await section(page, base, 'programmes');
  await expect(page.locator('section.item').first().getByTestId('carry-state')).toHaveText('From last year — updated');
  await expect(page.getByLabel('Your role or title')).toHaveValue('Adviser');

  await page.goto(`${base}/review`);
  await expect(page.getByTestId('carry-unconfirmed')).toHaveCount(0);
  await page.getByLabel('Your full name').fill(world.nameKanji);
  await page.getByLabel('I have read the statement above and certify that it is true of this disclosure.').check();
  await page.getByRole('button', { name: 'Certify and submit' }).click();
  await expect(page.getByTestId('submitted-notice')).toBeVisible({ timeout: 20_000 });

  const version = (await db.query(`SELECT content FROM "DisclosureVersion" WHERE "disclosureId" = $1`, [id])).rows[0] as { content: DisclosureContent };
  expect(version.content.appointments.items).toEqual([{ ...last.appointments.items[0]!, contractAttachmentIds: [] }]);
  expect(version.content.programmes.items[0]).toMatchObject({ id: last.programmes.items[0]!.id, role: 'Adviser' });
  expect(version.content.support.items[0]).toMatchObject({ id: last.support.items[0]!.id, endDate: '2026-09-30', title: last.support.items[0]!.title });
  const states = await db.query(`SELECT section, state::text FROM "CarriedItem" WHERE "disclosureId" = $1 ORDER BY section`, [id]);
  expect(states.rows).toEqual([
    { section: 'appointments', state: 'CONFIRMED' },
    { section: 'programmes', state: 'EDITED' },
    { section: 'support', state: 'ENDED' },
  ]);
});
