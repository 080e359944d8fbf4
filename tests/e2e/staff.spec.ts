// The staff console in Russian, on a desktop (1280 px) and on a phone (360 px): the first
// sign-in enrols the authenticator with the code computed from the key the page shows
// (RFC 6238, computed here with node's HMAC-SHA1), then signs out; then, on the phone, a
// wrong code is refused in Russian by the API's error code, and a sign-in with a fresh code
// from the enrolled key reaches the person's account, whose password change signs out (then
// in again with the new password). axe-core on every screen.
//
// Then an administrator (the fixture `gpo_admin`, admin and auditor of the GPO) creates an
// account for an office below, sees its initial password once and copies it, disables the
// account after a confirmation, and reads both actions in the audit trail, at 1280 px and at
// 360 px.
//
// The account is the fixture `e2e` of QABYLDAU_STAFF (target/test-staff.json, written by
// `cargo xtask test`): a registrar of ulytau-region, not yet enrolled. Enrolment happens once,
// so the two runs are serial: the phone signs in with the key the desktop enrolled, with a
// code of a later 30-second step (a code is accepted once).
import { test, expect, Page } from './fixtures';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expectNoSeriousA11yViolations } from './a11y';

type StaffFixture = {
  login: string;
  password: string;
  totp_secret: string;
  office_id: string;
  roles: string[];
};

function fixture(key: string): StaffFixture {
  const file = process.env.QABYLDAU_STAFF;
  if (!file) throw new Error('QABYLDAU_STAFF is not set: run through `cargo xtask test`');
  const all = JSON.parse(readFileSync(file, 'utf8'));
  if (!all[key]) throw new Error(`${file} has no account "${key}"`);
  return all[key];
}

