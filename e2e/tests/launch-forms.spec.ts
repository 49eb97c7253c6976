import { expect, test } from '@playwright/test';
import { shot, signedIn } from './helpers';

test('a nurse launches a 手术知情同意书 to an enrolled bedside device and sees the status change live', async ({
  browser,
}) => {
  // Admin enrolls a bedside tablet for bed 01.
  const admin = await signedIn(browser, 'admin');
  await admin.goto('/console/devices');
  await admin.fill('#device-name', '01床平板');
  await admin.locator('#device-bed').selectOption({ label: '01' });
  await admin.getByRole('button', { name: '生成注册码' }).click();
  const code = (await admin.getByTestId('enrollment-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(admin.getByTestId('enrollment').locator('svg')).toBeVisible();
  await shot(admin, 'admin-enrollment');

  // The tablet opens the QR URL and enrolls; it shows its idle screen and goes online.
  const deviceContext = await browser.newContext({ locale: 'zh-CN' });
  const device = await deviceContext.newPage();
  await device.goto(`/kiosk?enroll=${encodeURIComponent(code)}`);
  await device.getByRole('button', { name: /注册/ }).click();
  await expect(device.getByTestId('kiosk-idle')).toContainText('心胸外科一病区');
  await expect(device.getByTestId('kiosk-status')).toContainText('在线');

  // The nurse launches the surgery consent for the patient in bed 01.
  const nurse = await signedIn(browser, 'nurse');
  await nurse.getByRole('link', { name: '张建国' }).click();
  await expect(nurse.getByTestId('patient-name')).toHaveText('张建国');
  await expect(nurse.getByTestId('live-indicator')).toContainText('live');
  await nurse.getByTestId('template-surgery-consent').check();
  // The form needs the doctor's signature: a doctor row appears at once, for the nurse to name the doctor.
  await expect(nurse.locator('#role-1')).toHaveValue('doctor');
  await nurse.fill('#name-1', '李明');
  await nurse.fill('#f-diagnosis', '右肺上叶肺癌');
  await nurse.fill('#f-procedureName', '胸腔镜右肺上叶切除术');
  await nurse.fill('#f-procedureDate', '2026-11-25');
  await nurse.locator('#f-anesthesiaMethod').selectOption('全身麻醉');
  await nurse.fill('#f-surgeon', '李明');
  await nurse.fill('#f-alternatives', '立体定向放疗；化疗');
  await nurse.locator('#device').selectOption({ label: '01床平板' });
  await nurse.getByRole('button', { name: '发送' }).click();
  await expect(nurse.getByRole('status')).toHaveText('已发送');

  // The device receives it at once and opens it; the console shows "opened" without a reload.
  await expect(device.getByTestId('kiosk-envelope')).toContainText('手术知情同意书');
  await expect(device.getByTestId('kiosk-envelope')).toContainText('张建国');
  await expect(nurse.getByTestId('envelope-status').first()).toHaveAttribute('data-status', 'opened');
  await shot(nurse, 'nurse-envelope-opened');
  await shot(device, 'kiosk-envelope');

  // Cancelling withdraws it from the device, which returns to idle.
  await nurse.getByRole('button', { name: '撤销' }).first().click();
  await expect(nurse.getByTestId('envelope-status').first()).toHaveAttribute('data-status', 'cancelled');
  await expect(device.getByTestId('kiosk-idle')).toBeVisible();
});

test('a records user cannot launch forms and is told why', async ({ browser }) => {
  const records = await signedIn(browser, 'records');
  await records.getByRole('link', { name: '刘秀英' }).click();
  await records.getByTestId('template-transfusion-consent').check();
  await records.getByRole('button', { name: '发送' }).click();
  await expect(records.locator('.alert')).toContainText('无权执行此操作（403）');
  await shot(records, 'records-forbidden');
});

test('wrong password shows a readable message', async ({ page }) => {
  await page.goto('/login');
  await page.fill('#username', 'nurse');
  await page.fill('#password', 'not-the-password');
  await page.click('button[type=submit]');
  await expect(page.locator('.alert')).toHaveText('用户名或密码错误，请重试。');
});
