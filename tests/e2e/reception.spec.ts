// The receiver's console (R39-3, R39-6, R40, R44): the fixture `receiver` of QABYLDAU_STAFF
// signs in with its password and a TOTP code, opens "Reception", calls the next ticket to a
// room with the keyboard, records the outcome — a written appeal with its registration
// number — and finds it on control. Every request names a working day through the test
// server's clock header (worker/src/clock.rs), a day no other spec uses.
//
// Then an official of ulytau-region (an account of its own, made and enrolled through the
// API) on the day of three confirmed bookings with the fixture head: the outcome of the
// first is a written appeal (R40), which goes on control (R44), is assigned to an employee
// (R42), given another due date with a reason (R44) and taken off control with the answer's
// reference and how the applicant was told (R42); an appeal of the same person on the same
// matter is not assigned to the one who decided the first (R42, said with its clause); the
// second is referred to the fixture deputy (R39-8) through the desk's booking form, and the
// booking made shows its code and manage link once. All at 320 px, with axe on each screen.
import { test, expect, request as apiRequest, Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { solvedChallenge } from './challenge';
import {
  admissibleAnswers,
  base32,
  book,
  consoleHeaders,
  fixture,
  newAccounts,
  randomIin,
  stepNow,
  totp,
} from './staff-auth';

const CLOCK = { 'X-Qabyldau-Test-Clock': '2027-05-12T10:00:00+05:00' };
const OFFICE = 'ulytau-region-satpayev-city';

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
  const f = fixture('receiver');
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
  await page.getByLabel('Регистрационный номер', { exact: true }).fill(registration);
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

const REGION = 'ulytau-region';
/// The booking fixture's regional head and deputy (tests/fixtures/booking-schedules.csv).
const HEAD = 'ulytau-region-test-head';
const DEPUTY_NAME = 'Сынақ-Тестова Әсел';

/// The Almaty date (UTC+5) of an instant.
const almatyDate = (instant: string) => new Date(Date.parse(instant) + 5 * 3_600_000).toISOString().slice(0, 10);

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function signIn(page: Page, login: string, password: string, secret: Buffer) {
  await page.goto('/staff/sign-in?lang=ru');
  await page.getByLabel('Логин (адрес электронной почты)').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByLabel('Код из аутентификатора').fill(totp(secret, stepNow()));
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/staff\?lang=ru$/);
}

