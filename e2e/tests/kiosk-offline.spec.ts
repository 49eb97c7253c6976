import { expect, test } from '@playwright/test';
import { shot, signedIn, startWebhookReceiver } from './helpers';
import { consenter, enrollKiosk, identity, launch, penSign, read, useFilmedIdCard } from './kiosk-helpers';
import { HIS_HEADERS } from './verify-outputs';

// Offline at the bedside: a finished submission or decline waits in the kiosk's outbox and reaches the server once.
useFilmedIdCard('inkproof-e2e-kiosk-idcard.mjpeg');

test('a submission made offline survives a reload and reaches the server exactly once', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const { context, kiosk } = await enrollKiosk(browser, '01床离线测试');
  const envelopeId = await launch(request, kiosk, ['surgery-consent']);
  await kiosk.getByRole('button', { name: '开始' }).click();
  // The patient signs personally and refuses biometric processing: no face photo, shape-only ink.
  await kiosk.getByRole('button', { name: '下一步' }).click();
  await kiosk.getByRole('button', { name: '我不同意' }).click();
  await identity(kiosk, 'staff', false);
  await read(kiosk, '手术知情同意书');
  await penSign(kiosk, 'sign-surface');
  await kiosk.getByRole('button', { name: '确认签名' }).click();
  await kiosk.getByRole('button', { name: '跳过此步' }).click();
  await expect(kiosk.getByTestId('step-confirm')).toBeVisible();

  const statuses: number[] = [];
  context.on('response', (r) => {
    if (r.url().endsWith('/api/device/submissions') && r.request().method() === 'POST') statuses.push(r.status());
  });
  await context.setOffline(true);
  await kiosk.getByRole('button', { name: '确认提交' }).click();
  await expect(kiosk.getByTestId('saved-offline')).toBeVisible({ timeout: 20_000 });
  await shot(kiosk, 'kiosk-saved-offline');
  await kiosk.getByRole('button', { name: 'OK' }).click();
  await expect(kiosk.getByTestId('kiosk-pending-uploads')).toHaveAttribute('data-count', '1');
  // Reloading while offline fails (no page), the stored submission does not.
  await kiosk.reload().catch(() => undefined);
  await context.setOffline(false);
  await kiosk.goto('/kiosk');
  await expect(kiosk.getByTestId('kiosk-idle')).toBeVisible();
  await expect(kiosk.getByTestId('kiosk-pending-uploads')).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await consenter(request, envelopeId))?.status).toBe('signed');
  // Chromium's offline emulation may still deliver a request whose answer it then drops, and an answer arriving
  // while the page reloads is not reported at all; whatever the browser saw, every answer it got was 202 or 200 and
  // the server holds exactly one sealed signing for the patient.
  expect(statuses.every((s) => s === 200 || s === 202)).toBe(true);
  await expect
    .poll(
      async () =>
        (
          (await (await request.get(`/api/v1/envelopes/${envelopeId}`, { headers: HIS_HEADERS })).json()) as {
            bundles: unknown[];
          }
        ).bundles.length,
      { timeout: 90_000 },
    )
    .toBe(1);
  expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(1);
  await expect(kiosk.getByTestId('kiosk-rejected-uploads')).toHaveCount(0);

  // The patient has signed; only the doctor's signature (from the console) is left: the kiosk stays idle, even after
  // a reload, instead of offering a sitting with no slot to fill.
  const his = await (await request.get(`/api/v1/envelopes/${envelopeId}`, { headers: HIS_HEADERS })).json();
  expect((his.signers as { role: string; status: string }[]).find((s) => s.role === 'doctor')?.status).toBe('pending');
  await kiosk.reload();
  await expect(kiosk.getByTestId('kiosk-idle')).toBeVisible();
  await expect(kiosk.getByTestId('kiosk-envelope')).toHaveCount(0);
  await context.close();
});

