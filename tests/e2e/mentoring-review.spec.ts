import { resolve } from 'node:path';
import { loadContent } from '../../src/content/load.ts';
import { addDays, londonDate } from '../../src/domain/common/index.ts';
import { messages } from '../../src/i18n/index.ts';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

test.describe.configure({ timeout: 180_000 });
const en = messages.en;
const cy = messages.cy;
const rubrics = loadContent(resolve('content')).rubrics;
const fill = (text: string, params: Record<string, string | number>) => Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), text);

test('a mentor sets a practice task for review, marks it with the rubric and releases feedback the mentee reads', async ({ browser, newAccount }) => {
  const mentor = await newAccount({ name: 'Mererid Mentor', roles: ['mentor', 'learner'] });
  const mentee = await newAccount({ name: 'Tudur Mentee', mentor });
  const due = addDays(londonDate(Date.now()), 14);
  const taskTitle = 'Opening the conversation with Awel’s mother';

  const mentorPage = await (await browser.newContext()).newPage();
  await signIn(mentorPage, mentor.email);
  await mentorPage.goto('/mentoring/assign');
  await mentorPage.getByRole('group', { name: en['mentoring.form.mentees'] }).getByLabel(mentee.name).check();
  await mentorPage.getByLabel(en['mentoring.form.activity'], { exact: true }).selectOption({ label: en['mentoring.form.newTask'] });
  await mentorPage.getByLabel(en['mentoring.form.taskTitle'], { exact: true }).fill(taskTitle);
  await mentorPage.getByLabel(en['mentoring.form.taskInstructions'], { exact: true }).fill('Write, in your own words, how you would open the conversation.');
  await mentorPage.getByLabel(en['mentoring.form.dueDate'], { exact: true }).fill(due);
  await mentorPage.getByLabel(en['mentoring.form.askReview'], { exact: true }).check();
  await mentorPage.getByRole('button', { name: en['mentoring.form.submit'], exact: true }).click();
  await expect(mentorPage.getByRole('status').filter({ hasText: en['mentoring.assigned'] })).toBeVisible();

  // The mentee answers the task and submits it for review (plain forms: no script on these pages).
  const menteeContext = await browser.newContext();
  const menteePage = await menteeContext.newPage();
  await signIn(menteePage, mentee.email);
  await menteePage.goto('/home');
  const section = menteePage.getByRole('region', { name: en['mentoring.assignedToYou'] });
  await section.getByRole('link', { name: taskTitle, exact: true }).click();
  await expect(menteePage.getByRole('heading', { level: 1, name: taskTitle })).toBeVisible();
  await menteePage.getByRole('textbox', { name: en['mentoring.item.answer'], exact: true }).fill('I would start by asking how she is today, and what would help.');
  await menteePage.getByRole('button', { name: en['mentoring.item.saveAnswer'], exact: true }).click();
  const review = menteePage.getByRole('region', { name: en['review.submit.title'] });
  await expect(review.getByRole('link', { name: en['review.rubric.readBefore'] })).toBeVisible();
  await expectNoAxeViolations(menteePage);
  await review.getByLabel(en['review.submit.note'], { exact: true }).fill('I was not sure about the second sentence.');
  await review.getByRole('button', { name: en['review.submit.button'], exact: true }).click();
  await expect(menteePage.getByRole('status').filter({ hasText: en['review.submit.done'] })).toBeVisible();
  await expect(menteePage.getByText(fill(en['review.submit.waiting'], { version: 1 }))).toBeVisible();
  await expectNoAxeViolations(menteePage);
  const itemPath = new URL(menteePage.url()).pathname;

  // The rubric page a mentee may read before submitting, in both languages.
  const rubric = rubrics.find((r) => r.workKinds.includes('task') && r.defaultFor.includes('task')) ?? rubrics.find((r) => r.workKinds.includes('task'))!;
  await menteePage.goto(`/rubrics/${rubric.id}`);
  await expect(menteePage.getByRole('heading', { level: 1, name: rubric.title.en })).toBeVisible();
  await expectNoAxeViolations(menteePage);
  await menteePage.goto(`/cy/rubrics/${rubric.id}`);
  await expect(menteePage.getByRole('heading', { level: 1, name: rubric.title.cy })).toBeVisible();
  await expectNoAxeViolations(menteePage);

  // The mentor finds it in the Review queue from the workspace home.
  await mentorPage.goto('/mentoring');
  await expect(mentorPage.getByText(fill(en['review.queue.count'], { count: 1 }))).toBeVisible();
  await mentorPage.getByRole('link', { name: en['review.queue.title'], exact: true }).click();
  await expect(mentorPage.getByRole('heading', { level: 1, name: en['review.queue.title'] })).toBeVisible();
  const row = mentorPage.getByRole('row').filter({ hasText: mentee.name });
  await expect(row).toContainText(taskTitle);
  await expectNoAxeViolations(mentorPage);
  await mentorPage.goto('/cy/mentoring/queue');
  await expect(mentorPage.getByRole('heading', { level: 1, name: cy['review.queue.title'] })).toBeVisible();
  await expectNoAxeViolations(mentorPage);
  await mentorPage.goto('/mentoring/queue');
  await mentorPage.getByRole('row').filter({ hasText: mentee.name }).getByRole('link', { name: taskTitle }).click();
  await expect(mentorPage.getByRole('heading', { level: 1, name: fill(en['review.page.title'], { title: taskTitle }) })).toBeVisible();
  await expect(mentorPage.getByText('I would start by asking how she is today')).toBeVisible();
  await expect(mentorPage.getByText('I was not sure about the second sentence.')).toBeVisible();
  await expectNoAxeViolations(mentorPage);

  // Releasing with nothing marked is refused beside the fields; then mark every criterion and release.
  await mentorPage.getByRole('button', { name: en['review.release'], exact: true }).click();
  await expect(mentorPage.getByRole('alert')).toContainText(en['review.error.levelMissing']);
  await expectNoAxeViolations(mentorPage);
  for (const criterion of rubric.criteria) {
    const group = mentorPage.getByRole('group', { name: criterion.title.en, exact: true });
    await group.getByRole('radio').last().check();
    const top = criterion.levels.at(-1)!;
    if (top.range) await group.getByLabel(en['review.rubric.score'], { exact: true }).fill(String(top.range[1]));
  }
  await mentorPage.getByLabel(en['review.overall'], { exact: true }).fill('A warm, open start. Keep the question short.');
  // Enter in the form saves a draft (its default button), never a comment-bank button.
  await mentorPage.getByRole('radio', { checked: true }).last().press('Enter');
  await expect(mentorPage.getByRole('status').filter({ hasText: en['review.saved'] })).toBeVisible();
  await expect(mentorPage.locator('#total')).not.toHaveText(en['review.totalNone']);
  const pagePath = new URL(mentorPage.url()).pathname;
  await mentorPage.goto(`/cy${pagePath}`);
  await expect(mentorPage.locator('html')).toHaveAttribute('lang', 'cy');
  await expectNoAxeViolations(mentorPage);
  await mentorPage.goto(pagePath);

  // A draft never reaches the mentee.
  await menteePage.goto(`${itemPath}/feedback/1`);
  await expect(menteePage.getByRole('heading', { level: 1, name: fill(en['review.feedback.title'], { title: taskTitle }) })).toHaveCount(0);

  await mentorPage.getByRole('button', { name: en['review.release'], exact: true }).click();
  await expect(mentorPage.getByRole('status').filter({ hasText: en['review.releasedNotice'] })).toBeVisible();

  // The mentee reads the released feedback, linked from the assigned item.
  await menteePage.goto(itemPath);
  await menteePage.getByRole('link', { name: fill(en['review.submit.feedbackReady'], { version: 1 }) }).click();
  await expect(menteePage.getByRole('heading', { level: 1, name: fill(en['review.feedback.title'], { title: taskTitle }) })).toBeVisible();
  await expect(menteePage.getByText('A warm, open start. Keep the question short.')).toBeVisible();
  await expect(menteePage.getByText(mentor.name)).toBeVisible();
  await expectNoAxeViolations(menteePage);
  await menteePage.goto(`/cy${itemPath}/feedback/1`);
  await expect(menteePage.getByRole('heading', { level: 1, name: fill(cy['review.feedback.title'], { title: taskTitle }) })).toBeVisible();
  await expectNoAxeViolations(menteePage);

  // The mentor cannot read the mentee's feedback page, and the mentee cannot open the review page.
  expect((await mentorPage.goto(`${itemPath}/feedback/1`))?.status()).toBe(404);
  expect((await menteePage.goto(pagePath))?.status()).toBe(403);
});
