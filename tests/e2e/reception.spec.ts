// The receiver's console (R39-3, R39-6, R40, R44): the fixture `receiver` of QABYLDAU_STAFF
// signs in with its password and a TOTP code, opens "Reception", calls the next ticket to a
// room with the keyboard, records the outcome — a written appeal with its registration
// number — and finds it on control. Every request names a working day through the test
// server's clock header (worker/src/clock.rs), a day no other spec uses.
import { test, expect, request as apiRequest } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expectNoSeriousA11yViolations } from './a11y';
import { solvedChallenge } from './challenge';

const CLOCK = { 'X-Qabyldau-Test-Clock': '2027-05-12T10:00:00+05:00' };
const OFFICE = 'ulytau-region-satpayev-city';

function receiverFixture(): { login: string; password: string; totp_secret: string } {
  const file = process.env.QABYLDAU_STAFF;
  if (!file) throw new Error('QABYLDAU_STAFF is not set: run through `cargo xtask test`');
  const all = JSON.parse(readFileSync(file, 'utf8'));
  if (!all.receiver) throw new Error(`${file} has no account "receiver"`);
  return all.receiver;
}

function base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of text.replace(/\s+/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/// RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits).
function totp(secret: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

test('a receiver signs in, calls next and records a written appeal, which goes on control', async ({
  browser,
  baseURL,
}) => {
  // A ticket taken as the kiosk takes it (no personal data).
  const kiosk = await apiRequest.newContext({ baseURL, extraHTTPHeaders: CLOCK });
  const taken = await kiosk.post(`/api/v1/queue/${OFFICE}/tickets`, {
    data: { language: 'ru', out_of_town: false, priority_claim: null },
    headers: { 'X-Qabyldau-Challenge': await solvedChallenge(kiosk) },
  });
  expect(taken.status()).toBe(201);
  const number: number = (await taken.json()).ticket.number;
  await kiosk.dispose();

  const context = await browser.newContext({
    extraHTTPHeaders: CLOCK,
    viewport: { width: 320, height: 720 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const f = receiverFixture();
  await page.goto('/staff/sign-in?lang=ru');
  // A code is accepted once: a later step is tried if another run spent this one.
  const step = Math.floor(Date.now() / 30_000);
  for (const s of [step, step + 1, step + 2, step + 3]) {
    while (Math.floor(Date.now() / 30_000) < s - 1) await page.waitForTimeout(1000);
    await page.getByLabel('Логин (адрес электронной почты)').fill(f.login);
    await page.getByLabel('Пароль', { exact: true }).fill(f.password);
    await page.getByLabel('Код из аутентификатора').fill(totp(base32(f.totp_secret), s));
    await page.getByRole('button', { name: 'Войти' }).click();
    try {
      await expect(page).toHaveURL(/\/staff\?lang=ru$/, { timeout: 5_000 });
      break;
    } catch {
      if (s === step + 3) throw new Error('the fixture receiver cannot sign in');
    }
  }

  await page
    .getByRole('navigation', { name: 'Разделы консоли' })
    .getByRole('link', { name: 'Приём', exact: true })
    .click();
  await expect(page).toHaveURL(/\/staff\/reception\?lang=ru$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Приём');
  await expect(page.locator('table.queue')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the reception console (320 px)');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // Call until our ticket is called (a re-run's earlier tickets are finished on the way),
  // with the keyboard: the room, then Enter.
  await page.getByLabel('Кабинет').fill('5');
  for (;;) {
    await page.getByLabel('Кабинет').press('Enter');
    const status = page.getByRole('status').filter({ hasText: 'Вызван номер' });
    await expect(status).toBeVisible();
    const text = (await status.textContent()) || '';
    const called = Number(text.match(/Вызван номер (\d+)/)![1]);
    if (called === number) break;
    await page.getByRole('button', { name: `Приём окончен — Номер ${called}` }).click();
    await expect(page.getByRole('button', { name: `Приём окончен — Номер ${called}` })).toHaveCount(0);
  }

  await page.getByRole('button', { name: `Записать итог — Номер ${number}` }).click();
  await expect(page.getByRole('heading', { name: `Итог приёма, талон №${number}` })).toBeVisible();
  // Without the registration number the Worker refuses (R40): the form names the field.
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Регистрационный номер' })).toBeVisible();
  const registration = `E2E-${Date.now()}`;
  await page.getByLabel('Регистрационный номер').fill(registration);
  await page.getByLabel('Заявитель желает участвовать в рассмотрении (п. 41)').check();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Итог записан.' })).toContainText(
    'Обращение поставлено на контроль',
  );
  // On control (R44).
  await expect(page.locator('.control-list')).toContainText(registration);
  await expectNoSeriousA11yViolations(page, 'the outcome and the control list (320 px)');
  await context.close();
});
