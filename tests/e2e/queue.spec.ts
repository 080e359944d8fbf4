// The electronic queue (R39-3): a phone (360 px, Kazakh) takes a ticket from the office page
// while the hall's board is open in a second page; the receiver (the fixture `receiver` of
// QABYLDAU_STAFF, through the API as the console would) calls next; the board and the phone
// show the number called within 5 seconds. axe-core on the kiosk, the board and the ticket
// page, and the kiosk issues a ticket with its big buttons.
//
// Every request names the same instant, a working Friday at 10:00, through the test server's
// clock header (worker/src/clock.rs), so the queue is open whatever the real time.
import { test, expect, request as apiRequest, APIRequestContext } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expectNoSeriousA11yViolations } from './a11y';

const CLOCK = { 'X-Qabyldau-Test-Clock': '2027-03-12T10:00:00+05:00' };
const OFFICE = 'ulytau-region-satpayev-city';

function receiverFixture(): { login: string; password: string; totp_secret: string } {
  const file = process.env.QABYLDAU_STAFF;
  if (!file) throw new Error('QABYLDAU_STAFF is not set: run through `cargo xtask test`');
  const all = JSON.parse(readFileSync(file, 'utf8'));
  if (!all.receiver) throw new Error(`${file} has no account "receiver"`);
  return all.receiver;
}

