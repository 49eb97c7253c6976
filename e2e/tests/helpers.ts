import { join } from 'node:path';
import { type Browser, expect, type Locator, type Page } from '@playwright/test';

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

/** Handwriting with a real pen on a surface (CDP pointerType pen, pressure, tilt): two strokes, about a second of ink. */
export async function penSignOn(page: Page, surface: Locator) {
  await surface.scrollIntoViewIfNeeded();
  // Pages rendering above the surface (pdf.js) move it: draw only once it has stayed put.
  let box = (await surface.boundingBox())!;
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(200);
    await surface.scrollIntoViewIfNeeded();
    const now = (await surface.boundingBox())!;
    if (now.x === box.x && now.y === box.y && now.width === box.width && now.height === box.height) break;
    box = now;
  }
  const cdp = await page.context().newCDPSession(page);
  const send = (type: string, x: number, y: number, force: number) =>
    cdp.send('Input.dispatchMouseEvent', {
      type: type as 'mouseMoved',
      x,
      y,
      button: 'left',
      buttons: type === 'mouseReleased' ? 0 : 1,
      clickCount: 1,
      pointerType: 'pen',
      force,
      tiltX: -8,
      tiltY: 12,
    });
  for (const stroke of [0, 1]) {
    const x0 = box.x + box.width * (0.2 + 0.3 * stroke);
    const y0 = box.y + box.height * 0.5;
    await send('mousePressed', x0, y0, 0.35);
    for (let i = 1; i <= 36; i++) {
      const a = (i / 36) * Math.PI * 2.5;
      await send('mouseMoved', x0 + i * 4, y0 + Math.sin(a) * 45, 0.3 + (i % 5) / 12);
      await page.waitForTimeout(8);
    }
    await send('mouseReleased', x0 + 144, y0, 0);
  }
  await cdp.detach();
}

/**
 * The doctor (demo account `doctor`) opens the envelope from the console list, accepts the handwriting notice, signs
 * the 告知医师 field of every document with a pen and submits. Returns the doctor's page.
 */
export async function doctorSignsInConsole(browser: Browser, envelopeId: string, documents: number): Promise<Page> {
  const doctor = await signedIn(browser, 'doctor');
  await doctor.goto('/console/envelopes');
  await doctor.getByTestId(`envelope-${envelopeId}`).getByTestId('staff-sign-link').click();
  await expect(doctor.getByTestId('signing-as')).toContainText('李明（医师）');
  await expect(doctor.getByTestId('staff-sign-document')).toHaveCount(documents);
  await doctor.getByTestId('staff-sign-consent').click();
  for (let n = 0; n < documents; n++) {
    await penSignOn(doctor, doctor.getByTestId('staff-sign-box-sig_doctor').first());
    await doctor.getByTestId('staff-sign-box-sig_doctor-confirm').first().click();
    await expect(doctor.getByTestId('staff-sign-field-done')).toHaveCount(n + 1);
  }
  await doctor.getByTestId('staff-sign-submit').click();
  await expect(doctor.getByTestId('staff-sign-submitted')).toBeVisible();
  return doctor;
}
