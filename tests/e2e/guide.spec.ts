// "Where should I go?" at 360 px in Russian: from the home page, four plain questions end in
// one answer decided by rules::guide — the district office with its hours (R37, R39), or a
// refusal with the right alternative (R31.2), or the schedule, the wizard starting with what
// the guide learned. Step 1 of the wizard submitted empty: a short summary.
import { test, expect } from './fixtures';
import { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';

async function openGuide(page: Page) {
  await page.goto('/?lang=ru');
  await page.getByRole('link', { name: 'Куда обратиться?' }).click();
  await expect(page).toHaveURL(/\/register\/guide\?lang=ru$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Куда обратиться?');
  await page.getByLabel('Область или город').selectOption('almaty-region');
}

/// Every link and choice of the guide is a tap target of at least 44 × 44 px.
async function expectTapTargets(page: Page, selector: string) {
  const small = await page.locator(selector).evaluateAll((els) =>
    els
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { text: (e.textContent ?? '').trim().slice(0, 40), w: r.width, h: r.height };
      })
      .filter((r) => r.w < 44 || r.h < 44),
  );
  expect(small, `tap targets under 44 px: ${selector}`).toEqual([]);
}

test('a plain matter goes to the district office, any working day, without registration', async ({ page }) => {
  await openGuide(page);
  await page.getByLabel('Район или город').selectOption('almaty-region-talgar');
  await page.locator('#guide-court').getByLabel('Нет', { exact: true }).check();
  await page.getByLabel('К любому прокурору, который разберётся в моём вопросе').check();
  await expectNoSeriousA11yViolations(page, 'the guide');
  await expectTapTargets(page, '.guide-form .choice, .guide-form select, .guide-form button');
  await page.getByRole('button', { name: 'Показать, куда идти' }).click();

  const result = page.locator('section.guide-result');
  await expect(page.locator('#guide-result')).toBeFocused();
  await expect(result.locator('[data-office="almaty-region-talgar"]')).toContainText('Прокуратура Талгарского района');
  await expect(result).toContainText('В любой рабочий день с 09:00 до 18:30, без записи');
  await expectNoSeriousA11yViolations(page, 'the guide with its answer');
  await expectTapTargets(page, 'section.guide-result a');
  await result.getByRole('link', { name: 'Страница прокуратуры: адрес и график' }).click();
  await expect(page).toHaveURL(/\/offices\/almaty-region-talgar\?lang=ru$/);
});

test('a case before a court now, for the regional prosecutor: refused by R31.2, appeal the act or the district office', async ({
  page,
}) => {
  await openGuide(page);
  await page.locator('#guide-court').getByLabel('Да', { exact: true }).check();
  await page.getByLabel('К прокурору области (города) или его заместителю').check();
  await page.locator('#guide-received').getByLabel('Нет', { exact: true }).check();
  await page.getByRole('button', { name: 'Показать, куда идти' }).click();

  const result = page.locator('section.guide-result');
  await expect(result.locator('.refused')).toHaveAttribute('data-clause', 'R31.2');
  await expect(result.locator('[data-alternative="appeal_court_act"]')).toBeVisible();
  await expect(result).toContainText('Приходите в районную прокуратуру');
  await expect(result).toContainText('В любой рабочий день с 09:00 до 18:30, без записи');
  await expectNoSeriousA11yViolations(page, 'the guide with a refusal');
});

test('no ground: the schedule, and the wizard starts with what the guide learned', async ({ page }) => {
  await openGuide(page);
  await page.locator('#guide-court').getByLabel('Нет', { exact: true }).check();
  await page.getByLabel('К прокурору области (города) или его заместителю').check();
  await page.locator('#guide-received').getByLabel('Нет', { exact: true }).check();
  await page.getByRole('button', { name: 'Показать, куда идти' }).click();
  const result = page.locator('section.guide-result');
  await expect(result.locator('[data-kind="regional_head"]')).toBeVisible();
  const handover = await page.evaluate(() => sessionStorage.getItem('qabyldau.guide'));
  expect(JSON.parse(handover!).answers).toEqual({
    r31_1_already_received: 'no',
    r31_2_pending_court_case: 'no',
  });
  await result.getByRole('link', { name: 'Открыть график приёма' }).click();
  await expect(page).toHaveURL(/\/offices\/almaty-region\?lang=ru$/);
});

test('step 1 submitted empty: one short line per question, shorter than the screen', async ({ page, request }) => {
  const schedule = await (await request.get('/api/v1/offices/shymkent/schedule')).json();
  const kinds = new Map<string, string>(schedule.officials.map((o: any) => [o.id, o.kind]));
  const reception = schedule.receptions.find(
    (r: any) => r.registration?.state === 'open' && ['regional_head', 'regional_deputy'].includes(kinds.get(r.official_id) ?? ''),
  );
  expect(reception, 'an open reception of the regional prosecutor').toBeTruthy();
  await page.goto(`/register/shymkent/${reception.id}?lang=ru`);
  await page.getByRole('button', { name: 'Далее' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Ответьте на вопрос 1');
  await expect(summary).not.toContainText('статьи');
  const box = (await summary.boundingBox())!;
  expect(box.height).toBeLessThan(page.viewportSize()!.height);
  await expectTapTargets(page, '#error-summary a');
  await expectNoSeriousA11yViolations(page, 'step 1 with errors');
  // The link leads to the question; the legend is in plain words, the law under "why we ask".
  await summary.getByRole('link', { name: 'Ответьте на вопрос 1' }).click();
  const first = page.locator('fieldset.question').first();
  await expect(first.locator('input[type="radio"]').first()).toBeFocused();
  await expect(first.locator('legend')).not.toContainText('статьи');
  await expectTapTargets(page, 'fieldset.question:visible .choice');
});
