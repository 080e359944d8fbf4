// Shared by the e2e specs: the proof of work of POST /api/v1/bookings (ALTCHA's SHA-256
// scheme, GET /api/v1/challenge), solved as any client may solve it, for a request a spec
// sends itself. The wizard solves its own in a Web Worker (public/pow.js).
import { APIRequestContext, expect } from '@playwright/test';
import { createHash } from 'node:crypto';

export type Challenge = {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
};

export async function challenge(request: APIRequestContext): Promise<Challenge> {
  const reply = await request.get('/api/v1/challenge');
  expect(reply.status()).toBe(200);
  return reply.json();
}

/** The value of `X-Qabyldau-Challenge` for a fresh challenge. */
export async function solvedChallenge(request: APIRequestContext): Promise<string> {
  const c = await challenge(request);
  for (let n = 0; n <= c.maxnumber; n += 1) {
    if (createHash('sha256').update(c.salt + n).digest('hex') === c.challenge) {
      const payload = {
        algorithm: c.algorithm,
        challenge: c.challenge,
        number: n,
        salt: c.salt,
        signature: c.signature,
      };
      return Buffer.from(JSON.stringify(payload)).toString('base64');
    }
  }
  throw new Error(`no solution up to ${c.maxnumber}`);
}
