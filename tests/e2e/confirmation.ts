// The wizard hands a booking just made over to its manage page: the location is replaced by
// `/bookings/{code}?lang=…#t={token}&new=1`, and that page shows the confirmation once — the
// "done" heading, the slip with the booking code, and the manage link with the token in its
// fragment (never sent to a server).
import { expect, Page } from '@playwright/test';

export const DONE_KK = 'Өтініш қабылданды, орныңыз сақталды';

/// Waits for the wizard to hand the booking over to its manage page; returns the booking's
/// code, from the new address.
export async function expectHandOver(page: Page, lang = 'kk', timeout = 30_000): Promise<string> {
  await expect(page).toHaveURL(new RegExp(`/bookings/[0-9A-Z-]+\\?lang=${lang}`), { timeout });
  return new URL(page.url()).pathname.replace('/bookings/', '');
}

/// The hand-over, then the confirmation the manage page shows for a booking just made; returns
/// the booking's code.
export async function expectConfirmation(page: Page, lang = 'kk', timeout = 30_000): Promise<string> {
  const code = await expectHandOver(page, lang, timeout);
  const done = page.locator('#done-heading');
  await expect(done).toBeVisible({ timeout });
  if (lang === 'kk') await expect(done).toHaveText(DONE_KK);
  await expect(page.locator('.booking-code').first()).toHaveText(code);
  await expect(page.locator('a.manage-url')).toHaveAttribute(
    'href',
    new RegExp(`^/bookings/${code}\\?lang=${lang}#t=[A-Za-z0-9_-]{20,}$`),
  );
  return code;
}
