// Issues a personal access token through the administrator's page, as a deployment would, and returns
// it: /api/v1 authenticates bearer tokens only, never the browser session.
import type { Browser } from '@playwright/test';
import { DEMO, type DemoAccount, expect, signInAs } from './fixtures';

export const DEMO_INSTITUTIONS = { officer: 'Kaiji Demo University', officer2: 'Second Demo Institute of Technology' } as const;

export async function issueApiToken(browser: Browser, baseURL: string | undefined, owner: DemoAccount, role: 'AUDITOR' | 'OFFICER'): Promise<string> {
  const context = await browser.newContext({ baseURL, locale: 'en-US' });
  const page = await context.newPage();
  await signInAs(page, 'admin');
  await page.goto('/admin/api-tokens');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`e2e ${owner} ${Date.now()}`);
  await page.getByRole('textbox', { name: 'Owner’s email address' }).fill(DEMO[owner]);
  await page.getByRole('combobox', { name: 'Role' }).selectOption(role);
  if (owner === 'officer' || owner === 'officer2') await page.getByRole('checkbox', { name: DEMO_INSTITUTIONS[owner], exact: true }).check();
  else await page.getByRole('checkbox', { name: 'All institutions', exact: true }).check();
  await page.getByRole('button', { name: 'Issue token' }).click();
  const field = page.getByRole('textbox', { name: 'New token' });
  await expect(field).toHaveValue(/^kaiji_pat_/);
  const token = await field.inputValue();
  await context.close();
  return token;
}