test('an official records the outcomes of bookings: an appeal on control assigned, re-dated and closed; a referral booked', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const api = await apiRequest.newContext({ baseURL });
  // The head's first in-person reception open for registration with room for three.
  const schedule = await api.get(`/api/v1/offices/${REGION}/schedule`, { headers: { 'Cache-Control': 'no-cache' } });
  expect(schedule.status()).toBe(200);
  const reception = (await schedule.json()).receptions.find(
    (r: any) =>
      r.official_id === HEAD && r.registration.state === 'open' && r.format === 'in_person' && r.booked + 3 <= r.capacity,
  );
  expect(reception, 'an open reception of the fixture head').toBeTruthy();
  const day = almatyDate(reception.start);
  const head = await admissibleAnswers(api, 'regional_head');
  const deputy = await admissibleAnswers(api, 'regional_deputy');
  const [appealed, referred, repeated] = [
    (await book(api, reception.id, head, 'Бақылаудағы')).code,
    (await book(api, reception.id, head, 'Жіберілген')).code,
    (await book(api, reception.id, head, 'Қайталанған')).code,
  ];
  const stamp = Date.now();
  const [official, employee] = await newAccounts(api, baseURL!, REGION, [
    { roles: ['registrar', 'official'], name: `Тест Ресми ${stamp}` },
    { roles: ['official'], name: `Тест Орындаушы ${stamp}` },
  ]);
  await api.dispose();

  // The official's day: every request of the console names the bookings' day.
  const context = await browser.newContext({
    extraHTTPHeaders: { 'X-Qabyldau-Test-Clock': `${day}T12:00:00+05:00` },
    viewport: { width: 320, height: 720 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await signIn(page, official.login, official.password, official.secret);
  // Confirmed by the official as registrar (the decision is the requests screen's, tested in
  // decisions.spec.ts).
  for (const code of [appealed, referred, repeated]) {
    const confirmed = await context.request.post(`/api/v1/staff/bookings/${code}/decision`, {
      headers: consoleHeaders(baseURL!),
      data: { decision: 'confirm' },
    });
    expect(confirmed.status(), await confirmed.text()).toBe(200);
  }

  await page
    .getByRole('navigation', { name: 'Разделы консоли' })
    .getByRole('link', { name: 'Приём', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Приём');

  // A booking received: its code, with the keyboard.
  const code = page.getByLabel('Код записи');
  await code.fill('');
  await code.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Заполните: «Код записи»' })).toBeVisible();
  await code.fill(appealed.toLowerCase());
  await code.press('Enter');
  const outcome = page.getByRole('heading', { name: `Итог приёма по записи ${appealed}` });
  await expect(outcome).toBeVisible();
  await expect(outcome).toBeFocused();
  const registration = `E2E-B-${stamp}`;
  await page.getByLabel('Регистрационный номер', { exact: true }).fill(registration);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Итог записан.' })).toContainText(
    'Обращение поставлено на контроль',
  );

  // On control (R44): assigned to an employee (R42).
  const card = page.locator('article.appeal').filter({ hasText: registration });
  await expect(card).toBeVisible();
  await expect(card.locator('.assignee')).toHaveText('не назначен');
  await expectNoSeriousA11yViolations(page, 'a booking\'s outcome and the control list (320 px)');
  await card.locator('summary', { hasText: 'Назначение исполнителя (п. 42)' }).press('Enter');
  await card.getByLabel('Исполнитель').selectOption({ label: employee.name });
  await card.getByRole('button', { name: 'Назначить' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Исполнитель назначен.' })).toBeVisible();
  await expect(card.locator('.assignee')).toHaveText(employee.name);

  // Another due date: only with a reason (R44).
  const due = addDays(day, 40);
  await card.locator('summary', { hasText: 'Изменение срока рассмотрения (п. 44)' }).press('Enter');
  await card.getByLabel('Новый срок').fill(due);
  await card.getByRole('button', { name: 'Изменить срок' }).click();
  await expect(card.getByRole('alert')).toHaveText('Заполните: «Причина изменения срока»');
  await card.getByLabel('Причина изменения срока').fill('Истребованы материалы из суда.');
  await expectNoSeriousA11yViolations(page, 'the appeal\'s actions open (320 px)');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await card.getByRole('button', { name: 'Изменить срок' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Срок изменён.' })).toBeVisible();
  await expect(card.getByRole('heading', { level: 3 })).toContainText(due);
  // The change is listed with its old and new date, its reason and who made it.
  await expect(card).toContainText('Изменения срока (прежний → новый: причина):');
  const change = card.getByRole('listitem').filter({ hasText: 'Истребованы материалы из суда.' });
  await expect(change).toContainText(`→ ${due}: Истребованы материалы из суда. (Тест Ресми`);

  // Taken off control with the final answer and how the applicant was told (R42, R44).
  await card.locator('summary', { hasText: 'Снятие с контроля' }).press('Enter');
  await card.getByLabel('Исходящий номер окончательного ответа').fill(`12-04/${stamp}`);
  await card.getByLabel('Дата ответа').fill(day);
  await card.getByLabel('Как заявитель уведомлён (п. 42)').selectOption('in_person');
  await card.getByLabel('Номер письма или запись об уведомлении').fill('Вручено под роспись');
  await card.getByRole('button', { name: 'Снять с контроля' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Обращение снято с контроля.' })).toBeVisible();
  await expect(card).toHaveCount(0);

  // The same person again on the same matter, linked on the screen by the first appeal's
  // registration number: the employee who decided the first is refused (R42), said with the
  // clause.
  const repeat = `E2E-R-${stamp}`;
  await page.getByLabel('Код записи').fill(repeated);
  await page.getByRole('button', { name: 'Записать итог', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Итог приёма по записи ${repeated}` })).toBeVisible();
  await page.getByLabel('Регистрационный номер', { exact: true }).fill(repeat);
  // An earlier appeal this office never registered is named as the field at fault.
  await page.getByLabel('Регистрационный номер прежнего обращения этого лица по тому же вопросу (если есть)').fill(`НЕТ-${stamp}`);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.locator('section:has(#outcome-heading) p.status.error')).toBeVisible();
  await page.getByLabel('Регистрационный номер прежнего обращения этого лица по тому же вопросу (если есть)').fill(registration);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Итог записан.' })).toContainText(
    'Обращение поставлено на контроль',
  );
  const second = page.locator('article.appeal').filter({ hasText: repeat });
  await second.locator('summary', { hasText: 'Назначение исполнителя (п. 42)' }).click();
  await second.getByLabel('Исполнитель').selectOption({ label: employee.name });
  await second.getByRole('button', { name: 'Назначить' }).click();
  await expect(second.getByRole('alert')).toHaveText(
    'Этот сотрудник решал прежнее обращение этого лица по тому же вопросу (п. 42).',
  );
  await expect(second.locator('.assignee')).toHaveText('не назначен');
  await expectNoSeriousA11yViolations(page, 'the R42 refusal (320 px)');

  // The second booking referred to the deputy (R39-8): the desk's form, the code shown once.
  await page.getByLabel('Код записи').fill(referred);
  await page.getByRole('button', { name: 'Записать итог', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Итог приёма по записи ${referred}` })).toBeVisible();
  await page.getByLabel('Направлен к другому должностному лицу (п. 39-8)').check();
  await page.locator('#referral-official').selectOption({ label: DEPUTY_NAME });
  await page.locator('#referral-reception').selectOption({ index: 1 });
  await page.getByLabel('ИИН', { exact: true }).fill(randomIin());
  await page.getByLabel('Фамилия', { exact: true }).fill('Жіберілген');
  await page.getByLabel('Имя', { exact: true }).fill('Нұрлан');
  await page.getByLabel('Телефон').fill('+77011234567');
  await page
    .getByLabel('Суть вопроса (R3.c)')
    .fill('Әлеуметтік төлемдер бойынша әкімдіктің шешіміне шағым, орынбасардың құзыретіне жатады.');
  const asked = page.locator('fieldset.referral fieldset.question');
  await expect(asked.first()).toBeVisible();
  for (const id of await asked.evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!))) {
    const answer = deputy[id] ?? 'no';
    await page.locator(`fieldset.referral fieldset[data-question="${id}"] label[data-answer="${answer}"] input`).check();
  }
  await expectNoSeriousA11yViolations(page, 'the referral form (320 px)');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  const made = page.locator('section.referral-made');
  await expect(made).toBeVisible();
  await expect(made).toBeFocused();
  const referralCode = (await made.getByRole('heading', { level: 2 }).innerText()).trim();
  expect(referralCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(referralCode).not.toBe(referred);
  await expect(made).toContainText('заявитель записан к другому должностному лицу');
  await expect(made).toContainText('Ссылка показывается только сейчас, один раз');
  const link = (await made.locator('code.manage-link').innerText()).trim();
  expect(link).toContain(`/bookings/${referralCode}#t=`);
  await expectNoSeriousA11yViolations(page, 'the referral booked (320 px)');
  // The person's link opens the booking, with the deputy.
  const token = link.split('#t=')[1];
  const opened = await context.request.get(`/api/v1/bookings/${referralCode}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(opened.status(), await opened.text()).toBe(200);
  expect(JSON.stringify(await opened.json())).toContain('ulytau-region-test-deputy');
  await made.getByRole('button', { name: 'Готово' }).click();
  await expect(made).toHaveCount(0);
  await context.close();
});
