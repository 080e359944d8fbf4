// The booking's proof of work: any client can solve it (tests/e2e/challenge.ts), and the
// browser solves it off the page's thread in about a second, nothing to see or hear.
import { test, expect } from './fixtures';
import { challenge, solvedChallenge } from './challenge';

test('a booking request needs a solved proof of work, which any client can make', async ({ request }) => {
  // A request the Rules refuse anyway (an IIN with a wrong check digit): nothing is booked.
  const body = JSON.stringify({
    reception_id: 'ulytau-region-test-head-open-20300101',
    language: 'kk',
    applicant: {
      kind: 'individual', citizenship: 'citizen', iin: '900101300018', surname: 'Серікбаев',
      given_name: 'Нұрлан', patronymic: null, phone: '+77011234567', email: null,
    },
    on_behalf_of: null,
    matter: { substance: 'Аудандық әкімдік жер учаскесін заңсыз алып қойды, шағымыма жауап берілмеді.', answers: {} },
    format: 'in_person', interpreter: null, out_of_town: false,
  });
  const post = (headers: Record<string, string>) =>
    request.post('/api/v1/bookings', {
      data: body,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}`, ...headers },
    });
  const without = await post({});
  expect(without.status()).toBe(422);
  expect((await without.json()).error).toMatchObject({ code: 'challenge_required', field: 'X-Qabyldau-Challenge' });
  const solved = await post({ 'X-Qabyldau-Challenge': await solvedChallenge(request) });
  expect(solved.status()).toBe(422);
  expect((await solved.json()).error).toMatchObject({ code: 'bad_checksum', field: 'applicant.iin' });
});

test('the browser solves the proof of work in a Web Worker in about a second', async ({ page, request }) => {
  await page.goto('/register/ulytau-region-test-head-open-20300101');
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const c = await challenge(request);
    const { number, ms } = await page.evaluate(async (c) => {
      const started = performance.now();
      const worker = new Worker('/pow.js');
      const number = await new Promise<number | null>((resolve) => {
        worker.onmessage = (e) => resolve(e.data.number);
        worker.postMessage({ salt: c.salt, challenge: c.challenge, maxnumber: c.maxnumber });
      });
      worker.terminate();
      return { number, ms: performance.now() - started };
    }, c);
    expect(number).not.toBeNull();
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const c = await challenge(request);
  console.log(
    `proof of work, maxnumber ${c.maxnumber}: median ${Math.round(times[2])} ms, ` +
      `max ${Math.round(times[4])} ms (headless Chromium, this machine)`,
  );
  // Well under what would keep a person waiting; a phone is slower than this machine.
  expect(times[2]).toBeLessThan(10_000);
});
