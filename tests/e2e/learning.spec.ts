import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { loadContent } from '../../src/content/load.ts';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, localised, signIn, type Locale } from './support.ts';

// The real content, so the tests know the right answers the way a careful learner would.
const content = loadContent(resolve('content'));
const moduleById = (id: string) => {
  const found = content.modules.find((m) => m.id === id);
  if (!found) throw new Error(`module ${id} is missing from content/`);
  return found;
};
/** The option to choose for each question: the best one where `right` (or `right[i]`) says so, else a wrong one. */
const answers = (id: string, right: boolean | readonly boolean[]) => moduleById(id).knowledgeCheck.map((q, i) => q.options.find((o) => o.correct === (typeof right === 'boolean' ? right : right[i]))!);

/** Answers the knowledge check by clicking the labelled radio buttons (options are found by name, in whatever order they are shown). */
async function answerCheck(page: Page, moduleId: string, locale: Locale, right: boolean | readonly boolean[]) {
  const questions = page.getByRole('main').getByRole('group');
  for (const [i, option] of answers(moduleId, right).entries()) {
    await questions.nth(i).getByRole('radio', { name: option.text[locale], exact: true }).check();
  }
  await page.getByRole('button', { name: locale === 'cy' ? 'Cyflwyno fy atebion' : 'Submit my answers' }).click();
}

const TEXT = {
  en: { next: /^Next: /, toCheck: 'Next: check your understanding', passed: 'You passed.', notYet: /^Not yet/, complete: 'Complete', save: 'Save to my reflective log', saved: 'Your reflection has been saved', tryAgain: 'Try again', start: 'Start the module' },
  cy: { next: /^Nesaf: /, toCheck: 'Nesaf: gwirio eich dealltwriaeth', passed: 'Rydych chi wedi llwyddo.', notYet: /^Ddim eto/, complete: 'Wedi’i gwblhau', save: 'Cadw yn fy nyddlyfr myfyriol', saved: 'Mae eich myfyrdod wedi’i gadw', tryAgain: 'Rhoi cynnig arall arni', start: 'Dechrau’r modiwl' },
} as const;

async function completeModule(page: Page, programmeId: string, moduleId: string, locale: Locale, reflection: string) {
  const text = TEXT[locale];
  const module = moduleById(moduleId);
  await page.goto(localised(locale, '/learn'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'cy' ? 'Dysgu' : 'Learning');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: module.title[locale], exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(module.title[locale]);
  await page.getByRole('link', { name: text.start }).click();

  // Read every section with the "Next" links.
  for (const [i, section] of module.sections.entries()) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.title[locale]);
    if (i === 0) await expectNoAxeViolations(page);
    if (i < module.sections.length - 1) await page.getByRole('link', { name: text.next }).click();
    else await page.getByRole('link', { name: text.toCheck }).click();
  }

  // Fail first, then pass.
  await expectNoAxeViolations(page);
  await answerCheck(page, moduleId, locale, false);
  await expect(page.getByRole('status')).toContainText(text.notYet);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: text.tryAgain }).click();
  await answerCheck(page, moduleId, locale, true);
  await expect(page.getByRole('status')).toContainText(text.passed);

  // Reflect.
  await page.goto(localised(locale, `/learn/${programmeId}/${moduleId}/reflect`));
  await page.getByLabel(module.reflection.prompt[locale]).fill(reflection);
  await page.getByRole('button', { name: text.save }).click();
  await expect(page.getByRole('status')).toContainText(text.saved);
  await expectNoAxeViolations(page);
}

