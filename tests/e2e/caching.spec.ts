// Caching as served: the hashed assets (names change with their content) are kept for a
// year without asking again; every HTML page, which names the current assets, is revalidated.
import { test, expect } from './fixtures';

const immutable = 'public, max-age=31536000, immutable';

test('hashed assets are immutable, pages are revalidated, wasm is compressed', async ({ request }) => {
  for (const page of ['/?lang=kk', '/offices/gpo?lang=ru', '/offices/gpo/print?lang=kk', '/register/gpo/x?lang=kk']) {
    const response = await request.get(page);
    expect(response.status(), page).toBe(200);
    const cache = response.headers()['cache-control'] ?? '';
    expect(cache, `${page}: ${cache}`).toMatch(/no-cache|max-age=0, must-revalidate/);
    const html = await response.text();
    const assets = [...html.matchAll(/(?:href|src)="(\/[^"]+\.(?:js|css|wasm))"|'(\/[^']+\.(?:js|wasm))'/g)].map(
      (m) => m[1] ?? m[2],
    );
    // The hashed ones (the service worker's script, /sw.js, must not be kept: see below).
    // Trunk writes its 64-bit hash in hex without leading zeros: 1 to 16 digits.
    const hashed = assets.filter((a) => /-[0-9a-f]{1,16}(_bg\.wasm|\.js|\.css)$/.test(a));
    expect(hashed.length, `${page} loads its bundle`).toBeGreaterThanOrEqual(3);
    for (const asset of hashed) {
      const a = await request.get(asset, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(a.status(), asset).toBe(200);
      expect(a.headers()['cache-control'], asset).toBe(immutable);
      if (asset.endsWith('.wasm')) {
        expect(a.headers()['content-type'], asset).toBe('application/wasm');
        expect(a.headers()['content-encoding'], asset).toBe('gzip');
      }
    }
  }
});

test('the service worker script is revalidated, so a new one is found', async ({ request }) => {
  const response = await request.get('/sw.js');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toMatch(/max-age=0|no-cache/);
});

test('the first paint answers 304 to its ETag', async ({ request }) => {
  const first = await request.get('/?lang=ru');
  const etag = first.headers()['etag'];
  expect(etag).toBeTruthy();
  const again = await request.get('/?lang=ru', { headers: { 'If-None-Match': etag } });
  expect(again.status()).toBe(304);
});

// The JSON file: the platform compresses application/json (wrangler dev and the edge alike);
// text/csv is not in either's default list (see the README, "Open data").
test('the open-data JSON comes gzip-compressed to a client that accepts it', async ({ request }) => {
  const response = await request.get('/api/v1/open-data/schedules.json', {
    headers: { 'Accept-Encoding': 'gzip' },
  });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-encoding']).toBe('gzip');
  expect(response.headers()['etag']).toBeTruthy();
  expect((await response.text()).startsWith('{"receptions":[')).toBe(true);
});
