// Qabyldau's service worker: the directory, the office pages and the schedules a person has
// opened stay readable offline. Hand-written and small; nothing is precached.
//
// What it keeps is an allow-list of public things only: the pages `/` and `/offices/…`, the
// hashed bundles and stylesheets, and the public API reads (the directory, an office, its
// schedule, the calendar, the rules). Everything else passes through untouched and is never
// stored: the booking pages and every `/api/v1/bookings…` answer (they carry a person's data
// and manage token), staff pages and staff API, any request that is not a GET.
//
// Pages and API reads: the network first, the last copy when offline. A copy served offline
// carries `X-Qabyldau-Stored-At` (when it was stored), from which the page says "as of".
// Hashed assets (their name changes with their content): the cache first.

const CACHE = 'qabyldau-public-v1';
const STORED_AT = 'X-Qabyldau-Stored-At';

const PAGE = /^\/(offices\/[a-z0-9-]+(\/print)?)?$/;
const API = /^\/api\/v1\/(offices(\/[a-z0-9-]+(\/schedule)?)?|calendar\/\d{4}|rules)$/;
// Trunk writes its 64-bit content hash in hex without leading zeros: 1 to 16 digits.
const ASSET = /^\/(booking-(?:kk|ru|en)\/|manage-app\/|guide-app\/|directory-app\/|poster-app\/)?[a-z]+-[0-9a-f]{1,16}(_bg\.wasm|\.js|\.css)$/;
const NEVER = /^\/(staff|console|api\/v1\/staff|api\/v1\/bookings|bookings|register)(\/|$)/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || NEVER.test(url.pathname)) {
    return;
  }
  if (ASSET.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (API.test(url.pathname) || (request.mode === 'navigate' && PAGE.test(url.pathname))) {
    event.respondWith(networkFirst(request));
  }
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    // `no-cache` requests (the schedule) still revalidate with the server.
    const response = await fetch(request);
    if (response.status === 200) await cache.put(request, await stamped(response.clone()));
    return response;
  } catch (offline) {
    const hit = await cache.match(request);
    if (hit) return hit;
    throw offline;
  }
}

/// A copy to store, with the time it was stored.
async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(STORED_AT, new Date().toISOString());
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
