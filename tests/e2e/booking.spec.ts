// Pre-registration as a person on a phone does it, in Kazakh (R3, R15, R30): the whole wizard
// for a regional official's reception (questions, form, review, confirmation), a reload in the
// middle of the form that loses nothing, a lost answer to the request that is retried without
// a second booking, the manage link and a cancel that frees the place on the office page; a
// refusal decided in the browser that sends nothing; axe-core on every step.
//
// The receptions are the sample data of `data/`, served by the real Worker; the test picks one
// whose registration is open through the API, and uses a fresh valid IIN on every run so the
// one-active-booking-per-official rule never trips across runs.
import { test, expect, Page, Locator, APIRequestContext } from './fixtures';
import { expectNoSeriousA11yViolations } from './a11y';
import { randomIin } from './person';
import { expectConfirmation, expectHandOver } from './confirmation';

type Reception = {
  id: string;
  official_id: string;
  format: string;
  capacity: number;
  booked: number;
  registration: { state: string };
};
type Schedule = {
  office: { video_only?: unknown };
  officials: { id: string; kind: string }[];
  receptions: Reception[];
};

/// A valid IIN (Kazakhstan's checksum: weights 1..11 mod 11, then 3..11,1,2 when that is 10),
/// random per run: a man born in the 1900s.

async function schedule(request: APIRequestContext, office: string): Promise<Schedule> {
  const response = await request.get(`/api/v1/offices/${office}/schedule`, {
    headers: { 'Cache-Control': 'no-cache' },
  });
  expect(response.status()).toBe(200);
  return response.json();
}

/// The first open reception with a place left of an official of one of `kinds`.
async function openReception(request: APIRequestContext, office: string, kinds: string[]) {
  const s = await schedule(request, office);
  const kindOf = new Map(s.officials.map((o) => [o.id, o.kind]));
  return s.receptions.find(
    (r) =>
      r.registration.state === 'open' &&
      r.booked < r.capacity &&
      r.format === 'in_person' &&
      kinds.includes(kindOf.get(r.official_id) ?? ''),
  );
}

/** An open in-person reception of Shymkent's regional prosecutor or deputy (R26–R34). */
async function openRegionalReception(request: APIRequestContext) {
  const office = 'shymkent';
  const reception = await openReception(request, office, ['regional_head', 'regional_deputy']);
  expect(reception, 'an open regional reception in the sample data').toBeTruthy();
  return { office, reception: reception! };
}

async function bookedCount(request: APIRequestContext, office: string, id: string) {
  const s = await schedule(request, office);
  return s.receptions.find((r) => r.id === id)?.booked;
}

/// Answers every question shown: `yes` for the ids given, "no" for the rest.
async function answerQuestions(page: Page, yes: string[]) {
  const questions = page.locator('fieldset.question:visible');
  await expect(questions.first()).toBeVisible();
  const ids = await questions.evaluateAll((els) => els.map((e) => e.getAttribute('data-question')));
  for (const id of ids) {
    const answer = yes.includes(id!) ? 'Иә' : 'Жоқ';
    await page
      .locator(`fieldset[data-question="${id}"]`)
      .getByLabel(answer, { exact: true })
      .check();
  }
}

/// The reception's item on the office page, revealed if it is under "show all".
async function receptionItem(page: Page, id: string) {
  const item = page.locator(`li[data-reception="${id}"]`);
  await expect(item).toHaveCount(1);
  if (!(await item.isVisible())) {
    await page.locator('details.more', { has: item }).locator('summary').click();
  }
  await expect(item).toBeVisible();
  return item;
}

const STEP_QUESTIONS = '3 қадамның 1-қадамы: Жазылуға бола ма?';
const STEP_FORM = '3 қадамның 2-қадамы: Сіз туралы мәліметтер';
const STEP_REVIEW = '3 қадамның 3-қадамы: Тексеру және жіберу';

