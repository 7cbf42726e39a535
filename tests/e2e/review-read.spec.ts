import { resolve } from 'node:path';
import { loadContent } from '../../src/content/load.ts';
import { addDays, londonDate } from '../../src/domain/common/index.ts';
import { messages } from '../../src/i18n/index.ts';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

test.describe.configure({ timeout: 180_000 });
const en = messages.en;
const cy = messages.cy;
const content = loadContent(resolve('content'));
const conversation = content.conversations.find((s) => s.id === 'cc-school-attendance-father')!;
const module = content.modules[0]!;
const fill = (text: string, params: Record<string, string | number>) => Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), text);
const OWN_WORDS = 'It sounds like the school’s call has left you feeling judged as a dad.';

test('a mentor reviewing a submitted conversation reads its transcript and debrief, and their codes count', async ({ browser, newAccount }) => {
  const mentor = await newAccount({ name: 'Mabli Mentor', roles: ['mentor', 'learner'] });
  const mentee = await newAccount({ name: 'Siôn Mentee', mentor });

  const mentorPage = await (await browser.newContext()).newPage();
  await signIn(mentorPage, mentor.email);
  await mentorPage.goto('/mentoring/assign');
  await mentorPage.getByRole('group', { name: en['mentoring.form.mentees'] }).getByLabel(mentee.name).check();
  await mentorPage.getByLabel(en['mentoring.form.activity'], { exact: true }).selectOption({ label: conversation.title.en });
  await mentorPage.getByLabel(en['mentoring.form.dueDate'], { exact: true }).fill(addDays(londonDate(Date.now()), 14));
  await mentorPage.getByLabel(en['mentoring.form.askReview'], { exact: true }).check();
  await mentorPage.getByRole('button', { name: en['mentoring.form.submit'], exact: true }).click();
  await expect(mentorPage.getByRole('status').filter({ hasText: en['mentoring.assigned'] })).toBeVisible();

  // The mentee plays it without JavaScript: one response in their own words, then the first option until it ends.
  const menteeContext = await browser.newContext({ javaScriptEnabled: false });
  const menteePage = await menteeContext.newPage();
  await signIn(menteePage, mentee.email);
  await menteePage.goto('/simulations');
  await menteePage.getByRole('button', { name: `Start “${conversation.title.en}”` }).click();
  await menteePage.getByText('Respond in your own words instead').click();
  await menteePage.getByLabel('What you would say').fill(OWN_WORDS);
  await menteePage.getByLabel('What kind of response is it?').selectOption('complex-reflection');
  await menteePage.getByRole('button', { name: 'Say this' }).click();
  const debrief = menteePage.getByRole('heading', { level: 2, name: en['sim.debrief'] });
  for (let step = 0; step < 30 && !(await debrief.isVisible()); step++) {
    await menteePage.getByRole('radio').first().check();
    await menteePage.getByRole('button', { name: 'Respond', exact: true }).click();
  }
  await expect(debrief).toBeVisible();
  const review = menteePage.getByRole('region', { name: en['review.submit.title'] });
  await review.getByRole('button', { name: en['review.submit.button'], exact: true }).click();
  await expect(menteePage.getByRole('status').filter({ hasText: en['review.submit.done'] })).toBeVisible();
  const attemptPath = new URL(menteePage.url()).pathname;

  // The mentor opens it from the queue and reads the whole transcript and debrief, read-only.
  await mentorPage.goto('/mentoring/queue');
  await mentorPage.getByRole('row').filter({ hasText: mentee.name }).getByRole('link', { name: conversation.title.en }).click();
  await expect(mentorPage.getByRole('heading', { level: 1, name: fill(en['review.page.title'], { title: conversation.title.en }) })).toBeVisible();
  await expect(mentorPage.getByRole('heading', { level: 2, name: en['sim.debrief'] })).toBeVisible();
  const transcript = mentorPage.locator('.transcript');
  await expect(transcript).toContainText(OWN_WORDS);
  await expect(transcript).toContainText(conversation.turns.find((t) => t.id === conversation.start.turn)!.says.en);
  await expect(mentorPage.getByText(fill(en['sim.ownCoded'], { code: en['sim.code.complex-reflection'] }))).toBeVisible();
  await expect(mentorPage.getByRole('button', { name: en['sim.again'] })).toHaveCount(0);
  await expectNoAxeViolations(mentorPage);

  // The mentor codes the own words as the learner did: their codes count, and kappa cannot be worked out.
  await mentorPage.getByLabel(fill(en['review.coding.response'], { n: 1 }), { exact: true }).selectOption('complex-reflection');
  await mentorPage.getByRole('button', { name: en['review.coding.save'], exact: true }).click();
  await expect(mentorPage.getByRole('status').filter({ hasText: en['review.coding.saved'] })).toBeVisible();
  await expect(mentorPage.getByText(fill(en['reviewRead.debrief.mentorCode'], { code: en['sim.code.complex-reflection'] }))).toBeVisible();
  await expect(mentorPage.getByRole('columnheader', { name: en['reviewRead.debrief.selfCoded'] }).first()).toBeVisible();
  await expect(mentorPage.getByText(fill(en['reviewRead.agreement.noKappa'], { percent: 100, n: 1 })).first()).toBeVisible();
  await expectNoAxeViolations(mentorPage);
  const reviewPath = new URL(mentorPage.url()).pathname;
  await mentorPage.goto(`/cy${reviewPath}`);
  await expect(mentorPage.getByRole('heading', { level: 2, name: cy['sim.debrief'] })).toBeVisible();
  await expect(mentorPage.locator('.transcript')).toContainText(OWN_WORDS);
  await expect(mentorPage.getByText(fill(cy['reviewRead.agreement.noKappa'], { percent: 100, n: 1 })).first()).toBeVisible();
  await expectNoAxeViolations(mentorPage);

  // The learner's own attempt page still answers only the learner; the mentor codes reach them with released feedback.
  expect((await mentorPage.goto(attemptPath))?.status()).toBe(404);
  await menteePage.goto(attemptPath);
  await expect(menteePage.getByText(fill(en['reviewRead.debrief.mentorCode'], { code: en['sim.code.complex-reflection'] }))).toHaveCount(0);
  await menteeContext.close();
});

