import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations, signIn } from './support.ts';

// Seed accounts that no other test signs in with, so their changes disturb nobody.
const LANGUAGE_CHANGER = 'cai.pritchard@camau.example';
const WRONG_CURRENT = 'ffion.davies@camau.example';
const PASSWORD_CHANGER = 'bethan.owen@camau.example';

test('choosing Cymraeg on the account page saves it and shows the page in Welsh', async ({ page }) => {
  await signIn(page, LANGUAGE_CHANGER);
  await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
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

test('a wrong current password is not accepted for a new password', async ({ page }) => {
  await signIn(page, WRONG_CURRENT);
  await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
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
  await signIn(page, WRONG_CURRENT, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
});

test('a person changes their password, then signs in with the new one', async ({ page }) => {
  const newPassword = 'tri llyn a dwy nant';
  await signIn(page, PASSWORD_CHANGER);
  await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  await page.goto('/account');
  await page.getByLabel('Current password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Type the new password again', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();

  await expect(page).toHaveURL('/account?done=password');
  await expect(page.getByRole('status')).toHaveText('Your password has been changed.');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL('/sign-in?signed-out');
  await signIn(page, PASSWORD_CHANGER, newPassword);
  await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Bethan Owen' })).toBeVisible();
});