/// The rule set that decides, named with its repeal as its data says (`rules::ruleset`).
async function expectRuleSetNamed(note: Locator) {
  await expect(note).toBeVisible();
  await expect(note).toHaveAttribute('data-ruleset', 'order-87-2021');
  await expect(note).toContainText('Қолданылған қағидалар');
  await expect(note).toContainText('№ 87');
  await expect(note).toContainText('№ 29');
  await expect(note.locator('.repealed')).toContainText('күші жойылды');
}

test('a regional reception: the whole wizard in Kazakh, a reload, a lost answer, the manage link and a cancel', async ({
  page,
  request,
}) => {
  const { office, reception } = await openRegionalReception(request);
  const id = reception.id;
  const bookedBefore = reception.booked;
  const capacity = reception.capacity;
  const iin = randomIin();

  // The office page offers registration on the reception.
  await page.goto(`/offices/${office}?lang=kk`);
  const item = await receptionItem(page, id);
  await expect(item).toContainText(`Бос орын: ${capacity - bookedBefore} / ${capacity}`);
  await item.getByRole('link', { name: /^Қабылдауға жазылу/ }).click();
  await expect(page).toHaveURL(new RegExp(`/register/${office}/${id}\\?lang=kk$`));

  // Step 1: the questions (R27 competence "yes", every ground "no").
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Қабылдауға алдын ала жазылу');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(STEP_QUESTIONS);
  await expectRuleSetNamed(page.locator('form.questions + .ruleset'));
  await expectNoSeriousA11yViolations(page, 'the questions step');
  // "Next" with nothing answered: the summary names the questions.
  await page.getByRole('button', { name: 'Әрі қарай' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  // Short lines, one per question, each a link to it: shorter than a phone's screen.
  await expect(page.locator('#error-summary')).toContainText('1-сұраққа жауап беріңіз');
  await expect(page.locator('#error-summary')).not.toContainText('Қылмыстық-процестік');
  await answerQuestions(page, ['r27_competence']);
  await page.getByRole('button', { name: 'Әрі қарай' }).click();

  // Step 2: the form. "Next" on the empty form: errors tied to their fields, a summary whose
  // links move the focus.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(STEP_FORM);
  await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'the form step');
  await page.getByRole('button', { name: 'Әрі қарай' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('ЖСН (жеке сәйкестендіру нөмірі): ЖСН-ді енгізіңіз: 12 цифр.');
  const iinField = page.getByLabel('ЖСН (жеке сәйкестендіру нөмірі)');
  await expect(iinField).toHaveAttribute('aria-invalid', 'true');
  await expect(iinField).toHaveAttribute('aria-describedby', /applicant-document-error/);
  await expectNoSeriousA11yViolations(page, 'the form step with errors');
  await summary.getByRole('link', { name: /^Тегі:/ }).click();
  await expect(page.getByLabel('Тегі', { exact: true })).toBeFocused();

  // A mistyped IIN is caught by its checksum as soon as the field is left.
  const wrong = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
  await iinField.fill(wrong);
  await page.getByLabel('Тегі', { exact: true }).focus();
  await expect(page.locator('#applicant-document-error')).toContainText('бақылау цифры сәйкес келмейді');
  await iinField.fill(iin);
  await expect(page.locator('#applicant-document-error')).toHaveCount(0);
  // A right-to-left override pasted into a name is refused, naming the field (the same
  // rules::values::text the Worker applies).
  await page.getByLabel('Тегі', { exact: true }).fill('Үлгі\u202Eұлы');
  await page.getByLabel('Аты', { exact: true }).focus();
  await expect(page.locator('#applicant-surname-error')).toContainText(
    'көрінбейтін басқару немесе бағыт таңбаларынсыз',
  );
  await page.getByLabel('Тегі', { exact: true }).fill('Үлгіұлы');
  await expect(page.locator('#applicant-surname-error')).toHaveCount(0);

  // A reload in the middle of the form loses nothing.
  await page.waitForFunction(
    ([key, surname]) => (localStorage.getItem(key) ?? '').includes(surname),
    [`qabyldau.draft.${id}`, 'Үлгіұлы'],
  );
  await page.reload();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(STEP_FORM);
  await expect(page.getByText('Бұрын енгізгендеріңіз қалпына келтірілді.')).toBeVisible();
  await expect(page.getByLabel('ЖСН (жеке сәйкестендіру нөмірі)')).toHaveValue(iin);
  await expect(page.getByLabel('Тегі', { exact: true })).toHaveValue('Үлгіұлы');

  await page.getByLabel('Аты', { exact: true }).fill('Асқар');
  await page.getByLabel('Телефон нөмірі').fill('+7 701 123 45 67');
  await page
    .getByLabel('Мәселенің мәні')
    .fill('Сот орындаушысы алимент өндіру туралы сот шешімін үш ай бойы орындамай отыр, шара қолдануды сұраймын.');
  await page.getByLabel('Мен басқа елді мекеннен келемін (Қағидалар, 8-тармақ)').check();
  await page.getByRole('button', { name: 'Әрі қарай' }).click();

  // Step 3: the review.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(STEP_REVIEW);
  await expect(page.locator('dl.review').last()).toContainText(iin);
  await expect(page.locator('dl.review').last()).toContainText('Үлгіұлы');
  await expectNoSeriousA11yViolations(page, 'the review step');
  // How the decision reaches the person; the consent asked before anything is sent; the
  // "restored" notice of the reload no longer shown.
  await expect(page.locator('.notice.decision')).toContainText('15\u00a0жұмыс күні');
  await expect(page.getByText('Бұрын енгізгендеріңіз қалпына келтірілді.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Өтінішті жіберу' }).click();
  await expect(page.locator('#data-consent')).toBeFocused();
  await expect(page.locator('#data-consent-error')).toBeVisible();
  await page.getByLabel('Қабылдауға жазылу үшін дербес деректерімді жинауға және өңдеуге келісім беремін').check();
  await expect(page.locator('#data-consent-error')).toHaveCount(0);

  // The first answer is lost on its way back (the server did book): the retry, with the same
  // Idempotency-Key and body, gets the same booking rather than a second one.
  const keys: string[] = [];
  const bodies: string[] = [];
  const proofs: string[] = [];
  let lost = false;
  await page.route('**/api/v1/bookings', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    // The proof of work the wizard solved in its Web Worker (a new one for each attempt).
    proofs.push(route.request().headers()['x-qabyldau-challenge'] ?? '');
    bodies.push(route.request().postData() ?? '');
    if (!lost) {
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: 'Өтінішті жіберу' }).click();

  // The booking is handed over to its manage page.
  await expectHandOver(page);
  expect(keys.length).toBe(2);
  expect(keys[1]).toBe(keys[0]);
  for (const proof of proofs) {
    const solution = JSON.parse(Buffer.from(proof, 'base64').toString());
    expect(solution).toMatchObject({ algorithm: 'SHA-256', number: expect.any(Number) });
  }
  expect(bodies[1]).toBe(bodies[0]);
  expect(JSON.parse(bodies[0]).applicant.iin).toBe(iin);
  await page.unroute('**/api/v1/bookings');
  // The confirmation, on the manage page.
  const code = await expectConfirmation(page);
  expect(code.length).toBeGreaterThan(3);
  await expect(page.locator('.booking-status')).toHaveAttribute('data-status', 'requested');
  // R30: the responsible officer studies the request while the place is held.
  await expect(page.locator('.booking-status')).toContainText('Жауапты қызметкердің қарауында');
  await expect(page.locator('.booking-status')).toContainText('Қағидалар, 30-тармақ');
  // R10: what to bring.
  await expect(page.locator('ul.documents')).toContainText('Жеке басын куәландыратын құжат');
  await expectNoSeriousA11yViolations(page, 'the confirmation');
  // The draft is gone once the booking is made.
  expect(await page.evaluate((key) => localStorage.getItem(key), `qabyldau.draft.${id}`)).toBeNull();

  // The calendar file, fetched with the token and saved as a file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Күнтізбе файлын жүктеп алу (.ics)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);

  // One booking, not two.
  expect(await bookedCount(request, office, id)).toBe(bookedBefore + 1);

  // The manage link: the token is in the fragment, and leaves the address bar.
  const manage = page.locator('a.manage-url');
  const manageHref = (await manage.getAttribute('href'))!;
  expect(manageHref).toMatch(new RegExp(`^/bookings/${code}\\?lang=kk#t=[A-Za-z0-9_-]{20,}$`));
  await page.goto('/?lang=kk');
  await page.goto(manageHref);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Қабылдауға жазылуыңыз');
  await expect(page.locator('.booking-code')).toHaveText(code);
  await expect(page.locator('.booking-status')).toHaveAttribute('data-status', 'requested');
  await expect(page).not.toHaveURL(/#t=/);
  await expectNoSeriousA11yViolations(page, 'the manage page');

  // Cancel, with a confirmation.
  await page.getByRole('button', { name: 'Жазылудың күшін жою' }).click();
  await expect(page.getByText('Жазылудың күшін шынымен жоясыз ба?')).toBeVisible();
  await page.getByRole('button', { name: 'Иә, күшін жоямын' }).click();
  await expect(page.getByText('Жазылудың күші жойылды, орын босатылды.').first()).toBeVisible();
  await expect(page.locator('.booking-status')).toHaveAttribute('data-status', 'cancelled');
  await expectNoSeriousA11yViolations(page, 'the manage page after the cancel');

  // The office page shows the place freed.
  await page.getByRole('link', { name: 'Прокуратура бетіне оралу' }).click();
  await expect(page).toHaveURL(new RegExp(`/offices/${office}\\?lang=kk$`));
  const again = await receptionItem(page, id);
  await expect(again).toContainText(`Бос орын: ${capacity - bookedBefore} / ${capacity}`);
  expect(await bookedCount(request, office, id)).toBe(bookedBefore);
});

test('a refusal for the Prosecutor General (R17.4) is decided in the browser and sends nothing', async ({
  page,
  request,
}) => {
  const reception = await openReception(request, 'gpo', ['prosecutor_general']);
  expect(reception, 'an open reception of the Prosecutor General in the sample data').toBeTruthy();
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/v1/bookings')) posts.push(r.url());
  });

  await page.goto(`/register/gpo/${reception!.id}?lang=kk`);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(STEP_QUESTIONS);
  await answerQuestions(page, ['r17_4_cassation_deadline_missed']);
  await page.getByRole('button', { name: 'Әрі қарай' }).click();

  const refusal = page.getByRole('region', {
    name: 'Бұл мәселе бойынша осы лауазымды адамның қабылдауына алдын ала жазу жүргізілмейді',
  });
  await expect(refusal).toBeVisible();
  await expect(page.locator('#refusal-heading')).toBeFocused();
  const ground = refusal.locator('li[data-clause="R17.4"]');
  await expect(ground).toContainText('Қағидалар, 17-тармақтың 4) тармақшасы');
  await expect(ground).toContainText('кассациялық шағым беру мерзімін өткізіп алған кезде қабылдауға жазу жүргізілмейді');
  // R39: the district office, always offered, last.
  const alternatives = refusal.locator('ul.alternatives > li');
  await expect(alternatives.last()).toHaveAttribute('data-alternative', 'district_office_walk_in');
  await expect(alternatives.last()).toContainText('Аудандық (немесе оған теңестірілген) прокуратураға келіңіз');
  await expect(refusal).toContainText('Ешқандай дерек жіберілген жоқ');
  await expectRuleSetNamed(refusal.locator('.ruleset'));
  await expectNoSeriousA11yViolations(page, 'the refusal');

  // Changing the answer brings the questions back.
  await refusal.getByRole('button', { name: 'Жауаптарды өзгерту' }).click();
  await expect(page.locator('fieldset[data-question="r17_4_cassation_deadline_missed"]')).toBeVisible();
  expect(posts).toEqual([]);
});

test('a district official takes no pre-registration (R37): no wizard', async ({ page, request }) => {
  const s = await schedule(request, 'almaty-region-talgar');
  const r = s.receptions[0];
  expect(r, 'a district reception in the sample data').toBeTruthy();
  await page.goto(`/register/almaty-region-talgar/${r.id}?lang=kk`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Бұл лауазымды адамға алдын ала жазылу жүргізілмейді',
  );
  await expect(page.locator('form')).toHaveCount(0);
});

test('a manage link with a wrong token says so', async ({ page }) => {
  await page.goto('/bookings/QB-NOSUCH?lang=kk#t=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByText('Жазылу табылмады немесе сілтеме жарамсыз.')).toBeVisible();
  await expect(page).not.toHaveURL(/#t=/);
});

test('an office in video-only mode (R11): the form asks for the consent to a video conference', async ({
  page,
  request,
}) => {
  // `cargo xtask test` switches this office to video-only mode (xtask/src/test.rs).
  const office = 'kyzylorda-region';
  const s = await schedule(request, office);
  expect(s.office.video_only, `${office} in video-only mode (cargo xtask test sets it)`).toBeTruthy();
  const kindOf = new Map(s.officials.map((o) => [o.id, o.kind]));
  const r = s.receptions.find(
    (r) =>
      r.registration.state === 'open' &&
      ['regional_head', 'regional_deputy'].includes(kindOf.get(r.official_id) ?? ''),
  );
  expect(r, 'an open regional reception').toBeTruthy();
  await page.goto(`/register/${office}/${r!.id}?lang=kk`);
  await answerQuestions(page, ['r27_competence']);
  await page.getByRole('button', { name: 'Әрі қарай' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(STEP_FORM);
  await expect(page.getByText('Қазір бұл прокуратура тек бейнеконференцбайланыс арқылы қабылдайды')).toBeVisible();
  await expect(page.getByRole('radio', { name: /Бетпе-бет/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Әрі қарай' }).click();
  await expect(page.locator('#error-summary')).toContainText(
    'Бейнеконференцбайланыс арқылы қабылдауға келісіміңізді белгілеңіз.',
  );
  const consent = page.getByLabel('Қабылдауды бейнеконференцбайланыс арқылы өткізуге келісемін');
  await expect(consent).toHaveAttribute('aria-invalid', 'true');
  await consent.check();
  await expect(consent).not.toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page, 'the form in video-only mode');
});

test('each language has its own wizard: the URL chooses it, a remembered choice reloads into it, and it holds no other language', async ({
  page,
  request,
}) => {
  const { office, reception } = await openRegionalReception(request);
  const path = `/register/${office}/${reception.id}`;
  const step1 = {
    kk: STEP_QUESTIONS,
    en: 'Step 1 of 3: Can you be registered?',
    ru: 'Шаг 1 из 3: Можно ли записаться?',
  };
  // Russian last: the choice the page remembers.
  for (const [lang, heading] of Object.entries(step1)) {
    const answer = await page.goto(`${path}?lang=${lang}`);
    expect(answer!.headers()['content-language']).toBe(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(heading);
    // Each build still offers the other languages, each named in its own.
    await expect(page.locator('.lang-name')).toHaveText(['Қазақша', 'Русский', 'English']);
    // The page's wasm is that language's build (xtask checks that it holds no other
    // language's texts).
    const wasm = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((n) => n.endsWith('_bg.wasm')),
    );
    expect(new URL(wasm!).pathname).toMatch(new RegExp(`^/booking-${lang}/`));
  }
  // Russian was chosen last and is remembered: the same path without ?lang= is first given
  // the Kazakh build (the browser's language, kk-KZ), which loads the page again with
  // ?lang=ru: Russian, from the Russian build.
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`${path}\\?lang=ru$`));
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(step1.ru);
});
