// Offline: after one visit, with the network cut (Playwright's offline mode), the directory
// and an office page visited before still show, saying how old their data is; nothing with
// a person's data is ever stored by the service worker.
import { test, expect, BrowserContext, Page } from './fixtures';

test.use({ serviceWorkers: 'allow' });

/// The network cut: the page's requests (offline mode) and the service worker's own, which
/// Chromium's offline emulation does not reach (Playwright routes them in Chromium).
async function cutNetwork(context: BrowserContext) {
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
}

async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
}

test('the directory and a visited office page read offline, with their "as of"', async ({ context, page }) => {
  await page.goto('/?lang=kk');
  await controlled(page);
  // Visited while online, under the service worker: the directory, then an office page.
  await page.reload();
  await expect(page.locator('#app')).toBeAttached();
  await page.goto('/offices/shymkent?lang=kk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Шымкент қаласының прокуратурасы');
  await expect(page.getByText('Интернет байланысы жоқ')).toHaveCount(0);

  await cutNetwork(context);
  await page.goto('/?lang=kk');
  await expect(page.locator('#app')).toBeAttached();
  await expect(page.locator('main a[href^="/offices/"]')).toHaveCount(249);
  const note = page.getByRole('status').filter({ hasText: 'Интернет байланысы жоқ' });
  await expect(note).toBeVisible();
  await expect(note).toContainText('жағдайы бойынша');

  await page.goto('/offices/shymkent?lang=kk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Шымкент қаласының прокуратурасы');
  await expect(page.getByRole('status').filter({ hasText: 'Интернет байланысы жоқ' })).toBeVisible();
});

test('the service worker stores nothing personal and no booking or staff page', async ({ page, request }) => {
  await page.goto('/?lang=ru');
  await controlled(page);
  await page.goto('/offices/gpo?lang=ru');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // A booking page and a booking read go through the worker's scope too.
  await page.goto('/bookings/ABCD-EFGH-JKMN?lang=ru#t=x');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => fetch('/api/v1/bookings/ABCD-EFGH-JKMN').then((r) => r.text()));
  const stored: string[] = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const r of await cache.keys()) urls.push(new URL(r.url).pathname);
    }
    return urls;
  });
  expect(stored.length).toBeGreaterThan(3);
  expect(stored.filter((p) => /^\/(bookings|register|staff|api\/v1\/bookings|api\/v1\/staff)/.test(p))).toEqual([]);
  expect(stored).toContain('/api/v1/offices/gpo');
});