function base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of text.replace(/\s+/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/// RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits).
function totp(secret: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/// The receiver signed in: an API context sending the session cookie, the console's CSRF
/// headers and the clock. A code is accepted once, so a later step is tried if another run
/// spent this one.
async function receiver(baseURL: string): Promise<APIRequestContext> {
  const f = receiverFixture();
  const headers = { ...CLOCK, 'X-Qabyldau-Staff': '1', Origin: baseURL };
  const anonymous = await apiRequest.newContext({ baseURL, extraHTTPHeaders: headers });
  const step = Math.floor(Date.now() / 30_000);
  for (const s of [step, step + 1, step + 2]) {
    const reply = await anonymous.post('/api/v1/staff/session', {
      data: { login: f.login, password: f.password, code: totp(base32(f.totp_secret), s) },
    });
    if (reply.status() === 200) {
      const cookie = (reply.headers()['set-cookie'] || '').split(';')[0];
      await anonymous.dispose();
      return apiRequest.newContext({ baseURL, extraHTTPHeaders: { ...headers, Cookie: cookie } });
    }
  }
  throw new Error('the fixture receiver cannot sign in');
}

test('a phone takes a ticket, the receiver calls it, board and phone show it within 5 s', async ({
  browser,
  baseURL,
}) => {
  const staff = await receiver(baseURL!);
  // Whoever still waits on that day (a re-run) is received first.
  for (;;) {
    const next = await staff.post(`/api/v1/staff/queue/${OFFICE}/next`, { data: { room: '7' } });
    if (next.status() === 409) break;
    expect(next.status()).toBe(200);
    const n = (await next.json()).ticket.number;
    expect((await staff.post(`/api/v1/staff/queue/${OFFICE}/tickets/${n}/finish`)).status()).toBe(200);
  }

  const context = await browser.newContext({
    extraHTTPHeaders: CLOCK,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'kk-KZ',
    serviceWorkers: 'block',
  });
  const board = await context.newPage();
  await board.goto(`/queue/${OFFICE}/board?lang=kk`);
  await expect(board.getByRole('heading', { level: 1 })).toContainText('Электрондық кезек');
  await expect(board.getByRole('heading', { level: 1 })).toContainText('Электронная очередь');
  await expectNoSeriousA11yViolations(board, 'the board');

  const phone = await context.newPage();
  // The office page offers the ticket by the browser's clock (the Worker's is the header):
  // the same instant, 10:00 in Kazakhstan.
  await phone.clock.setFixedTime(new Date('2027-03-12T05:00:00Z'));
  await phone.goto(`/offices/${OFFICE}?lang=kk`);
  await phone.getByRole('link', { name: 'Талон алу' }).click();
  await expect(phone).toHaveURL(new RegExp(`/queue/${OFFICE}/take`));
  await expect(phone.getByRole('radio', { name: 'Қазақша' })).toBeChecked();
  await expectNoSeriousA11yViolations(phone, 'taking a ticket');
  await phone.getByRole('button', { name: 'Талон алу' }).click();
  await expect(phone).toHaveURL(new RegExp(`/queue/${OFFICE}/ticket/\\d+`));
  const number = Number(phone.url().match(/ticket\/(\d+)/)![1]);
  await expect(phone.locator('.big-number')).toHaveText(String(number));
  await expect(phone.getByText('Алдыңызда')).toBeVisible();
  // Nothing scrolls sideways at 360 px.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoSeriousA11yViolations(phone, 'the ticket page');
  // And at 320 px, the ticket page and the board.
  for (const p of [phone, board]) {
    await p.setViewportSize({ width: 320, height: 640 });
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  }

  const called = await staff.post(`/api/v1/staff/queue/${OFFICE}/next`, { data: { room: '7' } });
  expect(called.status()).toBe(200);
  expect((await called.json()).ticket.number).toBe(number);

  await expect(board.locator('.board-table tbody')).toContainText(String(number), { timeout: 5_000 });
  await expect(board.locator('.board-announce')).toContainText('7', { timeout: 5_000 });
  await expect(phone.getByRole('alert')).toContainText('Сіздің нөміріңіз шақырылды', {
    timeout: 5_000,
  });
  await expect(phone.locator('.room')).toHaveText('7');

  expect((await staff.post(`/api/v1/staff/queue/${OFFICE}/tickets/${number}/finish`)).status()).toBe(200);
  await staff.dispose();
  await context.close();
});

test('the kiosk issues a ticket with big buttons in kk and ru', async ({ browser }) => {
  const context = await browser.newContext({
    extraHTTPHeaders: CLOCK,
    viewport: { width: 800, height: 1280 },
    hasTouch: true,
    serviceWorkers: 'block',
  });
  const kiosk = await context.newPage();
  await kiosk.goto(`/queue/${OFFICE}/kiosk?lang=kk`);
  await expect(kiosk.getByRole('button', { name: 'ҚАЗАҚША' })).toBeVisible();
  await expect(kiosk.getByRole('button', { name: 'НА РУССКОМ' })).toBeVisible();
  await expectNoSeriousA11yViolations(kiosk, 'the kiosk');
  await kiosk.getByRole('button', { name: 'НА РУССКОМ' }).click();
  await expect(kiosk.getByRole('heading', { level: 2 })).toHaveText(
    'Есть ли у вас право на приём вне очереди?',
  );
  await kiosk.getByRole('button', { name: 'Беременные женщины' }).click();
  await kiosk.getByRole('button', { name: 'Нет' }).click();
  await expect(kiosk.locator('.kiosk-ticket .big-number')).toHaveText(/^\d+$/);
  await expectNoSeriousA11yViolations(kiosk, 'the kiosk with its ticket');
  await context.close();
});

test('the board keeps its last answer through failures and a 429, says how old it is, and waits the Retry-After', async ({
  browser,
}) => {
  const context = await browser.newContext({ extraHTTPHeaders: CLOCK, serviceWorkers: 'block' });
  const board = await context.newPage();
  await board.goto(`/queue/${OFFICE}/board?lang=kk`);
  const waiting = board.locator('.board-waiting strong');
  await expect(waiting).toHaveText(/^\d+$/);
  const shown = await waiting.textContent();
  const note = board.locator('.poll-note');
  await expect(note).toBeEmpty();
  const state = `**/api/v1/queue/${OFFICE}`;

  // The network fails: the last answer stays, and after a few polls the board says so and
  // as of when, in kk and ru.
  await board.route(state, (route) => route.abort());
  await expect(note).toContainText('Жаңарту мүмкін болмады', { timeout: 10_000 });
  await expect(note).toContainText('Не удалось обновить');
  await expect(note).toContainText(/\d\d:\d\d:\d\d кезіндегі жағдай көрсетілген/);
  await expect(note).toContainText(/Показано по состоянию на \d\d:\d\d:\d\d/);
  await expect(waiting).toHaveText(shown!);
  await board.unroute(state);
  await expect(note).toBeEmpty({ timeout: 5_000 });

  // The service limits this network: not an error; the board says it updates less often
  // and asks again only after the Retry-After.
  let asked = 0;
  await board.route(state, (route) => {
    asked += 1;
    return route.fulfill({
      status: 429,
      headers: { 'Retry-After': '6', 'Content-Type': 'application/json' },
      body: JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests' } }),
    });
  });
  await expect(note).toContainText('Осы желіден сұраулар тым көп', { timeout: 5_000 });
  await expect(note).toContainText('Из этой сети слишком много запросов');
  await expect(note).toContainText(/по состоянию на \d\d:\d\d:\d\d/);
  await expect(board.getByRole('alert')).not.toContainText('Не удалось');
  await expect(waiting).toHaveText(shown!);
  const after429 = asked;
  await board.waitForTimeout(4_000);
  expect(asked, 'no poll before the Retry-After').toBe(after429);
  await board.unroute(state);
  await expect(note).toBeEmpty({ timeout: 6_000 });

  // A poll that hangs, neither answered nor failed, is given up after its time limit (8 s)
  // as a failure: the board says so, and as of when, rather than waiting without end.
  await board.route(state, () => {});
  await expect(note).toContainText('Жаңарту мүмкін болмады', { timeout: 20_000 });
  await expect(note).toContainText(/Показано по состоянию на \d\d:\d\d:\d\d/);
  await expect(waiting).toHaveText(shown!);
  await board.unroute(state);
  await expect(note).toBeEmpty({ timeout: 15_000 });
  await expectNoSeriousA11yViolations(board, 'the board with its note');
  await context.close();
});
