import { addDays, londonDate } from '../../src/domain/common/index.ts';
import { messages } from '../../src/i18n/index.ts';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

test.describe.configure({ timeout: 420_000 });
const en = messages.en;
const fill = (text: string, params: Record<string, string | number>) => Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), text);

test('a mentor uses the comment bank without JavaScript, asks a colleague to second-mark, and each sees the other’s marking only once both released', async ({ browser, newAccount }) => {
  const mentor = await newAccount({ name: 'Morfudd Mentor', roles: ['mentor', 'learner'] });
  const colleague = await newAccount({ name: 'Cadi Cymedrolwr', roles: ['mentor', 'learner'] });
  const mentee = await newAccount({ name: 'Hywel Mentee', mentor });
  const taskTitle = 'Naming a strength you saw';

  // Set and answer a practice task, submitted for review (plain forms).
  const mentorPage = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(mentorPage, mentor.email);
  await mentorPage.goto('/mentoring/assign');
  await mentorPage.getByRole('group', { name: en['mentoring.form.mentees'] }).getByLabel(mentee.name).check();
  await mentorPage.getByLabel(en['mentoring.form.activity'], { exact: true }).selectOption({ label: en['mentoring.form.newTask'] });
  await mentorPage.getByLabel(en['mentoring.form.taskTitle'], { exact: true }).fill(taskTitle);
  await mentorPage.getByLabel(en['mentoring.form.taskInstructions'], { exact: true }).fill('Describe one strength you saw in the fictional family.');
  await mentorPage.getByLabel(en['mentoring.form.dueDate'], { exact: true }).fill(addDays(londonDate(Date.now()), 14));
  await mentorPage.getByLabel(en['mentoring.form.askReview'], { exact: true }).check();
  await mentorPage.getByRole('button', { name: en['mentoring.form.submit'], exact: true }).click();
  const menteePage = await (await browser.newContext()).newPage();
  await signIn(menteePage, mentee.email);
  await menteePage.goto('/home');
  await menteePage.getByRole('region', { name: en['mentoring.assignedToYou'] }).getByRole('link', { name: taskTitle, exact: true }).click();
  await menteePage.getByRole('textbox', { name: en['mentoring.item.answer'], exact: true }).fill('Mr Jones kept every appointment this week.');
  await menteePage.getByRole('button', { name: en['mentoring.item.saveAnswer'], exact: true }).click();
  await menteePage.getByRole('region', { name: en['review.submit.title'] }).getByRole('button', { name: en['review.submit.button'], exact: true }).click();
  await expect(menteePage.getByRole('status').filter({ hasText: en['review.submit.done'] })).toBeVisible();
  const itemPath = new URL(menteePage.url()).pathname;

  // The mentor opens it (no JavaScript) and saves a comment to the bank; what was typed stays.
  await mentorPage.goto('/mentoring/queue');
  await mentorPage.getByRole('row').filter({ hasText: mentee.name }).getByRole('link', { name: taskTitle }).click();
  const reviewPath = new URL(mentorPage.url()).pathname;
  const criteria = mentorPage.locator('form.rubric-form fieldset.field');
  const first = criteria.nth(0);
  const second = criteria.nth(1);
  const firstTitle = (await first.locator('legend').textContent())!.trim();
  const secondTitle = (await second.locator('legend').textContent())!.trim();
  await first.getByRole('textbox').fill('Name the strength back to the family in their words.');
  await mentorPage.getByLabel(en['review.overall'], { exact: true }).fill('Half-written overall feedback');
  await first.getByRole('button', { name: `${en['commentBank.save']} ${fill(en['commentBank.saveFor'], { criterion: firstTitle })}` }).click();
  await expect(mentorPage.getByRole('status').filter({ hasText: en['commentBank.saved'] })).toBeVisible();
  await expect(mentorPage.getByRole('group', { name: en['commentBank.heading'] })).toContainText('Name the strength back to the family in their words.');
  await expect(mentorPage.getByLabel(en['review.overall'], { exact: true })).toHaveValue('Half-written overall feedback');

  // Use puts the saved comment into another criterion's comment, keeping everything else typed.
  await second.getByLabel(fill(en['commentBank.choose'], { criterion: secondTitle })).selectOption({ label: 'Name the strength back to the family in their words.' });
  await second.getByRole('button', { name: `${en['commentBank.use']} ${fill(en['commentBank.useFor'], { criterion: secondTitle })}` }).click();
  await expect(mentorPage.getByRole('status').filter({ hasText: fill(en['commentBank.used'], { criterion: secondTitle }) })).toBeVisible();
  await expect(criteria.nth(1).getByRole('textbox', { name: fill(en['review.rubric.comment'], { criterion: secondTitle }) })).toHaveValue('Name the strength back to the family in their words.');
  await expect(criteria.nth(0).getByRole('textbox', { name: fill(en['review.rubric.comment'], { criterion: firstTitle }) })).toHaveValue('Name the strength back to the family in their words.');
  await expect(mentorPage.getByLabel(en['review.overall'], { exact: true })).toHaveValue('Half-written overall feedback');

  // Ask the colleague to second-mark.
  await mentorPage.getByLabel(en['moderation.ask.marker'], { exact: true }).selectOption({ label: colleague.name });
  await mentorPage.getByRole('button', { name: en['moderation.ask.submit'], exact: true }).click();
  await expect(mentorPage.getByRole('status').filter({ hasText: en['moderation.askedNotice'] })).toBeVisible();
  await expect(mentorPage.getByText(fill(en['moderation.first.asked'], { name: colleague.name }))).toBeVisible();

  // The mentor marks every criterion and releases; without JavaScript the saved total shows.
  for (let i = 0; i < (await criteria.count()); i++) await criteria.nth(i).getByRole('radio').last().check();
  await mentorPage.getByLabel(en['review.overall'], { exact: true }).fill('The first marker’s feedback for the mentee.');
  await mentorPage.getByRole('button', { name: en['review.release'], exact: true }).click();
  await expect(mentorPage.getByRole('status').filter({ hasText: en['review.releasedNotice'] })).toBeVisible();
  await expect(mentorPage.getByText(en['moderation.waitingOther'].replace('{name}', colleague.name))).toBeVisible();

  // The colleague, with JavaScript: the queue says second marking; the total updates live; no first marking yet.
  const colleaguePage = await (await browser.newContext()).newPage();
  await signIn(colleaguePage, colleague.email);
  await colleaguePage.goto('/mentoring/queue');
  const row = colleaguePage.getByRole('row').filter({ hasText: mentee.name });
  await expect(row).toContainText(en['moderation.queue.second']);
  await row.getByRole('link', { name: taskTitle }).click();
  await expect(colleaguePage.getByText('Mr Jones kept every appointment this week.')).toBeVisible();
  await expect(colleaguePage.locator('body')).not.toContainText('The first marker’s feedback for the mentee.');
  await expect(colleaguePage.getByText(en['moderation.waitingMine'].replace('{name}', mentor.name))).toBeVisible();
  const theirCriteria = colleaguePage.locator('form.rubric-form fieldset.field');
  await expect(colleaguePage.getByText(en['moderation.liveTotalNone'])).toBeVisible();
  await theirCriteria.nth(0).getByRole('radio').first().check();
  await expect(colleaguePage.locator('.rubric-live-total')).toContainText(/Total as marked now: \d+ out of \d+/);
  await expectNoAxeViolations(colleaguePage);
  for (let i = 0; i < (await theirCriteria.count()); i++) await theirCriteria.nth(i).getByRole('radio').first().check();
  await colleaguePage.getByLabel(en['review.overall'], { exact: true }).fill('The second marker’s view.');
  await colleaguePage.getByRole('button', { name: fill(en['moderation.releaseSecond'], { name: mentor.name }), exact: true }).click();
  await expect(colleaguePage.getByRole('status').filter({ hasText: fill(en['moderation.releasedSecond'], { name: mentor.name }) })).toBeVisible();
  await expect(colleaguePage.getByRole('heading', { level: 3, name: fill(en['moderation.other.heading'], { name: mentor.name }) })).toBeVisible();
  await expect(colleaguePage.getByText('The first marker’s feedback for the mentee.')).toBeVisible();
  await expectNoAxeViolations(colleaguePage);

  // Now the mentor sees the colleague's marking; the mentee sees only their mentor's feedback.
  await mentorPage.goto(reviewPath);
  await expect(mentorPage.getByText('The second marker’s view.')).toBeVisible();
  await menteePage.goto(`${itemPath}/feedback/1`);
  await expect(menteePage.getByText('The first marker’s feedback for the mentee.')).toBeVisible();
  await expect(menteePage.locator('body')).not.toContainText('The second marker’s view.');

  // The workspace home counts double-marked work per rubric (axe needs script, so in the colleague's browser).
  await colleaguePage.goto('/mentoring');
  await expect(colleaguePage.getByRole('region', { name: en['moderation.agreement.heading'] }).getByRole('table')).toBeVisible();
  await expectNoAxeViolations(colleaguePage);
});
