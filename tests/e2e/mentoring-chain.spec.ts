import { resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { loadContent } from '../../src/content/load.ts';
import { addDays, londonDate } from '../../src/domain/common/index.ts';
import { messages } from '../../src/i18n/index.ts';
import { expect, test, type Account } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

test.describe.configure({ timeout: 600_000 });
const en = messages.en;
const cy = messages.cy;
const content = loadContent(resolve('content'));
const conversation = content.conversations.find((s) => s.id === 'cc-school-attendance-father')!;
const vignette = [...content.vignettes].sort((a, b) => a.title.en.localeCompare(b.title.en))[0]!;
const rubricOf = (id: string) => content.rubrics.find((r) => r.id === id)!;
const fill = (text: string, params: Record<string, string | number>) => Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), text);
const OWN_WORDS = 'It sounds like you feel the school has already made up its mind about you.';

/** A signed-in page in a fresh browser context (with or without JavaScript). */
async function pageOf(browser: Browser, account: Account, javaScriptEnabled = true): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signIn(page, account.email);
  return page;
}

/** The mentor assigns one activity to one mentee, asking for review, due in two weeks; answers the assignment's own page path. */
async function assign(mentorPage: Page, mentee: Account, title: string): Promise<string> {
  await mentorPage.goto('/mentoring/assign');
  await mentorPage.getByRole('group', { name: en['mentoring.form.mentees'] }).getByLabel(mentee.name).check();
  await mentorPage.getByLabel(en['mentoring.form.activity'], { exact: true }).selectOption({ label: title });
  await mentorPage.getByLabel(en['mentoring.form.dueDate'], { exact: true }).fill(addDays(londonDate(Date.now()), 14));
  await mentorPage.getByLabel(en['mentoring.form.askReview'], { exact: true }).check();
  await mentorPage.getByRole('button', { name: en['mentoring.form.submit'], exact: true }).click();
  await expect(mentorPage.getByRole('status').filter({ hasText: en['mentoring.assigned'] })).toBeVisible();
  const link = mentorPage.getByRole('row').filter({ hasText: mentee.name }).getByRole('link', { name: title });
  return (await link.getAttribute('href'))!;
}

/** Marks every criterion of the rubric on the page at its top level and releases the feedback. */
async function markAndRelease(mentorPage: Page, rubricId: string, overall: string): Promise<void> {
  for (const criterion of rubricOf(rubricId).criteria) {
    const group = mentorPage.getByRole('group', { name: criterion.title.en, exact: true });
    await group.getByRole('radio').last().check();
    const top = criterion.levels.at(-1)!;
    if (top.range) await group.getByLabel(en['review.rubric.score'], { exact: true }).fill(String(top.range[1]));
  }
  await mentorPage.getByLabel(en['review.overall'], { exact: true }).fill(overall);
  await mentorPage.getByRole('button', { name: en['review.release'], exact: true }).click();
  await expect(mentorPage.getByRole('status').filter({ hasText: en['review.releasedNotice'] })).toBeVisible();
}

