import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

test('choosing Cymraeg on the account page saves it and shows the page in Welsh', async ({ page, newAccount }) => {
  const person = await newAccount({ name: 'Cai Pritchard', language: 'en' });
  await signIn(page, person.email);
  await expect(page).toHaveURL('/home');
  await page.getByRole('link', { name: 'Your account' }).click();
  await expect(page).toHaveURL('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expectNoAxeViolations(page);

  const language = page.getByRole('group', { name: 'Language' });
  await expect(language.getByRole('radio', { name: 'English' })).toBeChecked();
  await language.getByRole('radio', { name: 'Cymraeg' }).check();
  await page.getByRole('button', { name: 'Save language' }).click();

  await expect(page).toHaveURL('/cy/account?done=language');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('status')).toHaveText('Mae eich dewis iaith wedi’i gadw.');
  await expect(page.getByRole('group', { name: 'Iaith' }).getByRole('radio', { name: 'Cymraeg' })).toBeChecked();
  await expectNoAxeViolations(page);
});

test('a wrong current password is not accepted for a new password', async ({ page, newAccount }) => {
  const person = await newAccount({ name: 'Ffion Davies', language: 'en' });
  await signIn(page, person.email);
  await expect(page).toHaveURL('/home');
  await page.goto('/account');
  await page.getByLabel('Current password', { exact: true }).fill('not-my-password');
  await page.getByLabel('New password', { exact: true }).fill('pedwar cae a phont');
  await page.getByLabel('Type the new password again', { exact: true }).fill('pedwar cae a phont');
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/account');
  await page.getByRole('button', { name: 'Change password' }).click();
  expect((await answer).status()).toBe(422);

  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Your current password is not right.' })).toBeVisible();
  await expect(page.locator('#field-current-error')).toContainText('Your current password is not right.');
  await expect(page.getByLabel('Current password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  // The password did not change.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, person.email, person.password);
  await expect(page).toHaveURL('/home');
});

test('a person changes their password, then signs in with the new one', async ({ page, newAccount }) => {
  const newPassword = 'tri llyn a dwy nant';
  const person = await newAccount({ name: 'Bethan Owen', language: 'en' });
  await signIn(page, person.email);
  await expect(page).toHaveURL('/home');
  await page.goto('/account');
  await page.getByLabel('Current password', { exact: true }).fill(person.password);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Type the new password again', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();

  await expect(page).toHaveURL('/account?done=password');
  await expect(page.getByRole('status')).toHaveText('Your password has been changed.');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL('/sign-in?signed-out');
  await signIn(page, person.email, newPassword);
  await expect(page).toHaveURL('/home');
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${person.name}` })).toBeVisible();
});
