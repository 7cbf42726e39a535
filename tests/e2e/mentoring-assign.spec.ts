import { resolve } from 'node:path';
import { loadContent } from '../../src/content/load.ts';
import { addDays, londonDate } from '../../src/domain/common/index.ts';
import { messages } from '../../src/i18n/index.ts';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

test.describe.configure({ timeout: 120_000 });
const en = messages.en;
const cy = messages.cy;
const content = loadContent(resolve('content'));
const module = content.modules.find((m) => m.programme === 'risk-model') ?? content.modules[0]!;

test('a mentor assigns a module to a mentee, who sees it under Assigned to you', async ({ browser, newAccount }) => {
  const mentor = await newAccount({ name: 'Mair Mentor', roles: ['mentor', 'learner'] });
  const mentee = await newAccount({ name: 'Dafydd Mentee', mentor });
  const due = addDays(londonDate(Date.now()), 14);

  const mentorPage = await (await browser.newContext()).newPage();
  await signIn(mentorPage, mentor.email);
  await mentorPage.getByRole('link', { name: en['nav.mentoring'], exact: true }).first().click();
  await expect(mentorPage.getByRole('heading', { level: 1, name: en['mentoring.title'] })).toBeVisible();
  await expect(mentorPage.getByRole('link', { name: mentee.name, exact: true })).toBeVisible();
  await expectNoAxeViolations(mentorPage);

  await mentorPage.getByRole('link', { name: en['mentoring.assign'], exact: true }).click();
  await expect(mentorPage.getByRole('heading', { level: 1, name: en['mentoring.assign'] })).toBeVisible();
  await expectNoAxeViolations(mentorPage);

  // Nothing chosen: the errors show beside their fields and nothing is assigned.
  await mentorPage.getByRole('button', { name: en['mentoring.form.submit'], exact: true }).click();
  await expect(mentorPage.getByRole('alert')).toContainText(en['mentoring.error.noMentee']);
  await expect(mentorPage.getByRole('alert')).toContainText(en['mentoring.error.unknownActivity']);
  await expectNoAxeViolations(mentorPage);

  await mentorPage.getByRole('group', { name: en['mentoring.form.mentees'] }).getByLabel(mentee.name).check();
  await mentorPage.getByLabel(en['mentoring.form.activity'], { exact: true }).selectOption({ label: module.title.en });
  await mentorPage.getByLabel(en['mentoring.form.dueDate'], { exact: true }).fill(due);
  await mentorPage.getByLabel(en['mentoring.form.note'], { exact: true }).fill('Have a look before we meet on Thursday.');
  await mentorPage.getByLabel(en['mentoring.form.askReview'], { exact: true }).check();
  await mentorPage.getByRole('button', { name: en['mentoring.form.submit'], exact: true }).click();
  await expect(mentorPage.getByRole('status').filter({ hasText: en['mentoring.assigned'] })).toBeVisible();
  const row = mentorPage.getByRole('row').filter({ hasText: mentee.name });
  await expect(row).toContainText(module.title.en);
  await expect(row).toContainText(en['mentoring.status.not-started']);
  await expectNoAxeViolations(mentorPage);

  // The assignment's own page, where the mentor may move the date or withdraw it.
  await row.getByRole('link', { name: module.title.en }).click();
  await expect(mentorPage.getByRole('heading', { level: 2, name: en['mentoring.manage.changeDue'] })).toBeVisible();
  await expectNoAxeViolations(mentorPage);

  for (const path of ['/cy/mentoring', '/cy/mentoring/assign']) {
    await mentorPage.goto(path);
    await expect(mentorPage.locator('html')).toHaveAttribute('lang', 'cy');
    await expectNoAxeViolations(mentorPage);
  }
  await expect(mentorPage.getByRole('heading', { level: 1, name: cy['mentoring.assign'] })).toBeVisible();

  const menteePage = await (await browser.newContext()).newPage();
  await signIn(menteePage, mentee.email);
  await menteePage.goto('/home');
  const section = menteePage.getByRole('region', { name: en['mentoring.assignedToYou'] });
  await expect(section.getByRole('link', { name: module.title.en, exact: true })).toBeVisible();
  await expect(section).toContainText(en['mentoring.status.not-started']);
  await expect(section).toContainText(mentor.name);
  await expectNoAxeViolations(menteePage);

  await section.getByRole('link', { name: en['mentoring.details'].replace('{title}', module.title.en) }).click();
  await expect(menteePage.getByRole('heading', { level: 1, name: module.title.en })).toBeVisible();
  await expect(menteePage.getByText('Have a look before we meet on Thursday.')).toBeVisible();
  await expect(menteePage.getByRole('link', { name: en['mentoring.item.open'].replace('{title}', module.title.en) })).toBeVisible();
  await expectNoAxeViolations(menteePage);
  const itemPath = new URL(menteePage.url()).pathname;
  await menteePage.goto(`/cy${itemPath}`);
  await expect(menteePage.getByRole('heading', { level: 1, name: module.title.cy })).toBeVisible();
  await expectNoAxeViolations(menteePage);

  // Another person cannot open the mentee's item.
  expect((await mentorPage.goto(itemPath))?.status()).toBe(404);
  await expect(mentorPage.getByText(en['mentoring.error.notFound'])).toBeVisible();
});
