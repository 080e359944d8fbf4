// The person's own device (R39-4): what a shared phone keeps. A draft is kept until the end of
// its reception's day and a day after its last change at most, and "Forget what I typed"
// removes it at once; after a booking succeeds only the manage link is kept (no draft, no IIN),
// and a kept manage token leaves the device after its reception's day.
import { test, expect, Page, APIRequestContext } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { randomIin } from './person';
import { expectConfirmation, expectHandOver } from './confirmation';

type Reception = {
  id: string;
  official_id: string;
  format: string;
  capacity: number;
  booked: number;
  date: string;
  registration: { state: string };
};

const OFFICE = 'ulytau-region';

/// An open in-person reception of the booking fixture's regional head, with places left.
async function openReception(request: APIRequestContext): Promise<Reception> {
  const response = await request.get(`/api/v1/offices/${OFFICE}/schedule`, {
    headers: { 'Cache-Control': 'no-cache' },
  });
  expect(response.status()).toBe(200);
  const s = await response.json();
  const kindOf = new Map<string, string>(s.officials.map((o: { id: string; kind: string }) => [o.id, o.kind]));
  const r = (s.receptions as Reception[]).find(
    (r) =>
      r.registration.state === 'open' &&
      r.booked < r.capacity &&
      r.format === 'in_person' &&
      kindOf.get(r.official_id) === 'regional_head',
  );
  expect(r, 'an open reception of the fixture').toBeTruthy();
  return r!;
}

async function answerQuestions(page: Page, yes: string[]) {
  const questions = page.locator('fieldset.question:visible');
  await expect(questions.first()).toBeVisible();
  const ids = await questions.evaluateAll((els) => els.map((e) => e.getAttribute('data-question')));
  for (const id of ids) {
    await page
      .locator(`fieldset[data-question="${id}"]`)
      .getByLabel(yes.includes(id!) ? 'Иә' : 'Жоқ', { exact: true })
      .check();
  }
}

const STEP_QUESTIONS = '3 қадамның 1-қадамы: Жазылуға бола ма?';
const STEP_FORM = '3 қадамның 2-қадамы: Сіз туралы мәліметтер';
const FORGET = 'Енгізгенімді өшіру';
const RESTORED = 'Бұрын енгізгендеріңіз қалпына келтірілді.';

const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

