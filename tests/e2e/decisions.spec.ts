// The responsible officer's work (R15, R30; R18, R31, R32) end to end, in Russian at 1280 px:
// two requests made through the public API to a regional head of ulytau-region (in Kazakh,
// fresh IINs); a registrar of ulytau-region signs in, sees both in the inbox, refuses one on
// the ground R31(3) borrows from R17(4) (the missed cassation deadline: `R31.3 (R17.4)`, the
// rule set of a regional official) with an explanation in the applicant's language, and
// confirms the other. The applicant's manage page in Kazakh then shows the refusal with its
// clause, the explanation and the alternatives, and the confirmation; the registration list
// shows the confirmed person only, and prints (print media) with Kazakh and Russian headings.
//
// Then the desk and the administration: a paper request without the substance of the matter
// is returned (R3.c) and its manage link copied, a call-centre one held then released with a
// reason the applicant reads (the entry form at 320 px too); an administrator cancels a date
// with two active bookings after seeing them, both applicants read why and the schedule
// drops it, and the other admin screens open; the units' agreement recorded before
// confirming (R33) and a request delegated to the deputy (R27), the inbox at 320 px; the
// Centre forwards a request to a regional office (R3.d) and the applicant sees the new
// office. axe-core on every screen.
//
// The registrar is an account of its own, made through the API by the fixture `gpo_admin`
// (QABYLDAU_STAFF) and enrolled through the API: the fixture `e2e` belongs to staff.spec.ts,
// whose first sign-in enrols it and whose password change renames its password, so this spec
// runs the same whether or not staff.spec.ts ran before it.
import { test, expect, APIRequestContext, Page, request as playwrightRequest } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { admissibleAnswers, base32, book, clientIp, fixture, randomIin, stepNow, totp } from './staff-auth';

const OFFICE = 'ulytau-region';
/// The booking fixture's regional head (tests/fixtures/booking-schedules.csv).
const HEAD = 'ulytau-region-test-head';
/// The ground of a regional head's rule set that borrows R17(4) (rules::ruleset, R31.3).
const GROUND = 'R31.3 (R17.4)';

/// The head's first reception open for registration with places for two.
async function openReception(api: APIRequestContext): Promise<string> {
  const response = await api.get(`/api/v1/offices/${OFFICE}/schedule`, {
    headers: { 'Cache-Control': 'no-cache' },
  });
  expect(response.status()).toBe(200);
  const s = await response.json();
  const r = s.receptions.find(
    (r: any) =>
      r.official_id === HEAD &&
      r.registration.state === 'open' &&
      r.format === 'in_person' &&
      r.booked + 2 <= r.capacity,
  );
  expect(r, 'an open reception of the fixture head').toBeTruthy();
  return r.id;
}

/// The console's headers of a state-changing request: the marker and this origin.
const CONSOLE = {
  'X-Qabyldau-Staff': '1',
  Origin: new URL(process.env.QABYLDAU_URL ?? 'http://127.0.0.1').origin,
  'CF-Connecting-IP': clientIp(),
};

/// The fixture admin's next code: a step no earlier sign-in of the account (the API tests',
/// staff.spec.ts's, this spec's) can have used.
async function adminCode() {
  const admin = fixture('gpo_admin');
  const start = stepNow();
  while (stepNow() <= start) await new Promise((r) => setTimeout(r, 1000));
  return { ...admin, code: totp(base32(admin.totp_secret), stepNow()) };
}

