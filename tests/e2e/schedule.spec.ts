// The office's public schedule as a person on a phone sees it (R5, R11, R16, R34, R37): each
// official's next receptions with their registration state, in Kazakh; the A4 poster with
// Kazakh and Russian side by side (R5) under print media; accessible (axe-core) and usable at
// 320 px.
//
// The schedules are the sample data of `data/`, served by the real Worker: the assertions
// hold for any such data (a first reception exists and says its state), never exact names.
import { test, expect, Page } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import * as path from 'node:path';


// 25 Nov 2026, 10:00 in Kazakhstan (UTC+5): what the browser computes is deterministic.
const NOW = new Date('2026-11-25T05:00:00Z');

// "Pre-registration open — deadline: <date>, at <time>" or "Pre-registration closed: <why>."
const PRE_REGISTRATION_STATE =
  /Алдын ала жазылу ашық — соңғы мерзімі: \d{4} жылғы \d{1,2} \S+, \S+, сағат \d\d:\d\d|Алдын ала жазылу жабық/;
// R37: a district office takes no registration; its daily reception is one line, not a card
// per day.
const WALK_IN_STATE = 'Әр жұмыс күні 09:00–18:30, алдын ала жазылусыз';

const offices = [
  {
    id: 'gpo',
    kk: 'Қазақстан Республикасының Бас прокуратурасы',
    ru: 'Генеральная прокуратура Республики Казахстан',
    state: PRE_REGISTRATION_STATE,
    outOfTown: false,
  },
  {
    id: 'shymkent',
    kk: 'Шымкент қаласының прокуратурасы',
    ru: 'Прокуратура города Шымкент',
    state: PRE_REGISTRATION_STATE,
    outOfTown: true,
  },
  {
    id: 'almaty-region-talgar',
    kk: 'Талғар ауданының прокуратурасы',
    ru: 'Прокуратура Талгарского района',
    state: WALK_IN_STATE,
    outOfTown: true,
  },
];

function receptionSection(page: Page) {
  return page.getByRole('region', { name: 'Жеке қабылдау', exact: true });
}

