// The slip and the way back, as a person on a phone (360 px) uses them: a booking made through
// the public API (with its proof of work), opened by its manage link; the slip names the office,
// its address, the official, and carries a QR code of the link; "My bookings" lists it after a
// reload with its status fetched live; `/bookings/{code}` without the token says how to get
// back in and asks the server nothing. The district and GPO posters print on one A4 page.
// axe-core on the slip and on "My bookings"; tap targets of links at least 44 × 44 px.
import { test, expect, APIRequestContext, Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { solvedChallenge } from './challenge';
import { randomIin } from './person';

const OFFICE = 'ulytau-region';
const HEAD = 'ulytau-region-test-head';

const clientIp = () => `198.51.100.${1 + Math.floor(Math.random() * 254)}`;

async function book(api: APIRequestContext): Promise<{ code: string; path: string }> {
  const rules = await (await api.get('/api/v1/rules')).json();
  const answers: Record<string, string> = {};
  for (const q of rules.questions) {
    if (!(q.applies_to as string[]).includes('regional_head')) continue;
    answers[q.id] = q.role === 'competence' ? 'yes' : 'no';
  }
  const s = await (
    await api.get(`/api/v1/offices/${OFFICE}/schedule`, { headers: { 'Cache-Control': 'no-cache' } })
  ).json();
  const r = s.receptions.find(
    (r: any) =>
      r.official_id === HEAD && r.registration.state === 'open' && r.format === 'in_person' && r.booked < r.capacity,
  );
  expect(r, 'an open reception of the fixture head').toBeTruthy();
  const response = await api.post('/api/v1/bookings', {
    headers: {
      'Idempotency-Key': crypto.randomUUID(),
      'CF-Connecting-IP': clientIp(),
      'X-Qabyldau-Challenge': await solvedChallenge(api),
    },
    data: {
      reception_id: r.id,
      language: 'ru',
      applicant: {
        kind: 'individual',
        citizenship: 'citizen',
        iin: randomIin(),
        surname: 'Слипов',
        given_name: 'Нұрлан',
        patronymic: null,
        phone: '+77011234567',
        email: null,
      },
      on_behalf_of: null,
      matter: {
        substance: 'Аудандық әкімдік жер учаскесін заңсыз алып қойды, шағымыма жауап берілмеді.',
        answers,
      },
      format: 'in_person',
      interpreter: null,
      out_of_town: false,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = await response.json();
  return { code: body.booking.code as string, path: body.manage_path as string };
}

/// Every visible link and button of `scope` at least 44 × 44 px (WCAG 2.5.5), inline links in
/// running text excepted.
async function expectTapTargets(page: Page, scope: string, what: string) {
  const small = await page.locator(scope).evaluateAll((roots) =>
    roots.flatMap((root) =>
      [...root.querySelectorAll('a, button, summary')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) return false;
          const parent = el.parentElement;
          // A link inside a sentence is exempt (WCAG 2.5.8, inline).
          const inline =
            el.tagName === 'A' &&
            parent !== null &&
            [...parent.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
          return !inline && (r.height < 44 || r.width < 44);
        })
        .map((el) => `${el.tagName} "${(el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`),
    ),
  );
  expect(small, `tap targets on ${what}`).toEqual([]);
}

test.use({ viewport: { width: 360, height: 740 } });

test('the slip names the office, its address and the official, with a QR code; My bookings after a reload', async ({
  page,
  request,
}) => {
  const { code, path } = await book(request);
  await page.goto(`${path.replace('#', '?lang=ru#')}`.replace('?lang=ru?', '?'));
  const slip = page.getByRole('region', { name: 'Талон записи на приём' });
  await expect(slip).toBeVisible();
  await expect(slip.locator('.slip-office-name')).toHaveText('Прокуратура области Ұлытау');
  await expect(slip.locator('.slip-address')).not.toBeEmpty();
  await expect(slip.locator('.slip-official')).not.toBeEmpty();
  await expect(slip.locator('.booking-code')).toHaveText(code);
  await expect(slip.locator('ul.documents')).toBeVisible();
  const qr = slip.getByRole('img', { name: 'QR-код ссылки на эту запись' });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  await expect(page.getByRole('button', { name: 'Скопировать ссылку' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Распечатать' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the slip');
  await expectTapTargets(page, 'main', 'the manage page');

  // The slip prints on one page.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });

  // Saved as an image.
  const [image] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Сохранить как изображение' }).click(),
  ]);
  expect(image.suggestedFilename()).toBe(`qabyldau-${code}.png`);

  // "My bookings" (from the footer), after a reload: the booking with its status, live.
  await page.getByRole('link', { name: 'Мои записи' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Мои записи');
  const kept = page.locator('li.kept-booking', { hasText: code });
  await expect(kept).toBeVisible();
  await expect(kept.locator('.booking-status')).toHaveAttribute('data-status', 'requested');
  await expectNoSeriousA11yViolations(page, 'My bookings');
  await expectTapTargets(page, 'main', 'My bookings');
  await kept.getByRole('link').click();
  await expect(page.locator('.booking-code')).toHaveText(code);
});

test('just booked (the wizard opens the link with new=1): the confirmation, its calendar file and the manage link shown once', async ({
  page,
  request,
}) => {
  const { code, path } = await book(request);
  const [bare, fragment] = path.split('#');
  await page.goto(`${bare}?lang=ru#${fragment}&new=1`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Предварительная запись на приём');
  const done = page.locator('#done-heading');
  await expect(done).toHaveText('Заявка принята, место за вами сохранено');
  await expect(done).toBeFocused();
  await expect(page.getByRole('region', { name: 'Талон записи на приём' }).locator('.booking-code')).toHaveText(code);
  await expect(page.locator('.booking-status')).toHaveAttribute('data-status', 'requested');
  // The token leaves the address bar; the link is shown, with it, once.
  await expect(page).not.toHaveURL(/#/);
  const manage = page.locator('a.manage-url');
  expect(await manage.getAttribute('href')).toBe(`${bare}?lang=ru#${fragment}`);
  expect(await manage.textContent()).toMatch(new RegExp(`^https?://[^/]+${bare}\\?lang=ru#${fragment}$`));
  await expectNoSeriousA11yViolations(page, 'the confirmation');
  const [ics] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Скачать файл календаря (.ics)' }).click(),
  ]);
  expect(ics.suggestedFilename()).toBe(`qabyldau-${code}.ics`);
  // Opened again, it is the manage page, the token kept on this device.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ваша запись на приём');
  await expect(page.locator('.booking-code')).toHaveText(code);
  await expect(page.locator('a.manage-url')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Отменить запись' })).toBeVisible();
});

test('a booking page without its token explains how to get back in and asks the server nothing', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/bookings')) asked.push(r.url());
  });
  for (const code of ['ABCD-EFGH-JKMN', 'ZZZZ-ZZZZ-ZZZZ']) {
    await page.goto(`/bookings/${code}?lang=ru`);
    await expect(page.getByRole('heading', { name: 'Чтобы открыть запись, нужна ссылка на неё' })).toBeVisible();
    await expect(page.getByText('позвоните в прокуратуру')).toBeVisible();
    await expect(page.getByText('не найдена')).toHaveCount(0);
  }
  expect(asked).toEqual([]);
  await expectNoSeriousA11yViolations(page, 'the booking page without its token');
});

test('the district and GPO posters print on one A4 page, with a QR code and the address on its own line', async ({
  page,
}) => {
  for (const office of ['almaty-region-talgar', 'gpo', 'shymkent-abay', 'north-kazakhstan-region']) {
    await page.goto(`/offices/${office}/print?lang=ru`);
    const poster = page.getByRole('article');
    await expect(poster.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(poster.locator('img.poster-qr')).toBeVisible();
    const url = poster.locator('.poster-site .url');
    await expect(url).toContainText(`/offices/${office}`);
    await page.emulateMedia({ media: 'print' });
    // The poster has measured itself at the sheet's width (and scaled down if it must).
    await expect(poster).toHaveAttribute('data-print-fit', '');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g), `${office}: one page`).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
  }
});