/// A registrar of `office` (ulytau-region unless said), made and enrolled through the API
/// by the fixture admin.
async function newRegistrar(api: APIRequestContext, office = OFFICE) {
  const admin = await adminCode();
  const signIn = await api.post('/api/v1/staff/session', {
    headers: CONSOLE,
    data: { login: admin.login, password: admin.password, code: admin.code },
  });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const login = `e2e-decisions-${Date.now()}@test.qabyldau.kz`;
  const created = await api.post('/api/v1/staff/accounts', {
    headers: CONSOLE,
    data: { login, name: 'Тест Шешім', office_id: office, roles: ['registrar'] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const password = (await created.json()).initial_password as string;
  const enrolled = await api.post('/api/v1/staff/enrolment', {
    headers: CONSOLE,
    data: { login, password },
  });
  expect(enrolled.status(), await enrolled.text()).toBe(200);
  return { login, password, secret: base32((await enrolled.json()).secret) };
}

async function signIn(page: Page, login: string, password: string, code: string) {
  await page.goto('/staff/sign-in?lang=ru');
  await page.getByLabel('Логин (адрес электронной почты)').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByLabel('Код из аутентификатора').fill(code);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/staff\?lang=ru$/);
}

test.describe('the responsible officer decides, in Russian at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, locale: 'ru-RU' });

  test('refuse one request on R31.3 (R17.4), confirm another; the applicant sees each in Kazakh; the list prints in kk and ru', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const api = await playwrightRequest.newContext({ baseURL });
    const reception = await openReception(api);
    const answers = await admissibleAnswers(api, 'regional_head');
    const refused = await book(api, reception, answers, 'Бас-Тартылған');
    const confirmed = await book(api, reception, answers, 'Расталған');
    const registrar = await newRegistrar(api);
    await api.dispose();

    // Sign-in: the enrolment spent no code.
    await signIn(page, registrar.login, registrar.password, totp(registrar.secret, stepNow()));

    // The inbox: both requests, with their due dates.
    const nav = page.getByRole('navigation', { name: 'Разделы консоли' });
    await nav.getByRole('link', { name: 'Заявки', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Заявки на личный приём');
    const inbox = page.locator('table.list-table');
    await expect(inbox.getByRole('button', { name: `Открыть заявку ${refused.code}` })).toBeVisible();
    await expect(inbox.getByRole('button', { name: `Открыть заявку ${confirmed.code}` })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'requests inbox (1280 px)');

    // Refuse the first: nothing chosen is refused by the console itself, then the ground.
    await inbox.getByRole('button', { name: `Открыть заявку ${refused.code}` }).click();
    const detail = page.locator('section.request-detail');
    await expect(detail.getByRole('heading', { level: 2 })).toHaveText(`Заявка ${refused.code}`);
    await expect(detail).toContainText('Бас-Тартылған Нұрлан');
    await expectNoSeriousA11yViolations(page, 'request detail (1280 px)');
    await detail.getByRole('button', { name: 'Отказать' }).click();
    await expect(detail.getByRole('alert').filter({ hasText: 'Заполните это поле.' })).toBeVisible();
    await detail.getByLabel('Основание отказа').selectOption(GROUND);
    const explanation = 'Кассациялық шағым беру мерзімі өтіп кеткен; мерзімді қалпына келтіру туралы сотқа жүгініңіз.';
    await detail.getByLabel('Разъяснение заявителю (на казахском языке)').fill(explanation);
    await detail.getByRole('button', { name: 'Отказать' }).click();
    await expect(page.getByRole('status').filter({ hasText: `По заявке ${refused.code} отказано.` })).toBeVisible();
    await expect(inbox.getByRole('button', { name: `Открыть заявку ${refused.code}` })).toHaveCount(0);

    // Confirm the second.
    await inbox.getByRole('button', { name: `Открыть заявку ${confirmed.code}` }).click();
    await expect(detail.getByRole('heading', { level: 2 })).toHaveText(`Заявка ${confirmed.code}`);
    await detail.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Заявка ${confirmed.code} подтверждена.` })).toBeVisible();
    await expect(page.getByRole('button', { name: `Открыть заявку ${confirmed.code}` })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'requests decided (1280 px)');

    // The registration list: the confirmed person only; printed in Kazakh and Russian.
    await nav.getByRole('link', { name: 'Списки регистрации' }).click();
    await page.getByLabel('Приём', { exact: true }).selectOption(reception);
    await page.getByRole('button', { name: 'Показать' }).click();
    const list = page.locator('section.registration-list');
    await expect(list.locator('td.code', { hasText: confirmed.code })).toHaveCount(1);
    await expect(list.locator('td.code', { hasText: refused.code })).toHaveCount(0);
    await expect(list.getByRole('columnheader').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'registration list (1280 px)');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('h1 .print-only')).toHaveText(
      'Қабылдауға тіркелген адамдар тізімі / Список лиц, зарегистрированных на приём',
    );
    await expect(page.locator('h1 .screen-only')).toBeHidden();
    await expect(list.getByRole('columnheader', { name: 'Тегі, аты, әкесінің аты / Фамилия, имя, отчество' })).toBeVisible();
    await expect(list.getByRole('columnheader', { name: 'Брондау коды / Код записи' })).toBeVisible();
    await expect(page.locator('nav.console-nav')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });

    // The applicant's manage page, in Kazakh: the refusal with its clause, the explanation
    // and the alternatives (R18, R32), the district office last.
    await page.goto(refused.path.replace('#', '?lang=kk#'));
    const status = page.locator('.booking-status');
    await expect(status).toHaveAttribute('data-status', 'refused');
    await expect(status).toHaveText('Жауапты қызметкер жазудан бас тартты.');
    const refusal = page.locator('section.refusal.decision');
    await expect(refusal).toHaveAttribute('data-clause', GROUND);
    await expect(refusal.getByRole('heading', { level: 2 })).toHaveText('Неге бас тартылды');
    await expect(refusal.locator('.clause')).toContainText('31-тармақтың 3) тармақшасы');
    await expect(refusal.locator('.clause')).toContainText('17-тармақтың 4) тармақшасы');
    await expect(refusal.locator('.explanation')).toHaveText(explanation);
    await expect(refusal.locator('.explanation')).toHaveAttribute('lang', 'kk');
    const alternatives = refusal.locator('ul.alternatives li');
    await expect(alternatives.first()).toHaveAttribute('data-alternative', 'restore_deadline');
    await expect(alternatives.first()).toContainText('сотқа өтінішхат беріңіз');
    await expect(alternatives.last()).toHaveAttribute('data-alternative', 'district_office_walk_in');
    // A refused request holds no place: nothing to cancel.
    await expect(page.getByRole('button', { name: 'Жазылудың күшін жою' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'manage page, refused (kk)');

    // The confirmed one.
    await page.goto(confirmed.path.replace('#', '?lang=kk#'));
    await expect(page.locator('.booking-status')).toHaveAttribute('data-status', 'confirmed');
    await expect(page.locator('.booking-status')).toHaveText('Расталды: сізді қабылдауда күтеді.');
    await expect(page.locator('section.decision')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'manage page, confirmed (kk)');
  });
});

test.describe('the registrar\'s desk and the administrator, in Russian', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, locale: 'ru-RU' });

  test('a paper request without substance is returned (R3.c), a call-centre one held and then released with a reason', async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const api = await playwrightRequest.newContext({ baseURL });
    const reception = await openReception(api);
    const answers = await admissibleAnswers(api, 'regional_head');
    const registrar = await newRegistrar(api);
    await api.dispose();
    await signIn(page, registrar.login, registrar.password, totp(registrar.secret, stepNow()));

    const nav = page.getByRole('navigation', { name: 'Разделы консоли' });
    const enter = async (channel: string, substance: string, surname: string) => {
      await nav.getByRole('link', { name: 'Ввод заявки' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'Ввод заявки, поступившей по другому каналу (R3.a)',
      );
      await page.getByLabel('Канал поступления').selectOption(channel);
      await page.locator('#entry-reception').selectOption(reception);
      await page.getByLabel('ИИН', { exact: true }).fill(randomIin());
      await page.getByLabel('Фамилия', { exact: true }).fill(surname);
      await page.getByLabel('Имя', { exact: true }).fill('Нұрлан');
      await page.getByLabel('Телефон').fill('+77011234567');
      await page.getByLabel('Суть вопроса (R3.c)').fill(substance);
      // The questions asked of this official's kind (an exception only after a "yes").
      const asked = page.locator('fieldset.question');
      await expect(asked.first()).toBeVisible();
      for (const id of await asked.evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!))) {
        const answer = answers[id] ?? 'no';
        await page.locator(`fieldset[data-question="${id}"] label[data-answer="${answer}"] input`).check();
      }
      await page.getByRole('button', { name: 'Ввести заявку' }).click();
      const entered = page.locator('section.entered');
      await expect(entered).toBeVisible();
      const link = (await entered.locator('code.manage-link').innerText()).trim();
      expect(link).toMatch(/\/bookings\/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}#t=/);
      return { entered, link, code: (await entered.getByRole('heading', { level: 2 }).innerText()).trim() };
    };

    // Paper, without the substance of the matter: returned unconsidered, no place held.
    const returned = await enter('paper', '', 'Қайтарылған');
    await expect(returned.entered).toHaveAttribute('data-status', 'returned');
    await expect(returned.entered).toContainText('Заявка возвращена без рассмотрения');
    await expect(returned.entered).toContainText('Ссылка показывается только сейчас, один раз');
    await returned.entered.getByRole('button', { name: 'Копировать: Ссылка для передачи человеку' }).click();
    await expect(returned.entered.getByRole('status')).toHaveText('Скопировано.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(returned.link);
    await expectNoSeriousA11yViolations(page, 'request entered, returned (1280 px)');
    await returned.entered.getByRole('button', { name: 'Ввести следующую заявку' }).click();
    // Nothing of the last person stays on the form.
    await expect(page.getByLabel('Фамилия', { exact: true })).toHaveValue('');
    await expectNoSeriousA11yViolations(page, 'entry form (1280 px)');

    // By the call centre, with the substance: held for the officer, then released.
    const held = await enter('call_centre', 'Аудандық әкімдік жер учаскесін заңсыз алып қойды, шағымыма жауап берілмеді.', 'Босатылған');
    await expect(held.entered).toHaveAttribute('data-status', 'requested');
    await nav.getByRole('link', { name: 'Заявки', exact: true }).click();
    await page.getByRole('checkbox', { name: `Выбрать запись ${held.code}` }).check();
    await page.getByRole('button', { name: 'Освободить выбранные (1)' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Заполните это поле.' })).toBeVisible();
    const reasonKk = 'Жазылу бір адамның атынан бірнеше рет жасалған.';
    await page.getByLabel('Причина на казахском языке').fill(reasonKk);
    await page.getByLabel('Причина на русском языке').fill('Запись сделана многократно от имени одного лица.');
    await page.getByRole('button', { name: 'Освободить выбранные (1)' }).click();
    await expect(page.getByText('Будет отменено записей: 1, их места освободятся. Продолжить?')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'release confirmation (1280 px)');
    await page.getByRole('button', { name: 'Да, освободить' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Освобождено записей: 1.' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: `Выбрать запись ${held.code}` })).toHaveCount(0);

    // The people's pages, in Kazakh: why it was returned; why the office cancelled.
    await page.goto(returned.link.replace('#', '?lang=kk#'));
    await expect(page.locator('.booking-status')).toHaveAttribute('data-status', 'returned');
    await expect(page.locator('.booking-status')).toContainText('қаралмай қайтарылды');
    await page.goto(held.link.replace('#', '?lang=kk#'));
    await expect(page.locator('.booking-status')).toHaveAttribute('data-status', 'cancelled_by_office');
    await expect(page.locator('section.office-reason')).toContainText(reasonKk);
    await expectNoSeriousA11yViolations(page, 'manage page, released (kk)');

    // The entry form on a 320 px screen: nothing wider than the screen.
    await page.setViewportSize({ width: 320, height: 740 });
    await page.goto('/staff/entry?lang=ru');
    await expect(page.locator('#entry-reception')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoSeriousA11yViolations(page, 'entry form (320 px)');
  });

  test('an administrator cancels a date with two active bookings after seeing them; the applicants see why', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const api = await playwrightRequest.newContext({ baseURL });
    const answers = await admissibleAnswers(api, 'regional_head');
    // A date of the fixture head's 09:30 schedule with room for two.
    const response = await api.get(`/api/v1/offices/${OFFICE}/schedule`, { headers: { 'Cache-Control': 'no-cache' } });
    const s = await response.json();
    const target = s.receptions
      .filter((r: any) => r.id.startsWith(`${HEAD}-cap10-`) && r.registration.state === 'open' && r.booked === 0)
      .pop();
    expect(target, 'an open 09:30 reception of the fixture head').toBeTruthy();
    const first = await book(api, target.id, answers, 'Бірінші');
    const second = await book(api, target.id, answers, 'Екінші');
    await api.dispose();

    const admin = await adminCode();
    await signIn(page, admin.login, admin.password, admin.code);
    const nav = page.getByRole('navigation', { name: 'Разделы консоли' });
    await nav.getByRole('link', { name: 'Даты приёма' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Отмена или перенос даты приёма');
    await page.getByLabel('Орган прокуратуры').selectOption(OFFICE);
    await page.getByLabel('Приём', { exact: true }).selectOption(target.id);
    await page.getByRole('button', { name: 'Посмотреть последствия' }).click();
    const affected = page.locator('section.affected');
    await expect(affected).toContainText('Изменение отменит активных записей: 2');
    await expect(affected.locator('.affected-codes li')).toHaveCount(2);
    expect((await affected.locator('.affected-codes li').allInnerTexts()).sort()).toEqual([first.code, second.code].sort());
    await expectNoSeriousA11yViolations(page, 'date affected (1280 px)');
    const reasonKk = 'Прокурор іссапарда болады.';
    await affected.getByLabel('Причина на казахском языке').fill(reasonKk);
    await affected.getByLabel('Причина на русском языке').fill('Прокурор будет в командировке.');
    await affected.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Приём ${target.id} отменён; отменено записей: 2.` })).toBeVisible();

    // Both applicants read the reason; the public schedule no longer holds the date.
    for (const b of [first, second]) {
      await page.goto(b.path.replace('#', '?lang=kk#'));
      await expect(page.locator('.booking-status')).toHaveAttribute('data-status', 'cancelled_by_office');
      await expect(page.locator('section.office-reason')).toContainText(reasonKk);
    }
    const after = await page.request.get(`/api/v1/offices/${OFFICE}/schedule`, { headers: { 'Cache-Control': 'no-cache' } });
    expect((await after.json()).receptions.map((r: any) => r.id)).not.toContain(target.id);

    // The other admin screens open, and pass axe.
    await page.goto('/staff/office?lang=ru');
    await page.getByLabel('Орган прокуратуры').selectOption(OFFICE);
    await expect(page.getByLabel('Адрес (на русском)')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Перевести только на видеосвязь' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'office settings (1280 px)');
    await page.goto('/staff/schedules?lang=ru');
    await page.getByLabel('Орган прокуратуры').selectOption(OFFICE);
    await page.getByLabel('Должностное лицо').selectOption(HEAD);
    await page.getByRole('button', { name: 'Загрузить' }).click();
    await expect(page.locator('fieldset.schedule-row')).toHaveCount(4);
    const legends = await page.locator('fieldset.schedule-row > legend').allInnerTexts();
    expect(legends).toContain(`${HEAD}-cap5`);
    expect(legends).toContain(`${HEAD}-cap10`);
    await expectNoSeriousA11yViolations(page, 'schedule editor (1280 px)');
  });

  test('the units\' agreement before confirming (R33); a request delegated to a deputy (R27), the applicant sees where it went', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const api = await playwrightRequest.newContext({ baseURL });
    const reception = await openReception(api);
    const answers = await admissibleAnswers(api, 'regional_head');
    // Received before on the same matter, with new evidence (R31(1), R33): marked for the
    // units' agreement.
    const marked = await book(
      api,
      reception,
      { ...answers, r31_1_already_received: 'yes', r31_1_gpo_instructed: 'no', r33_new_evidence: 'yes' },
      'Келісілген',
    );
    const delegated = await book(api, reception, answers, 'Тапсырылған');
    const registrar = await newRegistrar(api);
    await api.dispose();
    await signIn(page, registrar.login, registrar.password, totp(registrar.secret, stepNow()));
    const nav = page.getByRole('navigation', { name: 'Разделы консоли' });
    await nav.getByRole('link', { name: 'Заявки', exact: true }).click();
    const detail = page.locator('section.request-detail');

    // Confirming waits for the agreement; recorded, the request is confirmed.
    await page.getByRole('button', { name: `Открыть заявку ${marked.code}` }).click();
    const agreement = detail.locator('fieldset.agreement');
    await expect(agreement).toContainText('R33');
    await detail.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(detail.getByRole('alert').filter({ hasText: 'Сначала запишите согласование подразделений (R19, R33).' })).toBeVisible();
    await agreement.getByLabel('Какое подразделение согласовало, и реквизиты его письма').fill('Келісілді: бөлім, № 12-34');
    await agreement.getByRole('button', { name: 'Записать согласование' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Согласование подразделений записано.' })).toBeVisible();
    await expect(detail.locator('fieldset.agreement')).toContainText('Согласование записано');
    await expectNoSeriousA11yViolations(page, 'agreement recorded (1280 px)');
    await detail.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Заявка ${marked.code} подтверждена.` })).toBeVisible();

    // R37: the district offices below take no pre-registration: nothing to forward to.
    await page.getByRole('button', { name: `Открыть заявку ${delegated.code}` }).click();
    await expect(detail.getByRole('heading', { level: 2 })).toHaveText(`Заявка ${delegated.code}`);
    const forward = detail.locator('fieldset', { hasText: 'Передать в нижестоящий орган прокуратуры (R3.d)' });
    await forward.getByLabel('Орган прокуратуры').selectOption({ index: 1 });
    await expect(forward).toContainText('Нет приёмов с открытой регистрацией.');

    // R27: to the deputy's reception.
    const reassign = detail.locator('fieldset', { hasText: 'Поручить заместителю (R27)' });
    await reassign.getByLabel('Приём', { exact: true }).selectOption({ index: 1 });
    await reassign.getByRole('button', { name: 'Поручить' }).click();
    const moved = page.getByRole('status').filter({ hasText: `Заявка ${delegated.code} перенесена на новый приём: новый код` });
    await expect(moved).toBeVisible();
    const newCode = (await moved.innerText()).match(/новый код ([0-9A-Z-]+)\./)![1];
    await expect(page.getByRole('button', { name: `Открыть заявку ${newCode}` })).toBeVisible();

    // The applicant, in Kazakh, with the same link: the request continues at the deputy's.
    await page.goto(delegated.path.replace('#', '?lang=kk#'));
    await expect(page.locator('.booking-status').first()).toHaveAttribute('data-status', 'cancelled_by_office');
    await expect(page.locator('section.office-reason')).toContainText('27-тармағы');
    const next = page.locator('section.forwarded');
    await expect(next.getByRole('heading', { level: 2 })).toHaveText('Өтінішіңіз мына жерде қаралады');
    await expect(next.locator('.booking-code')).toHaveText(newCode);
    await expect(next.locator('.booking-status')).toHaveAttribute('data-status', 'requested');
    await expectNoSeriousA11yViolations(page, 'manage page, delegated (kk)');

    // The inbox and a request on a 320 px screen: the table scrolls in its own region,
    // nothing else is wider than the screen.
    await page.setViewportSize({ width: 320, height: 740 });
    await page.goto('/staff/requests?lang=ru');
    await page.getByRole('button', { name: `Открыть заявку ${newCode}` }).click();
    await expect(detail.getByRole('heading', { level: 2 })).toHaveText(`Заявка ${newCode}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectNoSeriousA11yViolations(page, 'request detail (320 px)');
  });

  test('the Centre forwards a request to a regional office (R3.d); the applicant sees the new office', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const api = await playwrightRequest.newContext({ baseURL });
    const gpo = await (await api.get('/api/v1/offices/gpo/schedule', { headers: { 'Cache-Control': 'no-cache' } })).json();
    const kindOf = new Map(gpo.officials.map((o: any) => [o.id, o.kind]));
    const from = gpo.receptions
      .filter(
        (r: any) =>
          kindOf.get(r.official_id) === 'prosecutor_general_deputy' &&
          r.registration.state === 'open' &&
          r.format === 'in_person' &&
          r.booked < r.capacity,
      )
      .pop();
    expect(from, 'an open reception of a deputy of the Prosecutor General').toBeTruthy();
    const request = await book(api, from.id, await admissibleAnswers(api, 'prosecutor_general_deputy'), 'Жіберілген');
    const to = await openReception(api);
    const registrar = await newRegistrar(api, 'gpo');
    await api.dispose();
    await signIn(page, registrar.login, registrar.password, totp(registrar.secret, stepNow()));
    await page.getByRole('navigation', { name: 'Разделы консоли' }).getByRole('link', { name: 'Заявки', exact: true }).click();
    await page.getByRole('button', { name: `Открыть заявку ${request.code}` }).click();
    const detail = page.locator('section.request-detail');
    const forward = detail.locator('fieldset', { hasText: 'Передать в нижестоящий орган прокуратуры (R3.d)' });
    await forward.getByLabel('Орган прокуратуры').selectOption(OFFICE);
    await forward.getByLabel('Приём', { exact: true }).selectOption(to);
    await expectNoSeriousA11yViolations(page, 'forward (1280 px)');
    await forward.getByRole('button', { name: 'Передать' }).click();
    const moved = page.getByRole('status').filter({ hasText: `Заявка ${request.code} перенесена на новый приём: новый код` });
    await expect(moved).toBeVisible();
    const newCode = (await moved.innerText()).match(/новый код ([0-9A-Z-]+)\./)![1];
    // The office below decides it: it has left the Centre's inbox.
    await expect(page.getByRole('button', { name: `Открыть заявку ${request.code}` })).toHaveCount(0);
    await expect(page.getByRole('button', { name: `Открыть заявку ${newCode}` })).toHaveCount(0);

    await page.goto(request.path.replace('#', '?lang=kk#'));
    const next = page.locator('section.forwarded');
    await expect(next.locator('.forwarded-office')).toHaveText('Ұлытау облысының прокуратурасы');
    await expect(next.locator('.booking-code')).toHaveText(newCode);
    await expect(page.locator('section.office-reason')).toContainText('Ұлытау облысының прокуратурасы');
    await next.getByRole('link', { name: 'Жаңа өтінішті ашу' }).click();
    await expect(page).toHaveURL(new RegExp(`/bookings/${newCode}`));
    await expect(page.locator('.booking-status')).toHaveAttribute('data-status', 'requested');
  });
});