async function toTheForm(page: Page, id: string) {
  await page.goto(`/register/${OFFICE}/${id}?lang=kk`);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(STEP_QUESTIONS);
  await answerQuestions(page, ['r27_competence']);
  await page.getByRole('button', { name: 'Әрі қарай' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(STEP_FORM);
}

test('a draft ends with its time and can be forgotten at once', async ({ page, request }) => {
  const r = await openReception(request);
  const key = `qabyldau.draft.${r.id}`;
  await toTheForm(page, r.id);
  const iin = randomIin();
  await page.getByLabel('ЖСН (жеке сәйкестендіру нөмірі)').fill(iin);
  await page.getByLabel('Тегі', { exact: true }).fill('Үлгіұлы');
  await page.waitForFunction(([k, iin]) => (localStorage.getItem(k) ?? '').includes(iin), [key, iin]);

  // Kept until the end of the reception's day in Kazakhstan, a day after the change at most.
  const draft = JSON.parse((await stored(page, key))!);
  const now = Date.now() / 1000;
  const dayEnd = Date.parse(`${r.date}T00:00:00+05:00`) / 1000 + 86_400;
  expect(draft.expires_at).toBeGreaterThan(now);
  expect(draft.expires_at).toBeLessThanOrEqual(Math.min(dayEnd, now + 86_400 + 5));

  // "Forget what I typed": gone from the device, the wizard starts again, and a reload
  // restores nothing.
  await expectNoSeriousA11yViolations(page, 'the form step with the forget button');
  await page.getByRole('button', { name: FORGET }).click();
  await expect(page.getByText('Енгізгендеріңіз осы құрылғыдан өшірілді.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(STEP_QUESTIONS);
  expect(await stored(page, key)).toBeNull();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(STEP_QUESTIONS);
  await expect(page.getByText(RESTORED)).toHaveCount(0);
  expect(await stored(page, key)).toBeNull();

  // A draft past its time is not restored, and leaves the device.
  await toTheForm(page, r.id);
  await page.getByLabel('Тегі', { exact: true }).fill('Ескіұлы');
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('Ескіұлы'), key);
  await page.evaluate((k) => {
    const d = JSON.parse(localStorage.getItem(k)!);
    d.expires_at = Math.floor(Date.now() / 1000) - 1;
    localStorage.setItem(k, JSON.stringify(d));
  }, key);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(STEP_QUESTIONS);
  await expect(page.getByText(RESTORED)).toHaveCount(0);
  await expect
    .poll(async () => (await stored(page, key)) ?? '')
    .not.toContain('Ескіұлы');
});

test('after a booking only the manage link is kept, and only until its reception is over', async ({
  page,
  request,
}) => {
  const r = await openReception(request);
  await toTheForm(page, r.id);
  const iin = randomIin();
  await page.getByLabel('ЖСН (жеке сәйкестендіру нөмірі)').fill(iin);
  await page.getByLabel('Тегі', { exact: true }).fill('Үлгіұлы');
  await page.getByLabel('Аты', { exact: true }).fill('Асқар');
  await page.getByLabel('Телефон нөмірі').fill('+7 701 123 45 67');
  await page
    .getByLabel('Мәселенің мәні')
    .fill('Сот орындаушысы алимент өндіру туралы сот шешімін үш ай бойы орындамай отыр, шара қолдануды сұраймын.');
  await page.getByRole('button', { name: 'Әрі қарай' }).click();
  await page.getByLabel('Қабылдауға жазылу үшін дербес деректерімді жинауға және өңдеуге келісім беремін').check();
  await page.getByRole('button', { name: 'Өтінішті жіберу' }).click();
  const code = await expectHandOver(page);

  // What the device keeps now: the manage token with its reception's day, nothing with the
  // IIN, the names or the matter.
  const kept = await page.evaluate(() => {
    const all: Record<string, string> = {};
    for (const s of [localStorage, sessionStorage]) {
      for (let i = 0; i < s.length; i++) all[s.key(i)!] = s.getItem(s.key(i)!)!;
    }
    return all;
  });
  const everything = JSON.stringify(kept);
  for (const personal of [iin, 'Үлгіұлы', 'Асқар', '701 123', 'алимент']) {
    expect(everything, `"${personal}" is kept on the device`).not.toContain(personal);
  }
  expect(Object.keys(kept).filter((k) => k.startsWith('qabyldau.draft.'))).toEqual([]);
  const token = JSON.parse(kept[`qabyldau.manage.${code}`]);
  expect(token.until).toBe(r.date);
  expect(token.token.length).toBeGreaterThan(20);
  await expectConfirmation(page);

  // The day after the reception, the token leaves as the booking pages start; a token whose
  // reception is to come stays.
  await page.evaluate((code) => {
    localStorage.setItem(`qabyldau.manage.${code}`, JSON.stringify({ token: 'x', until: '2000-01-01' }));
    localStorage.setItem('qabyldau.manage.FUTURE-CODE-000', JSON.stringify({ token: 'y', until: '2999-01-01' }));
  }, code);
  await page.goto(`/register/${OFFICE}/${r.id}?lang=kk`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Қабылдауға алдын ала жазылу');
  expect(await stored(page, `qabyldau.manage.${code}`)).toBeNull();
  expect(await stored(page, 'qabyldau.manage.FUTURE-CODE-000')).not.toBeNull();
});

test('R7: a foreigner books in Kazakh with a +998 number, or with an e-mail address only', async ({
  page,
  request,
}) => {
  const r = await openReception(request);
  await toTheForm(page, r.id);
  await page.getByLabel('Шетел азаматы').check();
  const passport = 'FA' + String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  await page.getByLabel('Паспорттың (жол жүру құжатының) нөмірі').fill(passport);
  await page.getByLabel('Тегі', { exact: true }).fill('Karimov');
  await page.getByLabel('Аты', { exact: true }).fill('Aziz');
  // The hint says any country's number, or an e-mail address.
  await expect(page.locator('#applicant-phone-hint')).toContainText('Кез келген елдің нөмірі');
  // Neither a phone nor an e-mail: one of them is asked for.
  await page
    .getByLabel('Мәселенің мәні')
    .fill('Сот орындаушысы алимент өндіру туралы сот шешімін үш ай бойы орындамай отыр, шара қолдануды сұраймын.');
  await page.getByRole('button', { name: 'Әрі қарай' }).click();
  await expect(page.locator('#error-summary')).toContainText('Телефон нөмірін немесе электрондық поштаны көрсетіңіз');
  await page.getByLabel('Телефон нөмірі').fill('+998 90 123 45 67');
  await page.getByRole('button', { name: 'Әрі қарай' }).click();
  await expect(page.locator('dl.review').last()).toContainText('+998 90 123 45 67');
  await page.getByLabel('Қабылдауға жазылу үшін дербес деректерімді жинауға және өңдеуге келісім беремін').check();
  const [response] = await Promise.all([
    page.waitForResponse((res) => res.url().endsWith('/api/v1/bookings') && res.request().method() === 'POST'),
    page.getByRole('button', { name: 'Өтінішті жіберу' }).click(),
  ]);
  expect(response.status()).toBe(201);
  await expectConfirmation(page);

  // The confirmation is the slip to show at the door: the office by name, its address, the
  // official, the code and a QR code of the manage link.
  const { office } = await (await request.get(`/api/v1/offices/${OFFICE}`)).json();
  const slip = page.getByRole('region', { name: 'Қабылдауға жазылу талоны' });
  await expect(slip).toBeVisible();
  await expect(slip.locator('.slip-office-name')).toHaveText(office.name.kk);
  await expect(slip.locator('.slip-address')).not.toBeEmpty();
  await expect(slip.locator('.slip-official')).not.toBeEmpty();
  const qr = slip.getByRole('img', { name: 'Осы жазылуға сілтеменің QR коды' });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  const code = (await slip.locator('.booking-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z-]{10,}$/);

  // "My bookings" lists it after a reload, with its status fetched live.
  await page.getByRole('link', { name: 'Менің жазылуларым' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Менің жазылуларым');
  const kept = page.locator('li.kept-booking', { hasText: code });
  await expect(kept).toBeVisible();
  await expect(kept.locator('.booking-status')).toHaveAttribute('data-status', 'requested');
});

test('R3: a request typed and sent offline waits for the connection, then is sent by itself, once', async ({
  page,
  context,
  request,
}) => {
  const r = await openReception(request);
  await toTheForm(page, r.id);
  // What reaches the Worker: every answer to POST /api/v1/bookings.
  const answers: number[] = [];
  page.on('response', (res) => {
    if (res.url().endsWith('/api/v1/bookings') && res.request().method() === 'POST') answers.push(res.status());
  });
  // The network goes: the rest is typed and sent offline.
  await context.setOffline(true);
  await page.getByLabel('ЖСН (жеке сәйкестендіру нөмірі)').fill(randomIin());
  await page.getByLabel('Тегі', { exact: true }).fill('Байланыссыз');
  await page.getByLabel('Аты', { exact: true }).fill('Ержан');
  await page.getByLabel('Телефон нөмірі').fill('+7 701 765 43 21');
  await page
    .getByLabel('Мәселенің мәні')
    .fill('Аудандық әкімдік жер учаскесін заңсыз алып қойды, шағымыма екі ай бойы жауап берілмеді.');
  await page.getByRole('button', { name: 'Әрі қарай' }).click();
  await page.getByLabel('Қабылдауға жазылу үшін дербес деректерімді жинауға және өңдеуге келісім беремін').check();
  await page.getByRole('button', { name: 'Өтінішті жіберу' }).click();
  const waiting = page.getByRole('status').filter({ hasText: 'Байланыс жоқ. Өтініш осы құрылғыда сақталды' });
  await expect(waiting).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousA11yViolations(page, 'the review waiting for the connection');
  // Still waiting a while later: no attempt is used up, nothing asks the person to retry.
  await page.waitForTimeout(4_000);
  await expect(waiting).toBeVisible();
  expect(answers).toEqual([]);

  // The connection returns: the stored request goes by itself, and only once.
  await context.setOffline(false);
  const code = await expectHandOver(page);
  await page.waitForTimeout(2_000);
  expect(answers).toEqual([201]);
  await expectConfirmation(page);
  const mine = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('qabyldau.manage.')));
  expect(mine).toContain(`qabyldau.manage.${code}`);
});