test.describe('a learner working through modules', () => {
  test('completes a module in English: fails then passes the check, reflects, and sees progress, the log and CPD', async ({ page, account }) => {
    await signIn(page, account.email);
    await completeModule(page, 'collaborative-conversations', 'cc-spirit', 'en', 'I will ask what matters before I explain my worries.');

    await page.goto('/reflective-log');
    await expect(page.getByText('I will ask what matters before I explain my worries.')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('/learn');
    const row = page.getByRole('row', { name: new RegExp(moduleById('cc-spirit').title.en) });
    await expect(row).toContainText('Complete');
    await expect(page.getByText(/1 of \d+ modules complete/).first()).toBeVisible();

    await page.goto('/cpd');
    await expect(page.getByRole('rowheader', { name: moduleById('cc-spirit').title.en })).toBeVisible();
    // Time is shown in hours and minutes: what was actually spent, up to the module's estimate.
    // The time column: the date, kind and programme come first.
    await expect(page.getByRole('row', { name: new RegExp(moduleById('cc-spirit').title.en) }).getByRole('cell').nth(3)).toHaveText(/^\d+ (h|min)/);
    await expect(page.getByText(/^Total: \d+ (h|min)/)).toBeVisible();
    await expectNoAxeViolations(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download as CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('cpd-record.csv');
    const csv = await (await download.createReadStream()).toArray();
    expect(Buffer.concat(csv).toString('utf8')).toContain(moduleById('cc-spirit').title.en);
  });

  test('completes a module in Welsh', async ({ page, newAccount }) => {
    const heledd = await newAccount({ name: 'Heledd Rowlands', language: 'cy' });
    await signIn(page, heledd.email, heledd.password, 'cy');
    await completeModule(page, 'risk-model', 'rm-threshold', 'cy', 'Byddaf yn cofnodi’r rheswm dros bob penderfyniad.');
    await page.goto('/cy/cpd');
    await expect(page.getByRole('rowheader', { name: moduleById('rm-threshold').title.cy })).toBeVisible();
    // The time column: the date, kind and programme come first.
    await expect(page.getByRole('row', { name: new RegExp(moduleById('rm-threshold').title.cy) }).getByRole('cell').nth(3)).toHaveText(/^\d+ (awr|mun)/);
    await page.goto('/cy/learn');
    await expect(page.getByRole('row', { name: new RegExp(moduleById('rm-threshold').title.cy) })).toContainText('Wedi’i gwblhau');
  });

  test('resumes where they left off', async ({ page, account }) => {
    await signIn(page, account.email);
    const module = moduleById('ecp-four-components');
    await page.goto(`/learn/effective-child-protection/${module.id}/${module.sections[0]!.id}`);
    await page.goto(`/learn/effective-child-protection/${module.id}`);
    await page.getByRole('link', { name: 'Resume where I left off' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(module.sections[1]!.title.en);

    // The home page says where they left off and takes them on to the next section.
    await page.goto('/home');
    const resume = page.getByRole('region', { name: 'Continue where you left off' });
    await expect(resume).toContainText(`You last read “${module.sections[1]!.title.en}” in the module “${module.title.en}”.`);
    await expect(resume).toContainText(`Next: ${module.sections[2]!.title.en}`);
    await expectNoAxeViolations(page);
    await resume.getByRole('link', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(module.sections[2]!.title.en);
  });

  test('after a failed check sees whether each answer was right and why, but the best answers only after a pass', async ({ page, account }) => {
    await signIn(page, account.email);
    const module = moduleById('cc-oars');
    await page.goto(`/learn/collaborative-conversations/${module.id}/check`);
    // Answer once the island has taken over the form (Astro drops `ssr` when it hydrates).
    const hydrated = () => expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 15_000 });
    await hydrated();
    await answerCheck(page, module.id, 'en', false);
    await expect(page.getByRole('status')).toContainText(TEXT.en.notYet);
    await expect(page.getByText(/^Your answer: /)).toHaveCount(module.knowledgeCheck.length);
    for (const option of answers(module.id, false)) await expect(page.getByText(option.feedback.en, { exact: true }).first()).toBeVisible();
    await expect(page.getByText(/^Best answer: /)).toHaveCount(0);
    await expect(page.getByText('The best answers are shown once you pass.', { exact: false })).toBeVisible();
    await expectNoAxeViolations(page);

    // Pass with the last answer wrong: now its best answer is revealed, and only that one.
    await page.getByRole('link', { name: TEXT.en.tryAgain }).click();
    await hydrated();
    const lastWrong = module.knowledgeCheck.map((_, i) => i < module.knowledgeCheck.length - 1);
    await answerCheck(page, module.id, 'en', lastWrong);
    await expect(page.getByRole('status')).toContainText(TEXT.en.passed);
    const best = module.knowledgeCheck.at(-1)!.options.find((o) => o.correct)!;
    await expect(page.getByText(/^Best answer: /)).toHaveCount(1);
    await expect(page.getByText(/^Best answer: /)).toContainText(best.text.en);
  });

  test('counts answers ticked before the page’s script has loaded', async ({ page, account }) => {
    await signIn(page, account.email);
    const module = moduleById('cc-oars');
    // Hold the knowledge check's script back while the learner answers all but one question.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/KnowledgeCheckForm[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/learn/collaborative-conversations/${module.id}/check`);
    const questions = page.getByRole('main').getByRole('group');
    const total = module.knowledgeCheck.length;
    for (const [i, option] of answers(module.id, true).slice(0, total - 1).entries()) {
      await questions.nth(i).getByRole('radio', { name: option.text.en, exact: true }).check();
    }
    release();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByText(`${total - 1} of ${total} answered`)).toBeVisible();
    // Submitting points to the one question left, without a round trip.
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    await expect(page.getByText('Answer every question before you submit.')).toHaveCount(1);
    await expect(page).toHaveURL(new RegExp(`/learn/collaborative-conversations/${module.id}/check$`));
  });

  test('never gets the answers in the page before submitting', async ({ page, account }) => {
    await signIn(page, account.email);
    const module = moduleById('cc-oars');
    const response = await page.goto(`/learn/collaborative-conversations/${module.id}/check`);
    const html = await response!.text();
    for (const question of module.knowledgeCheck) {
      for (const option of question.options) expect(html).not.toContain(option.feedback.en.slice(0, 40));
    }
    expect(html).not.toMatch(/"correct"/);
    // Nothing read yet: the page says which sections to read before a pass can complete the module.
    await expect(page.getByText('Read every section before you take the check')).toBeVisible();
    for (const section of module.sections) await expect(page.getByRole('link', { name: section.title.en, exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('gets a clear message, and nothing recorded, for a tampered or stale submission', async ({ page, account }) => {
    await signIn(page, account.email);
    const module = moduleById('cc-oars');
    const url = `/learn/collaborative-conversations/${module.id}/check`;
    await page.goto(url);
    const origin = new URL(page.url()).origin;
    const good = Object.fromEntries(module.knowledgeCheck.map((q) => [`q:${q.id}`, q.options[0]!.id]));
    const post = (form: Record<string, string>) => page.request.post(url, { form, headers: { Origin: origin }, maxRedirects: 0 });

    const unknownOption = await post({ version: String(module.version), ...good, [`q:${module.knowledgeCheck[0]!.id}`]: 'zz' });
    expect(unknownOption.status()).toBe(422);
    expect(await unknownOption.text()).toContain('Your answers did not match this knowledge check');

    const stale = await post({ version: String(module.version - 1), ...good });
    expect(stale.status()).toBe(409);
    expect(await stale.text()).toContain('This module has changed since you opened it');

    await page.goto(`/learn/collaborative-conversations/${module.id}`);
    await expect(page.getByText('Attempts so far')).toHaveCount(0);
  });

  test('finds sections by searching the module text, in the page’s language', async ({ page, account }) => {
    await signIn(page, account.email);
    await page.goto('/search?q=' + encodeURIComponent('significant harm'));
    const results = page.getByRole('article');
    await expect(results.first()).toBeVisible();
    await results.first().getByRole('link').click();
    await expect(page).toHaveURL(/\/learn\/[a-z-]+\/[a-z-]+\/[a-z-]+$/);
    await page.goto('/cy/search?q=' + encodeURIComponent('niwed sylweddol'));
    await expect(page.getByRole('article').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('sees every programme in content/ on the learning page, and opens the fourth, for mentors, in Welsh', async ({ page, account }) => {
    await signIn(page, account.email);
    await page.goto('/cy/learn');
    const programmes = [...content.programmes].sort((a, b) => a.order - b.order);
    for (const programme of programmes) await expect(page.getByRole('main').getByRole('link', { name: programme.title.cy, exact: true }).first()).toBeVisible();
    const mentoring = programmes.find((p) => p.id === 'practice-mentoring')!;
    await page.getByRole('main').getByRole('link', { name: mentoring.title.cy, exact: true }).first().click();
    const module = moduleById(mentoring.modules[0]!);
    await expect(page.getByRole('main').getByRole('link', { name: module.title.cy, exact: true }).first()).toBeVisible();
    const coding = module.sections.find((s) => s.id === 'coding-miti')!;
    await page.goto(`/cy/learn/${mentoring.id}/${module.id}/${coding.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(coding.title.cy);
    await expect(page.getByText('Hefin yn codio chwarae rôl Dyfan')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('sees a translated 404 for a module that does not exist', async ({ page, account }) => {
    await signIn(page, account.email);
    const response = await page.goto('/cy/learn/risk-model/no-such-module');
    expect(response!.status()).toBe(404);
    await expect(page.getByText('Nid oes modiwl nac adran o’r fath.')).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a knowledge check refused for a missing answer comes back in the order it was shown, with the answer kept', async ({ page, account }) => {
    await signIn(page, account.email);
    const module = moduleById('cc-oars');
    await page.goto(`/learn/collaborative-conversations/${module.id}/check`);
    const questions = page.getByRole('main').getByRole('group');
    const shownOrder = async () => Promise.all(module.knowledgeCheck.map((_, i) => questions.nth(i).locator('label').allTextContents()));
    const before = await shownOrder();
    const first = answers(module.id, true)[0]!;
    await questions.nth(0).getByRole('radio', { name: first.text.en, exact: true }).check();
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Submit my answers' }).click();
    expect((await refused).status()).toBe(422);
    await expect(page.getByText('Answer every question before you submit.')).toBeVisible();
    expect(await shownOrder()).toEqual(before);
    await expect(questions.nth(0).getByRole('radio', { name: first.text.en, exact: true })).toBeChecked();
  });

  test('a knowledge check is still a form that marks on the server, and a pass before reading does not complete the module', async ({ page, account }) => {
    await signIn(page, account.email);
    const module = moduleById('ecp-steps-to-change');
    await page.goto(`/learn/effective-child-protection/${module.id}/check`);
    await expect(page.getByText('Read every section before you take the check')).toBeVisible();
    await answerCheck(page, module.id, 'en', true);
    await expect(page.getByRole('status')).toContainText('You passed.');
    await expect(page.getByRole('status')).not.toContainText('You have completed this module');
    await expect(page.getByText('This pass does not complete the module')).toBeVisible();

    // Read the sections from the links given, then pass again: now it completes.
    for (const section of module.sections) {
      await page.goto(`/learn/effective-child-protection/${module.id}/check`);
      await page.getByRole('link', { name: section.title.en, exact: true }).last().click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(section.title.en);
    }
    await page.goto(`/learn/effective-child-protection/${module.id}/check`);
    await expect(page.getByText('Read every section before you take the check')).toHaveCount(0);
    await answerCheck(page, module.id, 'en', true);
    await expect(page.getByRole('status')).toContainText('You have completed this module');
  });
});

test('a learner who completes every module of a programme gets a bilingual certificate', async ({ page, newAccount }) => {
  const rhian = await newAccount({ name: 'Rhian Parry' });
  await signIn(page, rhian.email);
  const programme = content.programmes.find((p) => p.id === 'effective-child-protection')!;
  await page.goto(`/learn/${programme.id}/certificate`);
  await expect(page.getByText('The certificate is ready when every module in the programme is complete.')).toBeVisible();

  const origin = new URL(page.url()).origin;
  for (const moduleId of programme.modules) {
    const module = moduleById(moduleId);
    for (const section of module.sections) await page.goto(`/learn/${programme.id}/${module.id}/${section.id}`);
    const form = Object.fromEntries(module.knowledgeCheck.map((q) => [`q:${q.id}`, q.options.find((o) => o.correct)!.id]));
    const marked = await page.request.post(`/learn/${programme.id}/${module.id}/check`, { form: { version: String(module.version), ...form }, headers: { Origin: origin } });
    expect(marked.ok()).toBe(true);
  }

  await page.goto(`/learn/${programme.id}`);
  const count = programme.modules.length;
  await expect(page.getByText(`${count} of ${count} modules complete`)).toBeVisible();
  await page.getByRole('link', { name: 'Your certificate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificate of completion' })).toBeAttached();
  await expect(page.getByText('Tystysgrif cwblhau')).toBeVisible(); // the certificate itself is in both languages
  await expect(page.locator('.certificate').getByText(rhian.name)).toBeVisible();
  await expect(page.getByText(programme.title.cy, { exact: false }).first()).toBeVisible();
  await expect(page.getByText(programme.title.en, { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