for (const office of offices) {
  test(`${office.id}: the next reception and its registration state, in Kazakh`, async ({ page }) => {
    await page.clock.setFixedTime(NOW);
    await page.goto(`/offices/${office.id}?lang=kk`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(office.kk);

    const section = receptionSection(page);
    await expect(section.getByRole('heading', { level: 3 }).first()).toBeVisible();
    const first = section.getByRole('list', { name: 'Алдағы қабылдаулар' }).first().getByRole('listitem').first();
    await expect(first).toBeVisible();
    await expect(first).toContainText(office.state);
    if (office.state === WALK_IN_STATE) {
      // One line for the whole period, no card of 36 identical days.
      await expect(section.locator('li.reception-daily').first()).toBeVisible();
      await expect(
        section.getByText('Жазылудың қажеті жоқ — кез келген жұмыс күні 09:00–18:30 аралығында келіңіз'),
      ).toHaveCount(0);
    } else {
      await expect(first).toContainText(/\d{4} жылғы \d{1,2} \S+, \S+, \d\d:\d\d–\d\d:\d\d/);
      await expect(first.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\d$/);
      await expect(first.locator('time').nth(1)).toHaveAttribute('datetime', /T\d\d:\d\d:\d\d\+05:00$/);
      // A reception that has started is not the first one shown.
      const start = await first.locator('time').nth(1).getAttribute('datetime');
      expect(new Date(start!).getTime()).toBeGreaterThan(NOW.getTime());
      // "Add to calendar" on a reception adds that one reception.
      const one = first.getByRole('link', { name: /Осы қабылдауды күнтізбеге қосу/ });
      const href = await one.getAttribute('href');
      const id = await first.getAttribute('data-reception');
      expect(href).toBe(`/api/v1/offices/${office.id}/schedule.ics?reception=${id}&lang=kk`);
      const file = await page.request.get(href!);
      expect(file.status()).toBe(200);
      expect((await file.text()).match(/BEGIN:VEVENT/g)).toHaveLength(1);
    }

    // The sample schedules say so plainly.
    await expect(section.getByText('бұл — үлгі деректер, нақты кесте емес')).toBeVisible();
    // R8: out-of-town visitors, at district and regional offices.
    await expect(section.getByText('Басқа елді мекеннен келсеңіз')).toHaveCount(office.outOfTown ? 1 : 0);

    // "Show all" reveals the rest of an official's receptions.
    const more = section.locator('details.more').first();
    if (await more.count()) {
      await expect(more.getByRole('listitem').first()).toBeHidden();
      await more.locator('summary').click();
      await expect(more.getByRole('listitem').first()).toBeVisible();
    }

    // The whole schedule's feed is a subscription link the browser (not the SPA's router) opens.
    const ics = section.getByRole('link', { name: 'Бүкіл кесте күнтізбеде (жазылым, .ics)' });
    await expect(ics).toHaveAttribute('href', `/api/v1/offices/${office.id}/schedule.ics`);
    const feed = await page.request.get(`/api/v1/offices/${office.id}/schedule.ics`);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    await expectNoSeriousA11yViolations(page, `the office page of ${office.id} (kk)`);
  });
}

test('the poster: Kazakh and Russian side by side on an A4 sheet, no navigation (R5)', async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  for (const office of [offices[0], offices[2]]) {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`/offices/${office.id}?lang=kk`);
    await receptionSection(page).getByRole('link', { name: 'Басып шығаруға арналған кесте (A4)' }).click();
    await expect(page).toHaveURL(new RegExp(`/offices/${office.id}/print\\?lang=kk$`));

    const print = page.getByRole('button', { name: 'Басып шығару' });
    await expect(print).toBeVisible();
    const poster = page.getByRole('article');
    await expect(poster.getByRole('heading', { level: 1 })).toContainText(office.kk);
    await expect(poster.getByRole('heading', { level: 1 })).toContainText(office.ru);
    await expectNoSeriousA11yViolations(page, `the poster of ${office.id} on screen`);

    await page.emulateMedia({ media: 'print' });
    await expect(print).toBeHidden();
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(page.getByRole('link', { name: 'Прокуратура бетіне оралу' })).toBeHidden();

    await expect(poster.locator('[lang="kk"]', { hasText: office.kk }).first()).toBeVisible();
    await expect(poster.locator('[lang="ru"]', { hasText: office.ru }).first()).toBeVisible();
    await expect(poster.locator('[lang="kk"]', { hasText: 'қабылдау' }).first()).toBeVisible();
    await expect(poster.locator('[lang="ru"]', { hasText: 'приём' }).first()).toBeVisible();
    // Each official in both languages, with the days in both languages.
    const row = poster.getByRole('row').nth(1);
    await expect(row.locator('td[lang="kk"]')).toContainText('Қабылдау күндері мен уақыты');
    await expect(row.locator('td[lang="ru"]')).toContainText('Дни и время приёма');
    await expect(row.locator('td[lang="kk"] li').first()).toContainText(/\d\d:\d\d–\d\d:\d\d/);
    await expect(row.locator('td[lang="ru"] li').first()).toContainText(/\d\d:\d\d–\d\d:\d\d/);

    await expectNoSeriousA11yViolations(page, `the poster of ${office.id} in print`);

    if (office.id === 'gpo') {
      // The sheet as printed: A4 less the 14 mm margins of the print stylesheet, at 96 dpi.
      await page.setViewportSize({ width: 688, height: 1009 });
      await expect(poster.locator('[lang="ru"]', { hasText: 'приём' }).first()).toBeVisible();
      await page.screenshot({
        path: path.resolve(__dirname, '../../target/e2e-artifacts/poster.png'),
        fullPage: true,
      });
      await page.setViewportSize({ width: 360, height: 740 });
    }
  }
});

test('schedules usable at 320 px without sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true });
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  for (const url of ['/offices/shymkent?lang=ru', '/offices/almaty-region-talgar?lang=kk', '/offices/gpo/print?lang=ru']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('li.reception, .poster-table').first()).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `horizontal overflow on ${url}`).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test('a failed schedule load offers a retry; the rest of the office page stays', async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  let fail = true;
  await page.route('**/api/v1/offices/gpo/schedule', (route) =>
    fail ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.goto('/offices/gpo?lang=ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Генеральная прокуратура Республики Казахстан');
  const section = page.getByRole('region', { name: 'Личный приём', exact: true });
  const alert = section.getByRole('alert');
  await expect(alert).toContainText('Не удалось загрузить данные.');
  await expect(page.getByRole('region', { name: 'Ближайшие выходные и праздничные дни' })).toBeVisible();
  fail = false;
  await alert.getByRole('button', { name: 'Повторить' }).click();
  await expect(section.getByRole('list', { name: 'Ближайшие приёмы' }).first().getByRole('listitem').first())
    .toContainText(/Предварительная запись (открыта|закрыта)/);
});
