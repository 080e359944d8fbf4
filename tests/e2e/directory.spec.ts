// The directory as a person on a phone uses it: choose a language, search, open an office,
// reload it; accessible (axe-core) and usable at 320 px and with a keyboard.
import { test, expect } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';

const cases = [
  {
    lang: 'ru',
    switchTo: 'Русский',
    searchLabel: 'Поиск прокуратуры по названию',
    found: 'Найдено 6 прокуратур',
    result: 'Прокуратура города Шымкент',
  },
  {
    lang: 'kk',
    switchTo: 'Қазақша',
    searchLabel: 'Прокуратураны атауы бойынша іздеу',
    found: '6 прокуратура табылды',
    result: 'Шымкент қаласының прокуратурасы',
  },
];

for (const c of cases) {
  test(`search «шымкент», open the office and reload it in ${c.lang}`, async ({ page }) => {
    await page.goto('/?lang=en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Prosecutor's offices");

    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: c.switchTo }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]lang=${c.lang}`));
    await expect(page.locator('html')).toHaveAttribute('lang', c.lang);

    const search = page.getByLabel(c.searchLabel);
    await search.fill('шымкент');
    await expect(page.getByRole('status').filter({ hasText: c.found })).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the directory (${c.lang})`);

    await page.getByRole('link', { name: c.result, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/offices/shymkent\\?lang=${c.lang}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.result);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.result);
    await expect(page.locator('html')).toHaveAttribute('lang', c.lang);
    await expect(page).toHaveTitle(new RegExp(c.result));
    await expectNoSeriousA11yViolations(page, `the office page (${c.lang})`);
  });
}

test('search ignores case, ё/е and Kazakh letters', async ({ page }) => {
  await page.goto('/?lang=kk');
  const search = page.getByRole('searchbox');
  await search.fill('ТАЛГАР');
  await expect(page.getByRole('link', { name: 'Талғар ауданының прокуратурасы' })).toBeVisible();
  // A Russian name typed while the page is in Kazakh still finds it.
  await search.fill('талгарского');
  await expect(page.getByRole('link', { name: 'Талғар ауданының прокуратурасы' })).toBeVisible();
  await search.fill('no such office at all');
  await expect(page.getByRole('status').filter({ hasText: 'Ештеңе табылмады' })).toBeVisible();
  // An empty search is the whole directory again, with no count.
  await search.fill('');
  await expect(page.locator('main a[href^="/offices/"]')).toHaveCount(249);
  await expect(page.locator('details.region').first()).toBeVisible();
  await expect(page.locator('p.result-count')).toHaveText('');
});

test('the language is remembered and otherwise taken from the browser', async ({ browser }) => {
  for (const [locale, lang] of [['ru-RU', 'ru'], ['en-GB', 'en'], ['kk-KZ', 'kk'], ['de-DE', 'kk']]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`\\?lang=${lang}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await context.close();
  }
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/?lang=ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  // The first paint has lang="ru" before the SPA runs; the SPA is what remembers the choice.
  await expect(page.locator('#app')).toBeAttached();
  await page.goto('/offices/gpo');
  await expect(page).toHaveURL(/\/offices\/gpo\?lang=ru$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Генеральная прокуратура Республики Казахстан',
  );
  await context.close();
});

test('usable at 320 px without sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true });
  const page = await context.newPage();
  for (const path of ['/?lang=kk', '/offices/east-kazakhstan-region-ulken-naryn?lang=ru']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status')).toHaveCount(path === '/?lang=kk' ? 1 : 0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test('keyboard: skip link, search, and opening a result', async ({ page }) => {
  await page.goto('/?lang=en');
  await expect(page.getByRole('searchbox')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.getByLabel('Search offices by name').focus();
  await page.keyboard.type('Oskemen');
  const result = page.getByRole('link', { name: 'Prosecutor\'s Office of Oskemen City' });
  await result.focus();
  const outline = await result.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline, 'focus is visible').not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Prosecutor's Office of Oskemen City");
});

test('a failed load says so and offers to retry; nothing is blank', async ({ page }) => {
  let fail = true;
  await page.route('**/api/v1/offices/gpo', (route) => (fail ? route.abort('internetdisconnected') : route.continue()));
  await page.goto('/offices/gpo?lang=ru');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Не удалось загрузить данные.');
  await expect(alert).toContainText('Проверьте подключение к интернету');
  fail = false;
  await alert.getByRole('button', { name: 'Повторить' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Генеральная прокуратура Республики Казахстан');
});

test('when the directory cannot load, its first paint stays and its links work', async ({ page }) => {
  await page.route('**/api/v1/offices', (route) => route.abort('internetdisconnected'));
  await page.goto('/?lang=ru');
  const gpo = page.getByRole('link', { name: 'Генеральная прокуратура Республики Казахстан' });
  await expect(gpo).toBeVisible();
  await gpo.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Генеральная прокуратура Республики Казахстан');
});

test('an unknown office says it is not there', async ({ page }) => {
  await page.goto('/offices/no-such-office?lang=en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'All offices' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Prosecutor's offices");
});

test('a district office says no pre-registration is needed (R37)', async ({ page }) => {
  await page.goto('/offices/almaty-region-talgar?lang=ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Прокуратура Талгарского района');
  await expect(page.getByText('Предварительная запись не нужна')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Прокуратура Алматинской области' }).first()).toBeVisible();
});

test('the office page shows the working calendar computed in the browser', async ({ page }) => {
  // 10 Dec 2026, 10:00 in Kazakhstan (UTC+5): 16 Dec is Independence Day (a Wednesday);
  // 2 Jan 2027 is a Saturday, so the holiday moves to Monday 4 Jan; 7 Jan never moves.
  await page.clock.setFixedTime(new Date('2026-12-10T05:00:00Z'));
  await page.goto('/offices/gpo?lang=ru');
  const section = page.getByRole('region', { name: 'Ближайшие выходные и праздничные дни' });
  await expect(section).toContainText('Сегодня рабочий день.');
  const items = section.getByRole('listitem');
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toHaveText('16 декабря 2026 г., среда — День Независимости');
  await expect(items.nth(1)).toContainText('1 января 2027 г., пятница');
  await expect(items.nth(2)).toContainText('4 января 2027 г., понедельник');
  await expect(items.nth(3)).toContainText('7 января 2027 г., четверг — Православное Рождество');

  await page.clock.setFixedTime(new Date('2026-12-16T05:00:00Z'));
  await page.goto('/offices/gpo?lang=kk');
  await expect(page.getByText('Бүгін — демалыс күні.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '2026 жылғы 16 желтоқсан, сәрсенбі' })).toBeVisible();
});
