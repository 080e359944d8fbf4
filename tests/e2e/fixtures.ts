// Shared by every e2e spec (import `test` and `expect` from here, not from
// '@playwright/test'): a test fails when the console reports a Content-Security-Policy
// violation, so nothing the app does may need more than the policy the Worker and
// public/_headers send (worker/src/http.rs).
import { test as base, expect, BrowserContext } from '@playwright/test';

export * from '@playwright/test';

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      const watch = (c: BrowserContext) => {
        c.on('console', (message) => {
          const text = message.text();
          if (/Content Security Policy/i.test(text)) {
            violations.push(`${message.location().url}: ${text}`);
          }
        });
        c.on('weberror', (error) => {
          const text = String(error.error());
          if (/Content Security Policy/i.test(text)) violations.push(text);
        });
      };
      watch(context);
      // The contexts a spec makes itself (another locale, JavaScript off) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const made = await newContext(options);
        watch(made);
        return made;
      };
      await use();
      browser.newContext = newContext;
      expect(violations, 'Content-Security-Policy violations in the console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
