// The booking's proof of work (ALTCHA's SHA-256 scheme: GET /api/v1/challenge), solved off
// the page's thread so the form stays responsive (app/src/pow.rs). Receives
// {salt, challenge, maxnumber}; answers {number} (null if none up to maxnumber).
'use strict';
self.onmessage = async (event) => {
  const { salt, challenge, maxnumber } = event.data;
  const target = new Uint8Array(challenge.match(/../g).map((h) => parseInt(h, 16)));
  const encoder = new TextEncoder();
  for (let n = 0; n <= maxnumber; n += 1) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(salt + n)));
    let same = digest.length === target.length;
    for (let i = 0; same && i < digest.length; i += 1) same = digest[i] === target[i];
    if (same) {
      self.postMessage({ number: n });
      return;
    }
  }
  self.postMessage({ number: null });
};