/// RFC 4648 base32 (no padding; spaces and case ignored).
function base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.replace(/\s+/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of clean) {
    const i = alphabet.indexOf(c);
    if (i < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

const STEP_SECONDS = 30;
const stepNow = () => Math.floor(Date.now() / 1000 / STEP_SECONDS);

/// RFC 6238: HOTP (RFC 4226, HMAC-SHA1, dynamic truncation, 6 digits) of the 30-second step.
function totp(secret: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

test('totp matches the RFC 6238 SHA-1 vectors (6 digits)', () => {
  const secret = Buffer.from('12345678901234567890');
  expect(totp(secret, Math.floor(59 / 30))).toBe('287082');
  expect(totp(secret, Math.floor(1111111109 / 30))).toBe('081804');
  expect(totp(secret, Math.floor(1234567890 / 30))).toBe('005924');
  expect(base32('GEZD GNBV gy3tqojq')).toEqual(Buffer.from('1234567890'));
});

/// What the desktop run enrolled, for the phone run.
let enrolled: { secret: Buffer; step: number } | undefined;

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/staff\/sign-in\?lang=ru$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вход в систему');
  await expect(page.getByRole('status').filter({ hasText: 'Вы вышли из системы.' })).toBeVisible();
  // Signed out on the server too: `me` answers 401.
  const me = await page.request.get('/api/v1/staff/me');
  expect(me.status()).toBe(401);
}

/// Nothing of the staff side is kept in the browser's storage: only the language.
async function expectNoStaffDataStored(page: Page) {
  const keys = await page.evaluate(() => [
    ...Object.keys(window.localStorage),
    ...Object.keys(window.sessionStorage),
  ]);
  expect(keys.filter((k) => k !== 'qabyldau.lang')).toEqual([]);
}

test.describe.serial('staff console in Russian', () => {
  test.describe('desktop, 1280 px', () => {
    test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, locale: 'ru-RU' });

    test('first sign-in: enrol the authenticator with the shown key, then sign out', async ({ page }) => {
      const account = fixture('e2e');

      // Any console path without a session leads to sign-in; the page is never cached.
      const response = await page.goto('/staff/account?lang=ru');
      expect(response!.status()).toBe(200);
      expect(response!.headers()['cache-control']).toBe('no-store');
      await expect(page).toHaveURL(/\/staff\/sign-in\?lang=ru$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вход в систему');
      await expectNoSeriousA11yViolations(page, 'sign-in (1280 px)');

      await page.getByRole('link', { name: 'Входите впервые? Настройте аутентификатор' }).click();
      await expect(page).toHaveURL(/\/staff\/enrolment\?lang=ru$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Настройка аутентификатора');

      // Nothing filled in: the fields say so in Russian, nothing is sent.
      await page.getByRole('button', { name: 'Продолжить' }).click();
      await expect(page.locator('#login-error')).toHaveText('Заполните это поле.');
      await expect(page.getByLabel('Логин (адрес электронной почты)')).toHaveAttribute('aria-invalid', 'true');

      await page.getByLabel('Логин (адрес электронной почты)').fill(account.login);
      await page.getByLabel('Пароль', { exact: true }).fill(account.password);
      await page.getByRole('button', { name: 'Продолжить' }).click();

      // The step's heading takes the focus from the form that is gone.
      await expect(page.getByRole('heading', { level: 2, name: 'Добавьте ключ в аутентификатор' })).toBeFocused();
      // The QR code as an image of the server's SVG, and the key in groups of four.
      const qr = page.getByRole('img', { name: 'QR-код для приложения-аутентификатора' });
      await expect(qr).toBeVisible();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;/);
      const shown = (await page.locator('code.secret').innerText()).trim();
      expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
      await expect(page.getByRole('button', { name: 'Копировать: Ключ' })).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'enrolment (1280 px)');

      const secret = base32(shown);
      const step = stepNow();
      await page.getByLabel('Код из аутентификатора').fill(totp(secret, step));
      await page.getByRole('button', { name: 'Подтвердить и войти' }).click();

      // Signed in: the home screen with the registrar's sections only.
      await expect(page).toHaveURL(/\/staff\?lang=ru$/);
      const nav = page.getByRole('navigation', { name: 'Разделы консоли' });
      await expect(nav.getByRole('link', { name: 'Моя учётная запись' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Журнал аудита' })).toHaveCount(0);
      await expect(nav.getByRole('link', { name: 'Учётные записи' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible();
      await expectNoSeriousA11yViolations(page, 'home (1280 px)');
      await expectNoStaffDataStored(page);
      enrolled = { secret, step };

      await signOut(page);
    });
  });

  test.describe('phone, 360 px', () => {
    test.use({ viewport: { width: 360, height: 740 }, locale: 'ru-RU' });

    test('sign in with a fresh code, see the account, change the password, sign out', async ({ page }) => {
      expect(enrolled, 'the desktop run enrols the account first (serial)').toBeTruthy();
      test.setTimeout(120_000);
      const account = fixture('e2e');
      const { secret, step } = enrolled!;

      await page.goto('/staff?lang=ru');
      await expect(page).toHaveURL(/\/staff\/sign-in\?lang=ru$/);
      await expectNoSeriousA11yViolations(page, 'sign-in (360 px)');

      // A wrong code: the one answer for any wrong input, in Russian.
      await page.getByLabel('Логин (адрес электронной почты)').fill(account.login);
      await page.getByLabel('Пароль', { exact: true }).fill(account.password);
      const wrong = totp(secret, step + 100);
      await page.getByLabel('Код из аутентификатора').fill(wrong);
      await page.getByRole('button', { name: 'Войти' }).click();
      await expect(page.getByRole('alert')).toContainText(
        'Неверный логин, пароль или код. Проверьте и попробуйте снова.',
      );
      await expect(page).toHaveURL(/\/staff\/sign-in\?lang=ru$/);
      await expectNoSeriousA11yViolations(page, 'sign-in refused (360 px)');

      // The enrolment's code is spent: wait for the next 30-second step.
      while (stepNow() <= step) await page.waitForTimeout(1000);
      await page.getByLabel('Пароль', { exact: true }).fill(account.password);
      await page.getByLabel('Код из аутентификатора').fill(totp(secret, stepNow()));
      await page.getByRole('button', { name: 'Войти' }).click();
      await expect(page).toHaveURL(/\/staff\?lang=ru$/);
      await expectNoSeriousA11yViolations(page, 'home (360 px)');

      await page
        .getByRole('navigation', { name: 'Разделы консоли' })
        .getByRole('link', { name: 'Моя учётная запись' })
        .click();
      await expect(page).toHaveURL(/\/staff\/account\?lang=ru$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Моя учётная запись');
      await expect(page.locator('dl.facts')).toContainText('Регистратор (ответственный сотрудник, Центр)');
      await expect(page.locator('dl.facts')).toContainText('Прокуратура');
      await expect(page.getByRole('heading', { level: 2, name: 'Смена пароля' })).toBeVisible();
      // Nothing wider than the phone's screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(360);
      await expectNoSeriousA11yViolations(page, 'own account (360 px)');
      await expectNoStaffDataStored(page);

      // A password change ends the session: signed in again with the new password.
      const newPassword = `${account.password}-new`;
      await page.getByLabel('Текущий пароль').fill(`${account.password}-wrong`);
      await page.getByLabel('Новый пароль', { exact: true }).fill(newPassword);
      await page.getByLabel('Повторите новый пароль').fill(newPassword);
      await page.getByRole('button', { name: 'Сменить пароль' }).click();
      await expect(page.getByRole('alert')).toHaveText('Текущий пароль указан неверно.');
      await page.getByLabel('Текущий пароль').fill(account.password);
      await page.getByRole('button', { name: 'Сменить пароль' }).click();
      await expect(page).toHaveURL(/\/staff\/sign-in\?lang=ru$/);
      await expect(page.getByRole('status').filter({ hasText: 'Пароль изменён.' })).toBeVisible();
      const used = stepNow();
      await page.getByLabel('Логин (адрес электронной почты)').fill(account.login);
      await page.getByLabel('Пароль', { exact: true }).fill(newPassword);
      while (stepNow() <= used) await page.waitForTimeout(1000);
      await page.getByLabel('Код из аутентификатора').fill(totp(secret, stepNow()));
      await page.getByRole('button', { name: 'Войти' }).click();
      await expect(page).toHaveURL(/\/staff\?lang=ru$/);

      await signOut(page);
    });
  });
});

test.describe('administrator, in Russian', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, locale: 'ru-RU' });

  test('create an account below, copy its initial password, disable it, read the audit trail', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const admin = fixture('gpo_admin');
    const secret = base32(admin.totp_secret);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    // A step no earlier sign-in of this account (the API tests') can have used.
    const start = stepNow();
    await page.goto('/staff/sign-in?lang=ru');
    await page.getByLabel('Логин (адрес электронной почты)').fill(admin.login);
    await page.getByLabel('Пароль', { exact: true }).fill(admin.password);
    while (stepNow() <= start) await page.waitForTimeout(1000);
    await page.getByLabel('Код из аутентификатора').fill(totp(secret, stepNow()));
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page).toHaveURL(/\/staff\?lang=ru$/);
    // A reload keeps the session (the cookie); a trailing slash finds the home screen.
    await page.goto('/staff/?lang=ru');
    await expect(page.getByRole('paragraph').filter({ hasText: 'Выберите раздел.' })).toBeVisible();
    await expect(page).toHaveURL(/\/staff\/\?lang=ru$/);

    const nav = page.getByRole('navigation', { name: 'Разделы консоли' });
    await nav.getByRole('link', { name: 'Учётные записи' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Учётные записи');
    await expect(page.locator('table.accounts')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'accounts (1280 px)');

    // Nothing chosen: each field says what it needs.
    await page.getByRole('button', { name: 'Создать учётную запись' }).click();
    await expect(page.locator('#new-login-error')).toHaveText('Заполните это поле.');
    await expect(page.locator('#new-roles-error')).toHaveText('Выберите хотя бы одну роль.');

    const login = `e2e-console-${Date.now()}@test.qabyldau.kz`;
    await page.getByLabel('Логин (адрес электронной почты)').fill(login);
    await page.getByLabel('Имя').fill('Тест Консоль');
    await page.getByLabel('Орган прокуратуры').selectOption('ulytau-region');
    await page.getByLabel('Регистратор (ответственный сотрудник, Центр)').check();
    await page.getByRole('button', { name: 'Создать учётную запись' }).click();

    // The initial password, once, with the warning and a copy button that works.
    const created = page.locator('section.created');
    await expect(created.getByRole('heading', { level: 2 })).toHaveText(`Учётная запись ${login} создана.`);
    await expect(created).toBeFocused();
    const password = (await created.locator('code.initial-password').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(20);
    await expect(created).toContainText('Пароль показывается только сейчас, один раз.');
    await created.getByRole('button', { name: 'Копировать: Начальный пароль' }).click();
    await expect(created.getByRole('status')).toHaveText('Скопировано.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
    await expectNoSeriousA11yViolations(page, 'account created (1280 px)');
    await created.getByRole('button', { name: 'Передан, скрыть' }).click();
    await expect(created).toHaveCount(0);

    // Disabled after a confirmation that says what it does.
    const row = page.locator('table.accounts tr', { has: page.getByRole('rowheader', { name: login }) });
    await expect(row).toContainText('Активна');
    await row.getByRole('button', { name: `Отключить: ${login}` }).click();
    await expect(row).toContainText(`Отключить учётную запись ${login}? Все её сеансы завершатся`);
    await row.getByRole('button', { name: 'Да, отключить' }).click();
    await expect(row).toContainText('Отключена');
    await expect(row.getByRole('button')).toHaveCount(0);

    // Both actions in the audit trail, filtered by the office they concern.
    await nav.getByRole('link', { name: 'Журнал аудита' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Журнал аудита');
    await page.getByLabel('Орган прокуратуры').selectOption('ulytau-region');
    await page.getByRole('button', { name: 'Показать' }).click();
    const trail = page.locator('table.audit');
    await expect(trail).toContainText('Создание учётной записи');
    await expect(trail).toContainText('Отключение учётной записи');
    await expectNoSeriousA11yViolations(page, 'audit trail (1280 px)');

    // On a phone the table is one card per row, nothing wider than the screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(trail.locator('thead')).not.toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoSeriousA11yViolations(page, 'audit trail (360 px)');
    await nav.getByRole('link', { name: 'Учётные записи' }).click();
    await expect(page.locator('table.accounts')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoSeriousA11yViolations(page, 'accounts (360 px)');

    await signOut(page);
  });
});
