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

/** A loopback HTTP receiver standing in for the HIS: collects the body of every webhook delivered to it. */
export async function startWebhookReceiver(): Promise<{
  url: string;
  events: { event: string; data: Record<string, unknown> }[];
  close: () => Promise<void>;
}> {
  const { createServer } = await import('node:http');
  const events: { event: string; data: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        events.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        // Not an event: ignored.
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/his/events`,
    events,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
