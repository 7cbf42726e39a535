import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { demoPerson, expectNoAxeViolations, signIn } from './support.ts';

test('a manager opens Training needs for their own teams, filters it by status, downloads the CSV and changes a need', async ({ page, newAccount }) => {
  test.slow();
  const manager = await newAccount({ name: 'Rhys Rheolwr', roles: ['manager'], teams: [], manages: ['Assessment and Safeguarding Team'] });
  const member = await newAccount({ name: 'Mared Aelod' });
  await signIn(page, manager.email);
  await expect(page).toHaveURL('/home');

  await page.goto('/training');
  await page.getByRole('link', { name: 'Training needs', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Training needs' })).toBeVisible();
  const matrix = page.getByRole('table', { name: 'Training needs, one row per person' });
  // Their own team's people, with the demo rules' needs; never another team's.
  await expect(matrix.getByRole('rowheader', { name: member.name })).toBeVisible();
  await expect(matrix.getByRole('rowheader', { name: 'Elin Hughes', exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(demoPerson('Osian Wyn'));
  await expect(page.getByRole('columnheader', { name: 'Risk Model' })).toBeVisible();
  await expect(matrix.getByRole('row').filter({ hasText: member.name })).toContainText('Required');
  await expect(page.getByRole('table', { name: /Summary by team/ })).toContainText('Assessment and Safeguarding Team');
  // Confidence before and after, by programme and by team: the demo pilot team's ratings, with a reading from 5 people.
  const confidence = page.getByRole('table', { name: 'Confidence before and after, by programme and by team' });
  await expect(confidence.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Assessment and Safeguarding Team' }) }).filter({ hasText: 'Effective Child Protection' })).toHaveCount(1);
  await expect(page.getByRole('listitem').filter({ hasText: /^Effective Child Protection, Assessment and Safeguarding Team: / })).toBeVisible();
  await expectNoAxeViolations(page);

  // Filter by status with the plain GET form.
  await page.getByLabel('Programme', { exact: true }).selectOption('risk-model');
  // The demo's pilot phase (this team's) has ended, so what is not complete is overdue.
  await page.getByLabel('Status', { exact: true }).selectOption('overdue');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/training\/needs\?.*programme=risk-model.*status=overdue/);
  const rows = matrix.locator('tbody tr');
  await expect(rows.filter({ hasText: member.name })).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText('Overdue');
  // Each need links to the form that changes it for that person.
  await expect(matrix.getByRole('link', { name: new RegExp(`^Required\\s*: change the need of ${member.name} for Risk Model$`) })).toHaveAttribute('href', `/people/${member.id}/needs?programme=risk-model`);
  await expectNoAxeViolations(page);

  // The CSV has the same filter, a byte-order mark and the header in the page's language.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('training-needs.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFPerson,Teams,Roles,Risk Model: Need,Risk Model: Modules done,')).toBe(true);
  expect(csv).toContain(member.name);
  expect(csv).not.toMatch(demoPerson('Osian Wyn'));

  // The Welsh twin.
  await page.goto('/cy/training/needs');
  await expect(page.getByRole('heading', { level: 1, name: 'Anghenion hyfforddi' })).toBeVisible();
  await expectNoAxeViolations(page);

  // From the person's training record, the manager changes one need with a reason.
  await page.goto('/people/' + member.id);
  await expect(page.getByRole('heading', { level: 2, name: 'Training record' })).toBeVisible();
  await page.getByRole('link', { name: 'Change a need' }).click();
  await page.getByLabel('Programme', { exact: true }).selectOption('risk-model');
  await page.getByRole('radio', { name: 'Not needed' }).check();
  await page.getByRole('button', { name: 'Save the need' }).click();
  await expect(page.locator('#field-reason-error')).toContainText('Give a reason for the change');
  await expectNoAxeViolations(page);
  await page.getByLabel('Reason', { exact: true }).fill('Completed the Risk Model with a previous employer.');
  await page.getByRole('button', { name: 'Save the need' }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${member.id}\\?need=saved`));
  await expect(page.getByRole('status')).toHaveText('The training need has been saved.');
  await expect(page.getByText('Reason for the change: Completed the Risk Model with a previous employer.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/cy/people/${member.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Cofnod hyfforddi' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an admin edits a needs rule; a mistake is shown beside its field', async ({ page, newAccount }) => {
  const admin = await newAccount({ name: 'Gwen Gweinyddwr', roles: ['admin'], teams: [] });
  await signIn(page, admin.email);
  await expect(page).toHaveURL('/home');
  await page.goto('/admin/training/rules');
  await expect(page.getByRole('heading', { level: 1, name: 'Needs rules' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Needs rules' })).toContainText('Assessment and Safeguarding Team');
  await expectNoAxeViolations(page);

  await page.getByLabel('Programme', { exact: true }).selectOption('practice-mentoring');
  await page.getByLabel('Role', { exact: true }).selectOption('mentor');
  await page.getByRole('button', { name: 'Save the rule' }).click();
  await expect(page.locator('#field-need-error')).toContainText('Choose required, recommended or not needed.');
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: 'Recommended' }).check();
  await page.getByRole('button', { name: 'Save the rule' }).click();
  await expect(page.getByRole('status')).toHaveText('The needs rules have been saved.');
  const row = page.getByRole('table', { name: 'Needs rules' }).getByRole('row').filter({ hasText: 'Practice mentor' });
  await expect(row).toContainText('Recommended');

  await page.goto('/cy/admin/training/rules');
  await expect(page.getByRole('heading', { level: 1, name: 'Rheolau anghenion' })).toBeVisible();
  await expectNoAxeViolations(page);
});
