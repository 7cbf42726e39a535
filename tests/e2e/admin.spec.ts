import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, linkIn, mailTo, NARROWEST, signIn } from './support.ts';

const ADMIN = 'admin@camau.example';

function postTo(page: Page, pathname: string) {
  return page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === pathname);
}

/** Fills and sends the invitation form; the caller is on /admin/people/invite. */
async function invite(page: Page, person: { name: string; email: string; language: 'Cymraeg' | 'English'; team: string }) {
  await page.getByLabel('Full name', { exact: true }).fill(person.name);
  await page.getByLabel('Email address', { exact: true }).fill(person.email);
  await page.getByRole('group', { name: 'Preferred language' }).getByRole('radio', { name: person.language }).check();
  const roles = page.getByRole('group', { name: 'Roles' });
  await roles.getByRole('checkbox', { name: 'Learner', exact: true }).check();
  await page.getByRole('group', { name: 'Teams' }).getByRole('checkbox', { name: person.team }).check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
}

/** Searches the people list and returns the table rows shown. */
async function searchPeople(page: Page, query: string) {
  await page.goto('/admin/people');
  await page.getByRole('searchbox', { name: 'Name or email address' }).fill(query);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(query).replace(/[.]/g, '\\.')}`));
}

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  // Other specs switch the demo admin's language; these tests start in English.
  await page.goto('/home');
});

test('an invited person sets a password from the emailed link and arrives signed in, in Welsh', async ({ page, browser }) => {
  test.slow(); // the longest journey: two browsers, a re-send and ten accessibility scans
  const person = { name: 'Nest Jenkins', email: 'nest.jenkins@camau.example', language: 'Cymraeg' as const, team: 'Coastal Children and Families Team' };

  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'People' }).click();
  await expect(page).toHaveURL('/admin/people');
  await expect(page.getByRole('table', { name: 'People in Example Council' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Invite a person' }).click();
  await expect(page).toHaveURL('/admin/people/invite');
  await expectNoAxeViolations(page);
  await invite(page, person);

  // The same answer whether or not the address has an account in another organisation.
  // The tests' mail server took it, so the page says it was e-mailed (not merely kept in the outbox).
  await expect(page).toHaveURL('/admin/people?done=invitation-emailed');
  await expect(page.getByRole('status').filter({ hasText: 'The invitation was emailed.' })).toBeVisible();
  await searchPeople(page, person.email);
  await expect(page.getByRole('row').filter({ hasText: person.email })).toContainText('Invited');
  await expectNoAxeViolations(page);

  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Email outbox' }).click();
  await expect(page).toHaveURL('/admin/outbox');
  await expectNoAxeViolations(page);
  const row = page.getByRole('row').filter({ hasText: person.email });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: 'Gwahoddiad i Camau' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Gwahoddiad i Camau' })).toBeVisible();
  await expectNoAxeViolations(page);
  // An administrator never reads someone else's link: the copy here has none, and offers a re-send.
  const copy = await page.locator('pre').innerText();
  expect(copy).toContain('Helo Nest Jenkins');
  expect(copy).not.toContain('set-password?token=');
  await expect(page.getByText('The link in this message is shown only to the person it was sent to.')).toBeVisible();
  const [first] = await mailTo(person.email);
  const oldLink = linkIn(first!);
  await page.getByRole('button', { name: 'Re-send' }).click();
  await expect(page).toHaveURL('/admin/outbox?done=resent');
  await expect(page.getByRole('status')).toHaveText('The message has been sent again.');
  await expectNoAxeViolations(page);
  const mails = await mailTo(person.email, 2);
  expect(mails.at(-1)!.subject).toBe('Gwahoddiad i Camau');
  const link = linkIn(mails.at(-1)!);
  expect(link).not.toBe(oldLink);
  expect(new URL(link).pathname).toBe('/cy/set-password');

  // The invited person, in a browser of their own.
  const theirs = await browser.newContext();
  const invited = await theirs.newPage();
  await invited.goto(link!);
  await expect(invited.getByRole('heading', { level: 1, name: 'Gosod eich cyfrinair' })).toBeVisible();
  await expect(invited.getByText(`Dewiswch gyfrinair ar gyfer ${person.email}.`)).toBeVisible();
  await expectNoAxeViolations(invited);
  await invited.getByLabel('Cyfrinair newydd', { exact: true }).fill('tair afon a dwy bont');
  await invited.getByLabel('Teipiwch y cyfrinair newydd eto', { exact: true }).fill('tair afon a dwy bont');
  await invited.getByRole('button', { name: 'Gosod cyfrinair a mewngofnodi' }).click();

  await expect(invited).toHaveURL('/cy/home');
  await expect(invited.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(invited.getByRole('heading', { level: 1, name: `Croeso, ${person.name}` })).toBeVisible();
  await expect(invited.getByRole('heading', { level: 2, name: 'Fy nysgu' })).toBeVisible();
  await expectNoAxeViolations(invited);

  // The link works once, and the one replaced by the re-send not at all.
  await invited.goto(link!);
  await expect(invited.getByRole('alert')).toHaveText('Nid yw’r ddolen hon yn gweithio. Efallai ei bod wedi dod i ben neu wedi cael ei defnyddio’n barod.');
  await invited.goto(oldLink);
  await expect(invited.getByRole('alert')).toHaveText('Nid yw’r ddolen hon yn gweithio. Efallai ei bod wedi dod i ben neu wedi cael ei defnyddio’n barod.');
  await theirs.close();

  // The administrator now sees the account as active.
  await searchPeople(page, person.email);
  await expect(page.getByRole('row').filter({ hasText: person.email })).toContainText('Active');
});

test('the invitation form shows what is wrong beside each field and keeps what was typed', async ({ page }) => {
  await page.goto('/admin/people/invite');
  await page.getByLabel('Full name', { exact: true }).fill('');
  await page.getByLabel('Email address', { exact: true }).fill('not-an-email');
  await page.getByRole('group', { name: 'Preferred language' }).getByRole('radio', { name: 'English' }).check();
  await page.getByRole('group', { name: 'Teams' }).getByRole('checkbox', { name: 'Uplands Children and Families Team' }).check();
  const answer = postTo(page, '/admin/people/invite');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  expect((await answer).status()).toBe(422);

  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary.getByRole('link', { name: '‘Full name’ is required.' })).toHaveAttribute('href', '#field-name');
  await expect(summary.getByRole('link', { name: 'Enter an email address in the right format, like name@example.org.' })).toHaveAttribute('href', '#field-email');

  const name = page.getByLabel('Full name', { exact: true });
  const email = page.getByLabel('Email address', { exact: true });
  await expect(page.locator('#field-name-error')).toContainText('‘Full name’ is required.');
  await expect(page.locator('#field-email-error')).toContainText('Enter an email address in the right format');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAttribute('aria-describedby', 'field-email-error');
  await expect(email).toHaveValue('not-an-email');
  await expect(page.getByRole('group', { name: 'Preferred language' }).getByRole('radio', { name: 'English' })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Teams' }).getByRole('checkbox', { name: 'Uplands Children and Families Team' })).toBeChecked();
  await expectNoAxeViolations(page);
});

test('a CSV import with a bad row imports nobody; a good file imports and invites everyone', async ({ page }) => {
  await page.goto('/admin/people/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import people from a CSV file' })).toBeVisible();
  await expectNoAxeViolations(page);

  const header = 'name,email,team,roles,language';
  const bad = [header, 'Owain Glyn,owain.glyn@camau.example,Assessment and Safeguarding Team,learner,cy', 'Siân Lewis,sian.lewis@camau.example,No Such Team,learner,en'].join('\n');
  await page.getByLabel('CSV file (up to 1 MB)').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  let answer = postTo(page, '/admin/people/import');
  await page.getByRole('button', { name: 'Check and import' }).click();
  expect((await answer).status()).toBe(422);
  const problems = page.getByRole('alert');
  await expect(problems).toContainText('Nothing was imported. Correct these rows and upload the file again:');
  await expect(problems.getByRole('listitem')).toHaveCount(1);
  await expect(problems.getByRole('listitem')).toContainText('Line 3');
  await expect(problems.getByRole('listitem')).toContainText('There is no team called “No Such Team” in your organisation.');
  await expectNoAxeViolations(page);

  await searchPeople(page, 'owain.glyn');
  await expect(page.getByText('No one matches these filters.')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Showing 0 to 0 of 0');

  await page.goto('/admin/people/import');
  const good = [header, 'Owain Glyn,owain.glyn@camau.example,Assessment and Safeguarding Team,learner,cy', 'Siân Lewis,sian.lewis@camau.example,Tîm Plant a Theuluoedd yr Ucheldir,learner;mentor,en'].join('\n');
  await page.getByLabel('CSV file (up to 1 MB)').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('button', { name: 'Check and import' }).click();
  await expect(page).toHaveURL('/admin/people/import?imported=2');
  await expect(page.getByRole('status')).toHaveText('2 people were imported and invited.');
  await expectNoAxeViolations(page);

  await searchPeople(page, 'owain.glyn');
  await expect(page.getByRole('row').filter({ hasText: 'owain.glyn@camau.example' })).toContainText('Invited');
  await searchPeople(page, 'sian.lewis');
  const sian = page.getByRole('row').filter({ hasText: 'sian.lewis@camau.example' });
  await expect(sian).toContainText('Siân Lewis');
  await expect(sian).toContainText('Uplands Children and Families Team');
  await expect(sian).toContainText('Learner, Practice mentor');
  await expectNoAxeViolations(page);

  // Both were sent an invitation, each in their own language.
  await page.goto('/admin/outbox');
  await expect(page.getByRole('row').filter({ hasText: 'owain.glyn@camau.example' }).getByRole('link')).toHaveText('Gwahoddiad i Camau');
  await expect(page.getByRole('row').filter({ hasText: 'sian.lewis@camau.example' }).getByRole('link')).toHaveText('You are invited to Camau');
});

test('the audit log can be filtered by action and by person', async ({ page }) => {
  await page.goto('/admin/people/invite');
  await invite(page, { name: 'Rhys Bowen', email: 'rhys.bowen@camau.example', language: 'English', team: 'Assessment and Safeguarding Team' });
  await expect(page).toHaveURL(/\?done=invitation-emailed$/);

  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL('/admin/audit');
  await expectNoAxeViolations(page);

  await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Person invited' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]action=person\.invited/);
  const rows = page.getByRole('table', { name: 'Audit log' }).getByRole('row');
  const invitation = rows.filter({ hasText: 'Rhys Bowen' });
  await expect(invitation).toHaveCount(1);
  await expect(invitation).toContainText('Person invited');
  await expect(invitation).toContainText('Sioned Williams');
  // Every row shown is an invitation (the header row aside).
  const bodyRows = page.getByRole('table', { name: 'Audit log' }).locator('tbody').getByRole('row');
  await expect(bodyRows.filter({ hasNotText: 'Person invited' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Any action' });
  await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Rhys Bowen' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]person=/);
  await expect(bodyRows).toHaveCount(1);
  await expect(bodyRows.first()).toContainText('Person invited');
  await expect(bodyRows.first()).toContainText('Rhys Bowen');
});

test('an administrator adds a team named in both languages', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Teams' }).click();
  await expect(page).toHaveURL('/admin/teams');
  await expectNoAxeViolations(page);

  const form = page.getByRole('form', { name: 'Add a team' });
  await form.getByLabel('Name in English', { exact: true }).fill('Northern Duty Team');
  await form.getByLabel('Name in Welsh', { exact: true }).fill('Tîm Dyletswydd y Gogledd');
  await form.getByRole('button', { name: 'Add a team' }).click();

  await expect(page).toHaveURL('/admin/teams?done=added');
  await expect(page.getByRole('status')).toHaveText('The team has been added.');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: 'Northern Duty Team' }) });
  await expect(card).toContainText('Tîm Dyletswydd y Gogledd');
  await expectNoAxeViolations(page);

  await page.goto('/cy/admin/teams');
  await expect(page.getByRole('heading', { level: 2, name: 'Tîm Dyletswydd y Gogledd' })).toBeVisible();
});

test('a deactivated person is signed out and can no longer sign in', async ({ page, browser, newAccount }) => {
  // Emyr Griffiths, who works in Welsh, is signed in elsewhere when the administrator deactivates the account.
  const emyr = await newAccount({ name: 'Emyr Griffiths', language: 'cy' });
  const theirs = await browser.newContext();
  const emyrPage = await theirs.newPage();
  await signIn(emyrPage, emyr.email, emyr.password, 'cy');
  await expect(emyrPage).toHaveURL(/\/cy\/home$/);

  await page.goto(`/admin/people/${emyr.id}`);
  await expect(page.getByRole('heading', { level: 1, name: emyr.name })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Deactivate account' }).click();
  await expect(page).toHaveURL(`/admin/people/${emyr.id}?done=deactivated`);
  await expect(page.getByRole('status')).toHaveText('The account has been deactivated and its sessions ended.');
  await expect(page.getByText('Deactivated', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reactivate account' })).toBeVisible();
  await expectNoAxeViolations(page);

  await emyrPage.reload();
  await expect(emyrPage).toHaveURL(/\/(cy\/)?sign-in\?next=%2Fhome$/);
  const answer = postTo(emyrPage, '/sign-in');
  await signIn(emyrPage, emyr.email, emyr.password, 'en');
  expect((await answer).status()).toBe(401);
  await expect(emyrPage.getByRole('alert')).toHaveText('The email address or password is not right. Check them and try again.');
  await theirs.close();
});

test('the administrator’s own account page is accessible', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Your account' }).click();
  await expect(page).toHaveURL('/account');
  await expect(page.getByText(ADMIN, { exact: true })).toBeVisible();
  await expect(page.getByText('Administrator', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('on a phone the people list shows every column of each person, labelled, with no sideways scroll', async ({ page }) => {
  await page.setViewportSize({ width: NARROWEST, height: 720 });
  await page.goto('/admin/people');
  const table = page.getByRole('table', { name: 'People in Example Council' });
  const firstPerson = table.getByRole('row').nth(1);
  // Still a table to assistive technology: a row with a row header and its cells.
  await expect(firstPerson.getByRole('rowheader')).toHaveCount(1);
  await expect(firstPerson.getByRole('cell')).toHaveCount(4);
  // Every cell lies within the phone's width (none is pushed off to the side).
  for (const cell of await firstPerson.getByRole('cell').all()) {
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(NARROWEST);
  }
  const status = firstPerson.getByRole('cell').last();
  expect(await status.evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Status: "');
  const region = page.getByRole('region', { name: 'People in Example Council' });
  expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expectNoAxeViolations(page);
});