/** Scans a page in English and in Welsh. */
async function scanBothLanguages(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectNoAxeViolations(page);
  await page.goto(`/cy${path}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expectNoAxeViolations(page);
}

test('a mentor assigns a conversation for review; the mentee plays it without JavaScript, submits it, and reads the feedback released', async ({ browser, newAccount }) => {
  const mentor = await newAccount({ name: 'Rhian Mentor', roles: ['mentor', 'learner'] });
  const mentee = await newAccount({ name: 'Gruffudd Mentee', mentor });
  const mentorPage = await pageOf(browser, mentor);

  // The Due date is a real date field that starts at today in London; the server still checks it.
  await mentorPage.goto('/mentoring/assign');
  const due = mentorPage.getByLabel(en['mentoring.form.dueDate'], { exact: true });
  await expect(due).toHaveAttribute('type', 'date');
  await expect(due).toHaveAttribute('min', londonDate(Date.now()));
  await expectNoAxeViolations(mentorPage);
  const assignmentPath = await assign(mentorPage, mentee, conversation.title.en);
  await expectNoAxeViolations(mentorPage);
  await scanBothLanguages(mentorPage, assignmentPath);
  await expect(mentorPage.getByRole('heading', { level: 2, name: cy['mentoring.manage.changeDue'] })).toBeVisible();

  // The mentee acts in a browser without JavaScript; axe (which needs script) reads the same pages in a second context.
  const plain = await pageOf(browser, mentee, false);
  const look = await pageOf(browser, mentee);
  await plain.goto('/home');
  const assigned = plain.getByRole('region', { name: en['mentoring.assignedToYou'] });
  await expect(assigned.getByRole('link', { name: conversation.title.en, exact: true })).toBeVisible();
  await expect(assigned).toContainText(en['mentoring.status.not-started']);
  await scanBothLanguages(look, '/home');
  await expect(look.getByRole('region', { name: cy['mentoring.assignedToYou'] })).toContainText(conversation.title.cy);

  // It starts straight from Assigned to you.
  await assigned.getByRole('button', { name: fill(en['mentoring.item.startNamed'], { title: conversation.title.en }) }).click();
  await expect(plain.getByRole('heading', { level: 1 })).toContainText(conversation.title.en);
  const attemptPath = new URL(plain.url()).pathname;
  await look.goto(attemptPath);
  await expectNoAxeViolations(look);

  await plain.getByText(en['sim.ownResponse']).click();
  await plain.getByLabel(en['sim.ownText']).fill(OWN_WORDS);
  await plain.getByLabel(en['sim.ownCode']).selectOption('complex-reflection');
  await plain.getByRole('button', { name: en['sim.ownSubmit'] }).click();
  const debrief = plain.getByRole('heading', { level: 2, name: en['sim.debrief'] });
  for (let step = 0; step < 30 && !(await debrief.isVisible()); step++) {
    await plain.getByRole('radio').first().check();
    await plain.getByRole('button', { name: en['sim.respond'], exact: true }).click();
  }
  await expect(debrief).toBeVisible();
  await look.goto(attemptPath);
  await expectNoAxeViolations(look);

  const review = plain.getByRole('region', { name: en['review.submit.title'] });
  await review.getByLabel(en['review.submit.note'], { exact: true }).fill('Was my reflection too long?');
  await review.getByRole('button', { name: en['review.submit.button'], exact: true }).click();
  await expect(plain.getByRole('status').filter({ hasText: en['review.submit.done'] })).toBeVisible();
  await scanBothLanguages(look, new URL(plain.url()).pathname);

  // The mentor opens it from the Review queue.
  await mentorPage.goto('/mentoring/queue');
  await expectNoAxeViolations(mentorPage);
  await mentorPage.getByRole('row').filter({ hasText: mentee.name }).getByRole('link', { name: conversation.title.en }).click();
  await expect(mentorPage.getByRole('heading', { level: 1, name: fill(en['review.page.title'], { title: conversation.title.en }) })).toBeVisible();
  await expect(mentorPage.locator('.transcript')).toContainText(OWN_WORDS);
  await expect(mentorPage.getByText('Was my reflection too long?')).toBeVisible();
  await expect(mentorPage.getByLabel(en['review.rubric.choose'], { exact: true })).toHaveValue('collaborative-conversation');
  await expectNoAxeViolations(mentorPage);
  const reviewPath = new URL(mentorPage.url()).pathname;

  // It codes the own words with a MITI code, marks the rubric and releases the feedback.
  await mentorPage.getByLabel(fill(en['review.coding.response'], { n: 1 }), { exact: true }).selectOption('simple-reflection');
  await mentorPage.getByRole('button', { name: en['review.coding.save'], exact: true }).click();
  await expect(mentorPage.getByRole('status').filter({ hasText: en['review.coding.saved'] })).toBeVisible();
  await expect(mentorPage.getByText(fill(en['reviewRead.debrief.mentorCode'], { code: en['sim.code.simple-reflection'] }))).toBeVisible();
  await expectNoAxeViolations(mentorPage);
  await markAndRelease(mentorPage, 'collaborative-conversation', 'You stayed with his feelings. Next time, shorter reflections.');
  await expect(mentorPage.getByRole('heading', { level: 3, name: en['review.page.yourFeedback'] })).toBeVisible();
  await scanBothLanguages(mentorPage, reviewPath);

  // The mentee reads it, from Assigned to you, still without JavaScript.
  await plain.goto('/home');
  await expect(assigned).toContainText(en['mentoring.status.feedback-ready']);
  await assigned.getByRole('link', { name: fill(en['mentoring.readFeedback'], { title: conversation.title.en }) }).click();
  await expect(plain.getByRole('heading', { level: 1, name: fill(en['review.feedback.title'], { title: conversation.title.en }) })).toBeVisible();
  await expect(plain.getByText('You stayed with his feelings. Next time, shorter reflections.')).toBeVisible();
  await expect(plain.getByText(mentor.name)).toBeVisible();
  await scanBothLanguages(look, '/home');
  await scanBothLanguages(look, new URL(plain.url()).pathname);
});

/** Answers the threshold practice open on the page: the first choice of every question, with reasons. */
async function answerVignette(page: Page): Promise<void> {
  await page.getByRole('group', { name: en['practice.screeningQuestion'], exact: true }).getByRole('radio').first().check();
  await page.getByLabel(en['practice.reason']).fill('The referral alone raises a question I cannot answer yet.');
  await page.getByRole('button', { name: en['practice.recordScreening'] }).click();
  for (let i = 2; i < vignette.stages.length; i++) await page.getByRole('button', { name: en['practice.revealNext'] }).click();
  await page.getByRole('button', { name: en['practice.toStageTwo'] }).click();
  for (const group of await page.getByRole('group').all()) {
    const first = group.getByRole('radio').first();
    if (await first.count()) await first.check();
  }
  await page.getByRole('group', { name: en['practice.kindsOfHarm'], exact: true }).getByRole('checkbox').first().check();
  await page.getByLabel(en['practice.followUp']).fill('Talk to the family');
  await page.getByLabel(en['practice.summary']).fill('Weighing every stage, this is my decision.');
  await page.getByRole('button', { name: en['practice.submit'] }).click();
  await expect(page.getByRole('heading', { level: 2, name: en['practice.feedbackHeading'] })).toBeVisible();
}

test('a mentor marks threshold practice against another rubric, asks for a revision, and every version stays readable', async ({ browser, newAccount }) => {
  const mentor = await newAccount({ name: 'Siwan Mentor', roles: ['mentor', 'learner'] });
  const mentee = await newAccount({ name: 'Ifan Mentee', mentor });
  const mentorPage = await pageOf(browser, mentor);
  const assignmentPath = await assign(mentorPage, mentee, vignette.title.en);

  // The mentee starts it from Assigned to you, answers it and submits it.
  const menteePage = await pageOf(browser, mentee);
  await menteePage.goto('/home');
  const assigned = menteePage.getByRole('region', { name: en['mentoring.assignedToYou'] });
  await assigned.getByRole('button', { name: fill(en['mentoring.item.startNamed'], { title: vignette.title.en }) }).click();
  await answerVignette(menteePage);
  const review = menteePage.getByRole('region', { name: en['review.submit.title'] });
  await review.getByRole('button', { name: en['review.submit.button'], exact: true }).click();
  await expect(menteePage.getByRole('status').filter({ hasText: en['review.submit.done'] })).toBeVisible();
  // The finished practice page with its submission, in both languages.
  await scanBothLanguages(menteePage, new URL(menteePage.url()).pathname);

  // The threshold submission's review page, in both languages; the mentor chooses another rubric before marking.
  await mentorPage.goto('/mentoring/queue');
  await mentorPage.getByRole('row').filter({ hasText: mentee.name }).getByRole('link', { name: vignette.title.en }).click();
  const firstPath = new URL(mentorPage.url()).pathname;
  await scanBothLanguages(mentorPage, firstPath);
  await mentorPage.goto(firstPath);
  const chooser = mentorPage.getByLabel(en['review.rubric.choose'], { exact: true });
  await expect(chooser).toHaveValue('threshold-reasoning');
  await chooser.selectOption('areas-of-change-and-measure');
  await mentorPage.getByRole('button', { name: en['review.rubric.use'], exact: true }).click();
  await expect(mentorPage.getByRole('status').filter({ hasText: en['review.rubric.changed'] })).toBeVisible();
  await expect(mentorPage.getByRole('heading', { level: 2, name: fill(en['review.rubric.title'], { title: rubricOf('areas-of-change-and-measure').title.en }) })).toBeVisible();
  await expect(mentorPage.getByRole('group', { name: rubricOf('areas-of-change-and-measure').criteria[0]!.title.en, exact: true })).toBeVisible();
  await expectNoAxeViolations(mentorPage);

  // A revision instead of feedback: the mentee answers again and submits version 2.
  await mentorPage.getByLabel(en['review.revisionMessage'], { exact: true }).fill('Say more about the likelihood of harm.');
  await mentorPage.getByRole('button', { name: en['review.askRevision'], exact: true }).click();
  await menteePage.goto(new URL(assignmentPath.replace('/mentoring/assignments/', '/assigned/'), menteePage.url()).pathname);
  const versions = menteePage.getByRole('region', { name: en['review.submit.title'] });
  await expect(versions.getByRole('listitem').first()).toContainText(en['review.versions.state.revision-asked']);
  await expect(versions).toContainText('Say more about the likelihood of harm.');
  await menteePage.getByRole('button', { name: fill(en['mentoring.item.startNamed'], { title: vignette.title.en }) }).click();
  await answerVignette(menteePage);
  await menteePage.getByRole('region', { name: en['review.submit.title'] }).getByRole('button', { name: en['review.submit.button'], exact: true }).click();
  await expect(menteePage.getByRole('status').filter({ hasText: en['review.submit.done'] })).toBeVisible();

  // The mentor marks version 2 and releases it; version 1 stays reachable from it, with what was asked.
  await mentorPage.goto('/mentoring/queue');
  await mentorPage.getByRole('row').filter({ hasText: mentee.name }).getByRole('link', { name: vignette.title.en }).click();
  await markAndRelease(mentorPage, 'threshold-reasoning', 'Clearer now: likelihood and level of harm kept apart.');
  const earlier = mentorPage.getByRole('region', { name: en['review.versions.title'] });
  await expect(earlier.getByRole('listitem')).toHaveCount(2);
  await expectNoAxeViolations(mentorPage);
  await earlier.getByRole('link', { name: /^Version 1,/ }).click();
  await expect(mentorPage).toHaveURL(new RegExp(`${firstPath}$`));
  await expect(mentorPage.getByText(fill(en['review.versions.revisionMessage'], { message: 'Say more about the likelihood of harm.' }))).toBeVisible();
  await expectNoAxeViolations(mentorPage);

  // The mentee reaches both versions' work and the released feedback.
  await menteePage.goto(new URL(assignmentPath.replace('/mentoring/assignments/', '/assigned/'), menteePage.url()).pathname);
  const list = menteePage.getByRole('region', { name: en['review.submit.title'] }).getByRole('listitem');
  await expect(list).toHaveCount(2);
  await expect(list.nth(0).getByRole('link', { name: fill(en['review.versions.work'], { version: 1 }) })).toBeVisible();
  await list.nth(1).getByRole('link', { name: fill(en['review.submit.feedbackReady'], { version: 2 }) }).click();
  await expect(menteePage.getByText('Clearer now: likelihood and level of harm kept apart.')).toBeVisible();
  await menteePage.goBack();
  await expectNoAxeViolations(menteePage);
  await list.nth(0).getByRole('link', { name: fill(en['review.versions.work'], { version: 1 }) }).click();
  await expect(menteePage.getByRole('heading', { level: 2, name: en['practice.feedbackHeading'] })).toBeVisible();
});
