// End-to-end tests: Debian's Chromium (never a downloaded browser) on a phone-sized
// viewport, against the Worker that `cargo xtask test` starts (QABYLDAU_URL).
import { defineConfig } from '@playwright/test';
import * as path from 'node:path';

const baseURL = process.env.QABYLDAU_URL;
if (!baseURL) throw new Error('QABYLDAU_URL is not set: run through `cargo xtask test`');

export default defineConfig({
  testDir: '.',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [
    ['list'],
    ['json', { outputFile: path.resolve(__dirname, '../../target/e2e-results.json') }],
  ],
  outputDir: path.resolve(__dirname, '../../target/e2e-artifacts'),
  use: {
    baseURL,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'kk-KZ',
    screenshot: 'only-on-failure',
    // The service worker (public/sw.js) is tested by offline.spec.ts, which allows it; the
    // other specs route and fail requests, which a service worker would answer instead.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // Nothing may leave loopback (Debian's Chromium looks up Google hosts otherwise).
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    },
  },
});