test('a decline made offline survives a reload and declines the envelope exactly once', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const receiver = await startWebhookReceiver();
  const hook = await request.post('/api/v1/webhooks', {
    headers: HIS_HEADERS,
    data: { url: receiver.url, events: ['envelope.declined'] },
  });
  expect(hook.status(), await hook.text()).toBe(201);
  const { context, kiosk } = await enrollKiosk(browser, '01床离线拒签');
  const envelopeId = await launch(request, kiosk, ['surgery-consent']);
  const envelope = async () => (await request.get(`/api/v1/envelopes/${envelopeId}`, { headers: HIS_HEADERS })).json();
  await kiosk.getByRole('button', { name: '开始' }).click();
  await kiosk.getByRole('button', { name: '下一步' }).click();
  await expect(kiosk.getByTestId('step-consent')).toBeVisible();

  // Offline; and since Chromium's offline emulation may still deliver a request in flight, declines are also cut
  // at the browser boundary until the network is back.
  let networkBack = false;
  // Back online, the first upload reaches the server but its answer is lost; the retry of the same stored decline
  // is answered as a success (replayed), not an error.
  const answers: { http: number; replayed?: boolean }[] = [];
  await kiosk.route(`**/api/device/envelopes/${envelopeId}/decline`, async (route) => {
    if (!networkBack) return route.abort('internetdisconnected');
    const response = await route.fetch();
    answers.push({ http: response.status(), replayed: (await response.json()).replayed });
    if (answers.length === 1) await route.abort('connectionreset');
    else await route.fulfill({ response });
  });
  await context.setOffline(true);
  await kiosk.getByRole('button', { name: '拒绝签署' }).click();
  await kiosk.fill('#decline-reason', '想再和家人商量');
  await kiosk.getByRole('button', { name: '确认拒绝' }).click();
  await expect(kiosk.getByTestId('kiosk-declined')).toBeVisible({ timeout: 20_000 });
  await expect(kiosk.getByTestId('saved-offline')).toBeVisible();
  await shot(kiosk, 'kiosk-declined-offline');
  expect((await envelope()).status).not.toBe('declined');
  await kiosk.getByRole('button', { name: 'OK' }).click();
  // Waiting in the outbox: counted on the idle screen, and the envelope is not offered again meanwhile.
  await expect(kiosk.getByTestId('kiosk-pending-declines')).toHaveAttribute('data-count', '1');
  await expect(kiosk.getByTestId('kiosk-envelope')).toHaveCount(0);
  await kiosk.reload().catch(() => undefined);
  networkBack = true;
  await context.setOffline(false);
  await kiosk.goto('/kiosk');
  await expect(kiosk.getByTestId('kiosk-idle')).toBeVisible();
  await expect(kiosk.getByTestId('kiosk-pending-declines')).toHaveCount(0, { timeout: 30_000 });
  // (Which answer says `replayed: false` depends on whether the fetch layer itself retried the lost one.)
  expect(answers.length).toBeGreaterThanOrEqual(2);
  expect(answers.every((a) => a.http === 200)).toBe(true);
  expect(answers.at(-1)?.replayed).toBe(true);
  await expect(kiosk.getByTestId('kiosk-rejected-uploads')).toHaveCount(0);
  expect(await envelope()).toMatchObject({ status: 'declined', statusReason: '想再和家人商量' });
  expect(await consenter(request, envelopeId)).toMatchObject({ status: 'declined' });

  // Exactly once for the hospital system (one envelope.declined event) and in the console.
  const declinedEvents = () =>
    receiver.events.filter((e) => e.event === 'envelope.declined' && e.data.envelopeId === envelopeId);
  await expect.poll(() => declinedEvents().length, { timeout: 30_000 }).toBe(1);
  const nurse = await signedIn(browser, 'nurse');
  await nurse.goto('/console/envelopes');
  await expect(nurse.getByTestId(`envelope-${envelopeId}`).getByTestId('envelope-status')).toHaveAttribute(
    'data-status',
    'declined',
  );
  await nurse.waitForTimeout(2000);
  expect(declinedEvents()).toHaveLength(1);
  await nurse.context().close();
  await receiver.close();
  await context.close();
});
