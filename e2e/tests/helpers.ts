import { join } from 'node:path';
import { type Browser, expect, type Page } from '@playwright/test';

export const PASSWORDS: Record<string, string> = {
  nurse: 'nurse-demo-2026',
  doctor: 'doctor-demo-2026',
  records: 'records-demo-2026',
  admin: 'admin-demo-2026',
};

/** A fresh browser context (own cookies) signed in as a demo user. */
export async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.fill('#username', username);
  await page.fill('#password', PASSWORDS[username]!);
  await page.click('button[type=submit]');
  await expect(page.getByTestId('whoami')).toBeVisible();
  return page;
}

export async function shot(page: Page, name: string) {
  await page.screenshot({
    path: join(import.meta.dirname, '..', '.reports', 'screenshots', `${name}.png`),
    fullPage: true,
  });
}