test('a mentee submits a reflective-log entry for review without JavaScript, sharing it, and their mentor reads it', async ({ browser, newAccount }) => {
  const mentor = await newAccount({ name: 'Meinir Mentor', roles: ['mentor', 'learner'] });
  const mentee = await newAccount({ name: 'Dafydd Mentee', mentor });
  const reflection = 'I noticed I rushed to reassure the father instead of listening to him.';

  // axe needs script, so one page of the mentee's has it; the submitting page has none.
  const menteePage = await (await browser.newContext()).newPage();
  await signIn(menteePage, mentee.email);
  await menteePage.goto(`/learn/${module.programme}/${module.id}/reflect`);
  await menteePage.getByLabel(module.reflection.prompt.en).fill(reflection);
  await menteePage.getByRole('button', { name: 'Save to my reflective log' }).click();
  await menteePage.goto('/reflective-log');
  const shown = menteePage.getByRole('article').filter({ hasText: reflection });
  await expect(shown.getByText(en['reflections.private'], { exact: true })).toBeVisible();
  await shown.locator('summary').filter({ hasText: en['review.submit.button'] }).click();
  await expect(shown.getByText(en['reviewRead.reflection.submitShares'])).toBeVisible();
  await expectNoAxeViolations(menteePage);

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plainPage = await noScript.newPage();
  await signIn(plainPage, mentee.email);
  await plainPage.goto('/reflective-log');
  const entry = plainPage.getByRole('article').filter({ hasText: reflection });
  await entry.locator('summary').filter({ hasText: en['review.submit.button'] }).click();
  await entry.getByLabel(en['review.submit.note'], { exact: true }).fill('Was I too hard on myself?');
  await entry.getByRole('button', { name: en['review.submit.button'], exact: true }).click();
  await expect(plainPage.getByRole('status').filter({ hasText: en['review.submit.done'] })).toBeVisible();
  await expect(entry.getByText(en['reviewRead.reflection.shared'], { exact: true })).toBeVisible();
  await expect(entry.getByText(fill(en['reviewRead.reflection.state.submitted'], { version: 1 }))).toBeVisible();
  await expect(entry.getByRole('button', { name: en['review.submit.button'] })).toHaveCount(0);
  await noScript.close();

  await menteePage.reload();
  await expect(shown.getByText(en['reviewRead.reflection.shared'], { exact: true })).toBeVisible();
  await expectNoAxeViolations(menteePage);
  await menteePage.goto('/cy/reflective-log');
  await expect(menteePage.getByText(cy['reviewRead.reflection.shared'], { exact: true })).toBeVisible();
  await expectNoAxeViolations(menteePage);

  const mentorPage = await (await browser.newContext()).newPage();
  await signIn(mentorPage, mentor.email);
  await mentorPage.goto('/mentoring/queue');
  const row = mentorPage.getByRole('row').filter({ hasText: mentee.name });
  await expect(row).toContainText(en['review.workKind.reflection']);
  await row.getByRole('link', { name: module.title.en }).click();
  await expect(mentorPage.getByText(reflection)).toBeVisible();
  await expect(mentorPage.getByText('Was I too hard on myself?')).toBeVisible();
  await expectNoAxeViolations(mentorPage);
});
