// `cargo xtask perf`: the timing figures against a release build served by
// `wrangler dev` (QABYLDAU_URL), in Debian's Chromium (CHROMIUM). Prints, never asserts.
//
// 1. Directory ready: a 360 px phone, CPU slowed 4×, 150 ms round trip, 1.6 Mbit/s down,
//    a cold cache (a new browser context each run), median of RUNS: when the list of offices
//    is painted (the first contentful paint: the page arrives with the list), and when the
//    SPA has taken it over (search and language switch work).
// 2. Lighthouse (its mobile defaults: emulated phone, simulated slow 4G and 4× CPU) on / and
//    an office page, median of LIGHTHOUSE_RUNS: performance, accessibility, best practices.
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const base = process.env.QABYLDAU_URL;
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!base) throw new Error('QABYLDAU_URL is not set: run through `cargo xtask perf`');
const RUNS = Number(process.env.PERF_RUNS || 5);
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3);
// Nothing may leave loopback.
const flags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function directoryReady() {
  const browser = await chromium.launch({ executablePath, args: flags });
  const painted = [];
  const interactive = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'kk-KZ',
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1e6) / 8,
      uploadThroughput: (0.75 * 1e6) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${base}/?lang=kk`, { waitUntil: 'commit' });
    await page.locator('main a[href^="/offices/gpo"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForFunction(() => document.getElementById('app')?.isConnected, null, {
      polling: 'raf',
      timeout: 60_000,
    });
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      now: performance.now(),
      links: document.querySelectorAll('main a[href^="/offices/"]').length,
    }));
    if (t.links < 249) throw new Error(`only ${t.links} office links shown`);
    painted.push(t.fcp);
    interactive.push(t.now);
    console.log(`  run ${i + 1}: list painted ${(t.fcp / 1000).toFixed(2)} s, search live ${(t.now / 1000).toFixed(2)} s`);
    await context.close();
  }
  await browser.close();
  return { painted: median(painted), interactive: median(interactive) };
}

async function lighthouseScores(url) {
  const scores = { performance: [], accessibility: [], 'best-practices': [] };
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: executablePath,
      chromeFlags: ['--headless=new', ...flags],
    });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.keys(scores),
      });
      const cats = result.lhr.categories;
      for (const k of Object.keys(scores)) scores[k].push(Math.round(cats[k].score * 100));
      console.log(
        `  ${url} run ${i + 1}: ` +
          Object.keys(scores).map((k) => `${k} ${Math.round(cats[k].score * 100)}`).join(', ') +
          // What the performance score is made of, to know where to cut.
          '; ' +
          ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
            .map((a) => `${a.replace(/-/g, ' ').replace(/\b(\w)\w*/g, '$1').replace(/ /g, '').toUpperCase()} ${result.lhr.audits[a].displayValue}`)
            .join(', '),
      );
    } finally {
      await chrome.kill();
    }
  }
  return Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, median(v)]));
}

console.log(`directory ready at 360 px, CPU ×4, 150 ms RTT, 1.6 Mbit/s, cold cache (${RUNS} runs):`);
const ready = await directoryReady();
console.log(`Lighthouse mobile (${LIGHTHOUSE_RUNS} runs each):`);
const pages = { '/': `${base}/?lang=kk`, 'an office page': `${base}/offices/almaty-region-talgar?lang=kk` };
const lh = {};
for (const [name, url] of Object.entries(pages)) lh[name] = await lighthouseScores(url);

const row = (what, now, target, ok) => `| ${what.padEnd(58)} | ${now.padStart(14)} | ${target.padStart(12)} | ${ok ? 'met' : 'NOT MET'}`;
console.log('');
console.log(row('what (median)', 'now', 'target', true).replace(/met$/, 'status'));
console.log(row('directory list painted (first paint)', `${(ready.painted / 1000).toFixed(2)} s`, '≤ 2.0 s', ready.painted <= 2000));
console.log(row('directory search live (its bundle loaded)', `${(ready.interactive / 1000).toFixed(2)} s`, '(no target)', true).replace(/ met$/, ' —'));
for (const [name, s] of Object.entries(lh)) {
  const ok = s.performance >= 95 && s.accessibility === 100 && s['best-practices'] >= 95;
  console.log(row(`Lighthouse ${name}: perf / a11y / best practices`, `${s.performance} / ${s.accessibility} / ${s['best-practices']}`, '95 / 100 / 95', ok));
}
