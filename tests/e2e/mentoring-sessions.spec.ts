import { test, expect } from './fixtures.ts';
import { expectNoAxeViolations, localised, signIn } from './support.ts';
import { messages } from '../../src/i18n/index.ts';
import { formatDay } from '../../src/domain/common/locale.ts';

const en = messages.en;
const cy = messages.cy;

/** A London calendar day `offset` days from today, as the form takes it. */
function londonDay(offset: number): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now() + offset * 86_400_000);
  return day;
}

const SUMMARY = 'We practised opening a strengths-based conversation with a reluctant parent.';
const NOTE = 'Only for me: she seemed tired, ask about caseload next time.';
const ACTIONS = ['Try one scaling question on a home visit', 'Read the section on complex reflections'];

test('a mentor records a 1:1 session with two actions and a private note; the mentee sees the summary and actions but never the note', async ({ page, newAccount }) => {
  const mentor = await newAccount({ name: 'Mair Mentor', roles: ['mentor', 'learner'] });
  const mentee = await newAccount({ name: 'Dafydd Mentee', language: 'cy', mentor });

  await signIn(page, mentor.email);
  await page.goto(localised('en', '/mentoring/sessions'));
  await expect(page.getByRole('heading', { level: 1, name: en['sessions.title'] })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: en['sessions.record'], exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: en['sessions.record'] })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel(en['sessions.mentee'], { exact: true }).selectOption({ label: mentee.name });
  await page.getByLabel(en['sessions.date'], { exact: true }).fill(londonDay(-1));
  await page.getByLabel(en['sessions.startsAt'], { exact: true }).fill('09:30');
  await page.getByLabel(en['sessions.duration'], { exact: true }).fill('50');
  await page.getByLabel(en['sessions.focus.conversations'], { exact: true }).check();
  await page.getByLabel(en['sessions.sharedSummary'], { exact: true }).fill(SUMMARY);
  await page.getByLabel(en['sessions.privateNotes'], { exact: true }).fill(NOTE);
  await page.getByRole('textbox', { name: 'Agreed action 1', exact: true }).fill(ACTIONS[0]!);
  await page.getByRole('textbox', { name: 'Agreed action 2', exact: true }).fill(ACTIONS[1]!);
  const dueFields = page.getByRole('textbox', { name: en['sessions.actionDue'], exact: true });
  await dueFields.nth(0).fill(londonDay(7));
  await dueFields.nth(1).fill(londonDay(14));

  // More rows without JavaScript: the button posts the form back with one more row and keeps what was typed.
  await page.getByRole('button', { name: en['sessions.addAction'] }).click();
  await expect(page.getByRole('textbox', { name: 'Agreed action 4', exact: true })).toBeVisible();
  await expect(page.getByLabel(en['sessions.privateNotes'], { exact: true })).toHaveValue(NOTE);

  await page.getByRole('button', { name: en['sessions.save'], exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(en['sessions.saved']);
  await expect(page.getByLabel(en['sessions.privateNotes'], { exact: true })).toHaveValue(NOTE);
  await expectNoAxeViolations(page);
  const sessionPath = new URL(page.url()).pathname;

  for (const path of ['/mentoring/sessions', '/mentoring/sessions/new', sessionPath]) {
    await page.goto(localised('cy', path));
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expectNoAxeViolations(page);
  }
  await expect(page.getByLabel(cy['sessions.sharedSummary'], { exact: true })).toHaveValue(SUMMARY);

  await page.context().clearCookies();
  await signIn(page, mentee.email, undefined, 'cy');
  await page.goto(localised('cy', '/home'));
  await expect(page.getByRole('heading', { name: cy['sessions.home.heading'] })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: cy['sessions.home.more'] }).click();
  await expect(page.getByRole('heading', { level: 1, name: cy['sessions.my.title'] })).toBeVisible();
  await expect(page.getByText(SUMMARY)).toBeVisible();
  for (const action of ACTIONS) await expect(page.getByText(action).first()).toBeVisible();
  expect(await page.content()).not.toContain(NOTE);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: new RegExp(`^${cy['sessions.my.markDone']}.*${ACTIONS[0]}$`) }).click();
  await expect(page.getByRole('status')).toHaveText(cy['sessions.my.markedDone']);
  await page.getByLabel(cy['sessions.my.takeaway'], { exact: true }).fill('Gofyn cwestiwn graddio yn gynharach');
  await page.getByRole('button', { name: cy['sessions.my.addTakeaway'] }).click();
  await expect(page.getByText('Gofyn cwestiwn graddio yn gynharach')).toBeVisible();
  expect(await page.content()).not.toContain(NOTE);

  await page.goto(localised('en', '/my-mentoring'));
  await expect(page.getByRole('heading', { level: 1, name: en['sessions.my.title'] })).toBeVisible();
  expect(await page.content()).not.toContain(NOTE);
  await expectNoAxeViolations(page);
  // The mentee's own exports carry the session (CPD time) but never the mentor's note.
  for (const path of ['/cpd.csv', '/reflective-log.csv', '/cy/cpd.csv', '/cy/reflective-log.csv']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.text(), path).not.toContain(NOTE);
  }

  // The next session, with the mentee picked in the plain form: the earlier open action is shown to decide, nothing typed is lost.
  await page.context().clearCookies();
  await signIn(page, mentor.email);
  await page.goto(localised('en', '/mentoring/sessions/new'));
  await page.getByLabel(en['sessions.mentee'], { exact: true }).selectOption({ label: mentee.name });
  await expect(page.getByRole('heading', { name: en['sessions.previous.heading'] })).toHaveCount(0);
  await page.getByLabel(en['sessions.date'], { exact: true }).fill(londonDay(-1));
  await page.getByLabel(en['sessions.startsAt'], { exact: true }).fill('11:30');
  await page.getByLabel(en['sessions.sharedSummary'], { exact: true }).fill('Second session: we reviewed the home visit.');
  await page.getByRole('button', { name: en['sessions.save'], exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(ACTIONS[1]!);
  await expect(page.getByRole('heading', { name: en['sessions.previous.heading'] })).toBeVisible();
  await expect(page.getByLabel(en['sessions.sharedSummary'], { exact: true })).toHaveValue('Second session: we reviewed the home visit.');
  const undecided = page.getByRole('group', { name: new RegExp(ACTIONS[1]!) });
  await expect(undecided).toContainText(en['sessions.errors.carryUndecided'].replace('{action}', ACTIONS[1]!));
  await expectNoAxeViolations(page);
  await undecided.getByLabel(en['sessions.carry.drop'], { exact: true }).check();
  await page.getByRole('button', { name: en['sessions.save'], exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(en['sessions.saved']);
  // The first session keeps the done action; the dropped one is no longer among its actions to edit.
  await page.goto(sessionPath);
  await expect(page.getByRole('textbox', { name: 'Agreed action 1', exact: true })).toHaveValue(ACTIONS[0]!);
  await expect(page.getByRole('textbox', { name: 'Agreed action 2', exact: true })).toHaveValue('');
  const overview = await page.request.get('/mentoring/overview.csv');
  expect(overview.status()).toBe(200);
  expect(await overview.text()).not.toContain(NOTE);
});

test('a mentor creates a support group and records a group session with attendance', async ({ page, newAccount }) => {
  const mentor = await newAccount({ name: 'Gwen Grwp', roles: ['mentor', 'learner'] });
  const mentee = await newAccount({ name: 'Owain Mentee', mentor });
  const colleague = await newAccount({ name: 'Nia Colleague', language: 'cy', teams: ['Coastal Children and Families Team'] });

  await signIn(page, mentor.email);
  await page.goto(localised('en', '/mentoring/groups'));
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: en['groups.new'] }).click();
  await page.getByLabel(en['groups.name'], { exact: true }).fill('Thursday reflective group');
  await page.getByLabel(mentee.name, { exact: true }).check();
  await page.getByLabel(colleague.name, { exact: true }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: en['groups.save'] }).click();
  await expect(page.getByRole('status')).toHaveText(en['groups.saved']);
  await expectNoAxeViolations(page);
  const groupPath = new URL(page.url()).pathname;

  await page.getByRole('link', { name: en['groups.recordSession'] }).click();
  await page.getByLabel(en['sessions.date'], { exact: true }).fill(londonDay(-2));
  await page.getByRole('group', { name: colleague.name }).getByLabel(en['groups.attendance.apologies']).check();
  // A group session needs its topic: without one the form says so beside the field and keeps the rest.
  await page.getByRole('button', { name: en['sessions.save'], exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(en['sessions.errors.topic']);
  await expect(page.getByRole('group', { name: colleague.name }).getByLabel(en['groups.attendance.apologies'])).toBeChecked();
  await page.getByLabel(en['sessions.topic'], { exact: true }).fill('Opening a first visit');
  await page.getByLabel(en['sessions.sharedSummary'], { exact: true }).fill('We shared how each of us opens a first visit.');
  await page.getByRole('textbox', { name: 'Agreed action 1', exact: true }).fill('Bring one first-visit story next time');
  await page.getByRole('textbox', { name: en['sessions.actionDue'], exact: true }).first().fill(londonDay(5));
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: en['sessions.save'], exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(en['sessions.saved']);
  await expect(page.getByRole('group', { name: colleague.name }).getByLabel(en['groups.attendance.apologies'])).toBeChecked();
  await expect(page.getByText(en['sessions.topicLine'].replace('{topic}', 'Opening a first visit'))).toBeVisible();

  for (const path of ['/mentoring/groups', '/mentoring/groups/new', groupPath, new URL(page.url()).pathname]) {
    await page.goto(localised('cy', path));
    await expectNoAxeViolations(page);
  }

  // Cancelling the group needs the box ticked; then it leaves the list.
  await page.goto(groupPath);
  await expect(page.getByRole('link', { name: /Opening a first visit/ })).toBeVisible();
  await page.getByRole('button', { name: en['groups.cancel'], exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(en['groups.errors.confirmCancel']);
  await expectNoAxeViolations(page);
  await page.getByLabel(en['groups.cancelConfirm'], { exact: true }).check();
  await page.getByRole('button', { name: en['groups.cancel'], exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(en['groups.cancelledNotice']);
  await expect(page.getByRole('link', { name: 'Thursday reflective group' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('another mentor’s session is not found, and a learner cannot open the sessions workspace', async ({ page, newAccount }) => {
  const mentor = await newAccount({ name: 'Siân Mentor', roles: ['mentor', 'learner'] });
  await newAccount({ name: 'Llŷr Mentee', mentor });
  const stranger = await newAccount({ name: 'Aled Arall', roles: ['mentor', 'learner'] });

  await signIn(page, mentor.email);
  await page.goto(localised('en', '/mentoring/sessions/new'));
  await page.getByLabel(en['sessions.mentee'], { exact: true }).selectOption({ index: 1 });
  await page.getByLabel(en['sessions.date'], { exact: true }).fill(londonDay(3));
  await page.getByRole('button', { name: en['sessions.save'], exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Llŷr Mentee');
  const sessionPath = new URL(page.url()).pathname;

  await page.context().clearCookies();
  await signIn(page, stranger.email);
  const notFound = await page.goto(sessionPath);
  expect(notFound?.status()).toBe(404);
  expect((await page.request.get(`${sessionPath}.ics`)).status()).toBe(404);

  await page.context().clearCookies();
  const learner = await newAccount({ name: 'Heddwen Dysgwr' });
  await signIn(page, learner.email);
  const forbidden = await page.goto(localised('en', '/mentoring/sessions'));
  expect(forbidden?.status()).toBe(403);
});

test('pressing Enter in a text field of the session form saves the session, not another action row', async ({ page, newAccount }) => {
  const mentor = await newAccount({ name: 'Eurig Enter', roles: ['mentor', 'learner'] });
  const mentee = await newAccount({ name: 'Mererid Mentee', mentor });
  await signIn(page, mentor.email);
  await page.goto(localised('en', '/mentoring/sessions/new'));
  await page.getByLabel(en['sessions.mentee'], { exact: true }).selectOption({ label: mentee.name });
  await page.getByLabel(en['sessions.date'], { exact: true }).fill(londonDay(-1));
  await page.getByRole('textbox', { name: en['sessions.actionDue'], exact: true }).first().fill(londonDay(7));
  const action = page.getByRole('textbox', { name: 'Agreed action 1', exact: true });
  await action.fill('Plan one strengths-based question');
  await action.press('Enter');
  await expect(page.getByRole('status')).toHaveText(en['sessions.saved']);
  expect(new URL(page.url()).pathname).toMatch(/^\/mentoring\/sessions\/(?!new)[^/]+$/);
  await expect(page.getByRole('textbox', { name: 'Agreed action 1', exact: true })).toHaveValue('Plan one strengths-based question');
});

test('the overview has a row per mentee with Needs attention, sorts by links, and downloads as CSV without a private note', async ({ page, newAccount }) => {
  const mentor = await newAccount({ name: 'Olwen Overview', roles: ['mentor', 'learner'] });
  const other = await newAccount({ name: 'Aneurin Ash', mentor });
  const mentee = await newAccount({ name: 'Bronwen Birch', mentor });

  await signIn(page, mentor.email);
  await page.goto(localised('en', '/mentoring/sessions/new'));
  await page.getByLabel(en['sessions.mentee'], { exact: true }).selectOption({ label: mentee.name });
  await page.getByLabel(en['sessions.date'], { exact: true }).fill(londonDay(-20));
  await page.getByLabel(en['sessions.privateNotes'], { exact: true }).fill(NOTE);
  await page.getByRole('textbox', { name: 'Agreed action 1', exact: true }).fill(ACTIONS[0]!);
  await page.getByRole('textbox', { name: en['sessions.actionDue'], exact: true }).first().fill(londonDay(-10));
  await page.getByRole('button', { name: en['sessions.save'], exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(en['sessions.saved']);

  await page.goto(localised('en', '/mentoring'));
  await page.getByRole('link', { name: en['overview.title'], exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: en['overview.title'] })).toBeVisible();
  const table = page.getByRole('table', { name: en['overview.caption'] });
  const names = () => table.locator('tbody th[scope="row"]').allTextContents();
  // The mentee with an action more than 7 days late needs attention, and comes first by default.
  const row = table.getByRole('row', { name: new RegExp(mentee.name) });
  await expect(row).toContainText(en['overview.needsAttention']);
  await expect(row).toContainText(en['overview.reason.action-late-7-days']);
  expect((await names())[0]).toBe(mentee.name);
  // One recorded session, 20 days ago; no threshold decisions to give a figure.
  const cells = await row.getByRole('cell').allTextContents();
  expect(cells.slice(-3)).toEqual([en['overview.none'], '1', formatDay('en', londonDay(-20))]);
  await expect(table.getByRole('columnheader', { name: new RegExp(en['overview.col.attention']) })).toHaveAttribute('aria-sort', 'descending');
  await expectNoAxeViolations(page);

  await table.getByRole('link', { name: en['overview.col.name'], exact: true }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await expect(table.getByRole('columnheader', { name: new RegExp(`^${en['overview.col.name']}`) })).toHaveAttribute('aria-sort', 'ascending');
  expect(await names()).toEqual([other.name, mentee.name]);
  await table.getByRole('link', { name: new RegExp(`^${en['overview.col.name']}`) }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  expect(await names()).toEqual([mentee.name, other.name]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: en['overview.download'] }).click()]);
  const csv = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
  expect(csv.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
    [en['overview.col.name'], en['overview.col.programmesDone'], en['overview.col.onTime'], en['overview.col.late'], en['overview.col.outstanding'], en['overview.col.lastActivity'], en['overview.col.reflectionToQuestion'], en['overview.col.percentComplex'], en['overview.col.openActions'], en['overview.col.cpdMinutes'], en['overview.col.attention'], en['overview.col.thresholdAgreement'], en['overview.col.sessions'], en['overview.col.lastSession']].map((h) => (/[,"]/.test(h) ? `"${h}"` : h)).join(','),
  );
  expect(csv).toContain(mentee.name);
  expect(csv).not.toContain(NOTE);
  expect(csv).not.toContain(ACTIONS[0]);

  await page.goto(localised('cy', '/mentoring/overview'));
  await expect(page.getByRole('heading', { level: 1, name: cy['overview.title'] })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the person page shows the mentor a Progress section with trend charts and their tables, in both languages', async ({ page }) => {
  await signIn(page, 'mentor@camau.example');
  await page.goto(localised('en', '/people/demo-learner'));
  await expect(page.getByRole('heading', { level: 2, name: en['progress.title'] })).toBeVisible();
  const chart = page.getByRole('figure', { name: en['progress.rqChart.title'] });
  await expect(chart.locator('svg')).toBeVisible();
  const table = page.getByRole('table', { name: en['progress.rqChart.title'] });
  await expect(table.getByRole('columnheader', { name: en['progress.reflectionToQuestion'] })).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('figure', { name: en['progress.complexChart.title'] })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: en['progress.cpd'] })).toBeVisible();
  expect(await page.content()).not.toContain('Elin seemed unsure about her caseload');
  await expectNoAxeViolations(page);

  await page.goto(localised('cy', '/people/demo-learner'));
  await expect(page.getByRole('heading', { level: 2, name: cy['progress.title'] })).toBeVisible();
  await expect(page.getByRole('table', { name: cy['progress.rqChart.title'] })).toBeVisible();
  await expectNoAxeViolations(page);
});
