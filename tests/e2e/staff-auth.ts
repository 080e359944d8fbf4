// Shared by the console specs: the staff fixtures (QABYLDAU_STAFF), TOTP codes (RFC 6238)
// from their base32 keys, the console's headers of a state-changing request, accounts made
// and enrolled through the API by the fixture admin, and requests as the public form sends
// them (a valid random IIN, a solved proof of work).
import { APIRequestContext, expect } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { solvedChallenge } from './challenge';
import { randomIin } from './person';

export function fixture(key: string): { id: string; login: string; password: string; totp_secret: string } {
  const file = process.env.QABYLDAU_STAFF;
  if (!file) throw new Error('QABYLDAU_STAFF is not set: run through `cargo xtask test`');
  const all = JSON.parse(readFileSync(file, 'utf8'));
  if (!all[key]) throw new Error(`${file} has no account "${key}"`);
  return all[key];
}

/// RFC 4648 base32 (no padding; spaces and case ignored).
export function base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of text.replace(/\s+/g, '').toUpperCase()) {
    const i = alphabet.indexOf(c);
    if (i < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export const stepNow = () => Math.floor(Date.now() / 30_000);

/// RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits).
export function totp(secret: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/// An address of the documentation range per client, so that no rate-limit budget is shared.
export const clientIp = () => `198.51.100.${1 + Math.floor(Math.random() * 254)}`;

/// The console's headers of a state-changing request: the marker and this origin.
export function consoleHeaders(baseURL: string) {
  return { 'X-Qabyldau-Staff': '1', Origin: new URL(baseURL).origin, 'CF-Connecting-IP': clientIp() };
}

/// Accounts of `office`, each with its roles and name, made by the fixture admin and enrolled
/// through the API: each one's sign-in code comes from its `secret`. The admin's code is
/// accepted once per step, and other runs may have spent the current one or the next (the
/// Worker keeps the last step used): later steps are tried, waiting for them as needed.
export async function newAccounts(
  api: APIRequestContext,
  baseURL: string,
  office: string,
  accounts: { roles: string[]; name: string }[],
) {
  const admin = fixture('gpo_admin');
  const first = stepNow();
  for (let s = first; ; s++) {
    while (stepNow() < s - 1) await new Promise((r) => setTimeout(r, 1000));
    const signIn = await api.post('/api/v1/staff/session', {
      headers: consoleHeaders(baseURL),
      data: { login: admin.login, password: admin.password, code: totp(base32(admin.totp_secret), s) },
    });
    if (signIn.status() === 200) break;
    expect(signIn.status(), await signIn.text()).toBe(401);
    if (s >= first + 4) throw new Error('the fixture admin cannot sign in');
  }
  const made = [];
  for (const { roles, name } of accounts) {
    const login = `e2e-${roles.join('-')}-${Date.now()}-${made.length}@test.qabyldau.kz`;
    const created = await api.post('/api/v1/staff/accounts', {
      headers: consoleHeaders(baseURL),
      data: { login, name, office_id: office, roles },
    });
    expect(created.status(), await created.text()).toBe(201);
    const password = (await created.json()).initial_password as string;
    const enrolled = await api.post('/api/v1/staff/enrolment', {
      headers: consoleHeaders(baseURL),
      data: { login, password },
    });
    expect(enrolled.status(), await enrolled.text()).toBe(200);
    made.push({ login, password, name, secret: base32((await enrolled.json()).secret) });
  }
  return made;
}

// One IIN generator for every spec (person.ts).
export { randomIin };

/// Answers that admit a request to an official of `kind`: competence yes, the rest no.
export async function admissibleAnswers(api: APIRequestContext, kind: string) {
  const response = await api.get('/api/v1/rules');
  expect(response.status()).toBe(200);
  const rules = await response.json();
  const answers: Record<string, string> = {};
  for (const q of rules.questions) {
    if (!(q.applies_to as string[]).includes(kind)) continue;
    answers[q.id] = q.role === 'competence' ? 'yes' : 'no';
  }
  return answers;
}

/// A request in Kazakh through the public API, as the online form sends it: its code and
/// the manage link's path.
export async function book(api: APIRequestContext, reception: string, answers: Record<string, string>, surname: string) {
  const response = await api.post('/api/v1/bookings', {
    headers: {
      'Idempotency-Key': crypto.randomUUID(),
      'CF-Connecting-IP': clientIp(),
      'X-Qabyldau-Challenge': await solvedChallenge(api),
    },
    data: {
      reception_id: reception,
      language: 'kk',
      applicant: {
        kind: 'individual',
        citizenship: 'citizen',
        iin: randomIin(),
        surname,
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
