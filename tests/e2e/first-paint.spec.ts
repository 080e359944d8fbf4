// The directory's first paint: `/` arrives with every office in the URL's language, usable
// without JavaScript, and its script (the `directory` bundle) makes that same markup live in
// place — the root becomes `#app` — never showing a blank or loading page, keeping what the
// person typed.
import { test, expect, Page } from './fixtures';

const OFFICES = 249;
const officeLinks = 'a[href^="/offices/"]';

/// The markup as a canonical string: tags, attributes sorted, trimmed texts; comments and
/// empty texts (the SPA's placeholders) left out.
async function canonical(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((root) => {
    const walk = (n: Node): string => {
      if (n.nodeType === Node.TEXT_NODE) return (n.textContent ?? '').trim();
      if (n.nodeType !== Node.ELEMENT_NODE) return '';
      const e = n as Element;
      const attrs = [...e.attributes]
        .map((a) => `${a.name}="${a.value}"`)
        .sort()
        .join(' ');
      const inner = [...e.childNodes].map(walk).filter((s) => s !== '').join('');
      return `<${e.localName} ${attrs}>${inner}</${e.localName}>`;
    };
    return [...root.childNodes].map(walk).filter((s) => s !== '').join('');
  });
}

test('without JavaScript, / in Kazakh lists every office and links to it', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto('/?lang=kk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page).toHaveTitle('Прокуратура органдары — Qabyldau');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Прокуратура органдары');
  await expect(page.locator(officeLinks)).toHaveCount(OFFICES);
  await expect(page.locator(`${officeLinks}:not([href$="?lang=kk"])`)).toHaveCount(0);

  // A region opens without script, and its office is followed.
  await page.locator('summary').filter({ hasText: 'Түркістан облысының прокуратурасы' }).click();
  const link = page.getByRole('link', { name: 'Түркістан облысының прокуратурасы', exact: true });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/offices\/turkistan-region\?lang=kk$/);
  await context.close();
});

test('without ?lang=, the browser language chooses the first paint', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
  const page = await context.newPage();
  const response = await page.goto('/');
  expect(response?.headers()['cache-control']).toBe('no-cache');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Prosecutor's offices");
  await context.close();
});

test('the SPA takes over the same markup', async ({ browser }) => {
  for (const lang of ['kk', 'ru', 'en']) {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`/?lang=${lang}`);
    const firstPaint = await canonical(page, '#first-paint');
    await noScript.close();

    const context = await browser.newContext();
    const spa = await context.newPage();
    await spa.goto(`/?lang=${lang}`);
    await expect(spa.locator('#app')).toBeAttached();
    await expect(spa.locator('#first-paint')).toHaveCount(0);
    await expect(spa.locator(officeLinks)).toHaveCount(OFFICES);
    expect(await canonical(spa, '#app'), `the SPA's markup (${lang})`).toBe(firstPaint);
    await context.close();
  }
});

test('no frame without the offices between first paint and the SPA', async ({ page }) => {
  // Each animation frame from the start records how many office links the page shows.
  await page.addInitScript(() => {
    const counts: number[] = [];
    (window as any).__counts = counts;
    const sample = () => {
      counts.push(document.querySelectorAll('a[href^="/offices/"]').length);
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await page.goto('/?lang=ru');
  await expect(page.locator('#app')).toBeAttached();
  await page.waitForTimeout(500);
  const counts: number[] = await page.evaluate(() => (window as any).__counts);
  expect(counts.length).toBeGreaterThan(5);
  expect(counts.filter((c) => c !== OFFICES), 'frames with another count of offices').toEqual([]);
});

/// Holds the wasm back until the returned function is called, so the person acts on the
/// first paint.
async function holdWasm(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('what was typed before the SPA loaded is kept, with the focus', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/?lang=ru');
  const search = page.locator('#first-paint #office-search');
  await search.fill('шымкент');
  await expect(search).toBeFocused();
  release();

  await expect(page.locator('#first-paint')).toHaveCount(0);
  await expect(page.getByRole('searchbox')).toHaveValue('шымкент');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Найдено 6 прокуратур' })).toBeVisible();
});

test('a region opened before the SPA loaded stays open', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/?lang=ru');
  const region = (root: string) =>
    page.locator(`${root} details.region`).filter({ hasText: 'Прокуратура Туркестанской области' });
  await region('#first-paint').locator('summary').click();
  await expect(region('#first-paint')).toHaveAttribute('open', '');
  release();

  await expect(page.locator('#first-paint')).toHaveCount(0);
  await expect(region('#app')).toHaveAttribute('open', '');
  await expect(page.locator('#app details.region[open]')).toHaveCount(1);
});
