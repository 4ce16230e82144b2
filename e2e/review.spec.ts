// Review end to end, through the real researcher and officer pages of the demo: a researcher (Ken Ito
// of Kaiji Demo University) submits an update of his disclosure; the officer finds it through the
// queue's filters, reads why a rule fired, returns it with a reason; the researcher reads the reason,
// fixes the disclosure and resubmits; the officer approves it with a management plan. Each step's mail
// appears in the demo outbox of its recipient. Plus: the queue and review page pass axe and work with
// the keyboard alone.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, signInAs, test } from './fixtures';

const RESEARCHER = 'ken.ito@kaiji.test';
const NAME = '伊藤 健';

async function as(browser: Browser, account: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await signInAs(page, account, DEMO_PASSWORD);
  return page;
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

/** The demo outbox of the signed-in person shows a message whose subject contains `subject`. */
async function expectMail(page: Page, subject: string | RegExp, body?: string) {
  await page.goto('/outbox');
  const message = page.locator('.outbox li').filter({ has: page.locator('.outbox-subject', { hasText: subject }) }).first();
  await expect(message).toBeVisible();
  if (body) await expect(message.locator('.outbox-body')).toContainText(body);
}

async function certifyAndSubmit(page: Page, id: string) {
  await page.goto(`/disclosures/${id}/review`);
  await page.getByLabel('Your full name').fill(NAME);
  await page.getByLabel('I have read the statement above and certify that it is true of this disclosure.').check();
  await page.getByRole('button', { name: 'Certify and submit' }).click();
  await expect(page.getByTestId('submitted-notice')).toBeVisible({ timeout: 20_000 });
}

test('submit → find by filter → see why a rule fired → return with a reason → fix and resubmit → approve with a plan, mail at each step', async ({ browser }) => {
  test.setTimeout(300_000);
  const researcher = await as(browser, RESEARCHER);
  const officer = await as(browser, 'officer');

  // 1. The researcher starts an update of his submitted disclosure and submits it.
  await researcher.goto('/disclosures');
  const href = await researcher.locator('a[href^="/disclosures/"]').first().getAttribute('href');
  const id = /\/disclosures\/([0-9a-f-]{36})/.exec(href ?? '')?.[1];
  expect(id, 'the researcher has a disclosure').toBeTruthy();
  await researcher.goto(`/disclosures/${id}`);
  await researcher.getByRole('button', { name: 'Start an update' }).click();
  await expect(researcher.getByText('You are filing an update.')).toBeVisible({ timeout: 20_000 });
  await certifyAndSubmit(researcher, id!);
  await expectMail(officer, `${NAME}さんから開示が提出されました`, '（第2版）');

  // 2. The officer finds it through the queue's filters (the URL keeps them) and opens it.
  await officer.goto('/review');
  await officer.getByLabel('Researcher or organisation').fill('伊藤');
  await officer.getByRole('group', { name: 'Most serious finding' }).getByLabel('Flag', { exact: true }).check();
  await officer.getByRole('button', { name: 'Apply filters' }).click();
  await expect(officer).toHaveURL(/q=%E4%BC%8A%E8%97%A4/);
  await expect(officer).toHaveURL(/severity=FLAG/);
  const rows = officer.locator('table.queue-table tbody tr');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('link', { name: NAME }).click();
  await expect(officer.getByRole('heading', { level: 1, name: NAME })).toBeVisible();

  // 3. Why rules fired: title, message, the values, the guideline cited, the rule and its ruleset version.
  const findings = officer.locator('#findings .finding');
  await expect(findings.first()).toBeVisible();
  await expect(findings.first()).toContainText('Guideline');
  await expect(findings.first().locator('.finding-meta').filter({ hasText: 'Guideline' })).toContainText(/rule .+ version \d+/);
  // Every rule here cites its guideline in English too: the English page shows that one, marked English.
  const citations = officer.locator('#findings .finding-meta span[lang]');
  await expect(citations.first()).toBeVisible();
  for (const c of await citations.all()) {
    await expect(c).toHaveAttribute('lang', 'en');
    await expect(c).not.toHaveText(/[\u3040-\u30ff\u4e00-\u9fff]/);
  }
  await expect(officer.locator('#findings')).not.toContainText('only)');
  await expect(officer.locator('#findings .badge.flag').first()).toBeVisible();
  // Opening it changed nothing; starting the review is an explicit step.
  await expect(officer.locator('.review-head .badge').first()).toHaveText(/^(Submitted|Resubmitted)$/);
  await officer.getByRole('button', { name: 'Start review' }).click();
  await expect(officer.getByText('Review started.')).toBeVisible();
  await expect(officer.locator('.review-head .badge').first()).toHaveText('Under review');

  // 4. Return for revision: the reason is required, then recorded.
  const decision = officer.getByRole('form', { name: 'Decision' });
  await decision.getByLabel('Return for revision').check();
  await decision.getByRole('button', { name: 'Return to the researcher' }).click();
  await expect(decision.getByText('Give the researcher a reason for returning the disclosure.').first()).toBeVisible();
  const reason = 'Please give your position at your own university as it is now (the profile still says the old one).';
  await decision.getByLabel('Reason for the researcher').fill(reason);
  await decision.getByRole('button', { name: 'Return to the researcher' }).click();
  await expect(officer.locator('.review-head .badge').first()).toHaveText('Returned');
  await expect(officer.locator('#decide')).toContainText('Returned for revision by 鈴木 一郎');

  // 5. The researcher reads the reason (page and mail), fixes the profile and resubmits.
  await expectMail(researcher, '開示が差し戻されました', reason);
  await researcher.goto(`/disclosures/${id}`);
  await expect(researcher.getByText(reason)).toBeVisible();
  await researcher.goto(`/disclosures/${id}/profile`);
  await researcher.getByRole('textbox', { name: 'Position', exact: true }).fill('教授（2026年4月昇任）');
  await expect(researcher.getByText(/All changes saved/)).toBeVisible({ timeout: 20_000 });
  await certifyAndSubmit(researcher, id!);
  await expectMail(officer, `${NAME}さんが開示を再提出しました`, '（第3版）');

  // 6. The officer sees what changed and approves with a management plan.
  await officer.goto(`/review/${id}`);
  await expect(officer.locator('#changes')).toContainText('教授（2026年4月昇任）');
  const decide = officer.getByRole('form', { name: 'Decision' });
  await decide.getByLabel('Approve', { exact: true }).check();
  await decide.getByLabel('Managed with a plan').check();
  await decide.getByLabel('Conditions').fill('No students or research data may be sent to the host institution; report any change of the appointment within 30 days.');
  await decide.getByLabel('Responsible person').fill('研究推進部長');
  const reviewDate = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
  await decide.getByLabel('Review date 1').fill(reviewDate);
  await decide.getByRole('button', { name: 'Approve' }).click();
  await expect(officer.locator('.review-head .badge').first()).toHaveText('Approved');
  await expect(officer.locator('#decide')).toContainText('Approved by 鈴木 一郎');
  await expect(officer.locator('#history')).toContainText('研究推進部長');
  await expectMail(researcher, 'マネジメントプラン付きで承認されました', '研究推進部長');
  // The researcher sees the plan on their disclosure: its conditions, who is responsible, the review date.
  await researcher.goto(`/disclosures/${id}`);
  const plan = researcher.getByTestId('management-plans');
  await expect(plan.getByRole('heading', { name: 'Management plan' })).toBeVisible();
  await expect(plan).toContainText('No students or research data may be sent to the host institution');
  await expect(plan).toContainText('研究推進部長');
  await expect(plan.locator(`time[datetime="${reviewDate}"]`)).toBeVisible();
  expect(await seriousViolations(researcher)).toEqual([]);

  await researcher.context().close();
  await officer.context().close();
});

test('the queue and a review page pass axe and work with the keyboard alone', async ({ page }) => {
  await signInAs(page, 'officer');
  await page.goto('/review?status=RETURNED&status=RESUBMITTED&status=UNDER_REVIEW&status=APPROVED');
  await expect(page.getByRole('table')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // Keyboard only: the search field, then Enter applies the filter.
  await page.getByLabel('Researcher or organisation').focus();
  await page.keyboard.type('小林');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=/);
  const link = page.locator('table.queue-table tbody tr th a').first();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('#findings')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
