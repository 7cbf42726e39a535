import { expect, test } from './fixtures.ts';
import { DEMO_PASSWORD, expectNoAxeViolations, signIn } from './support.ts';

// Each demo sign-in and the section its home page leads with, in both languages.
const ROLES = [
  { role: 'learner', email: 'learner@camau.example', en: 'My learning', cy: 'Fy nysgu' },
  { role: 'mentor', email: 'mentor@camau.example', en: 'My mentees', cy: 'Fy mentoreion' },
  { role: 'manager', email: 'manager@camau.example', en: 'My teams', cy: 'Fy nhimau' },
  { role: 'admin', email: 'admin@camau.example', en: 'Organisation: Example Council', cy: 'Sefydliad: Cyngor Enghreifftiol' },
] as const;

for (const { role, email, en, cy } of ROLES) {
  test(`the demo ${role} signs in, reads home in English and Welsh, and signs out`, async ({ page }) => {
    await page.goto('/sign-in');
    await expectNoAxeViolations(page);
    await signIn(page, email);
    // Signing in on the English page is a choice of English, whatever was remembered before.
    await expect(page).toHaveURL('/home');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 2, name: en, exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // The header link shows "Cymraeg", and its accessible name starts with what it shows (WCAG 2.5.3).
    const toWelsh = page.getByRole('banner').getByRole('link', { name: 'Cymraeg – darllen y dudalen hon yn Gymraeg' });
    await expect(toWelsh).toHaveText(/^Cymraeg/);
    await toWelsh.click();
    await expect(page).toHaveURL('/cy/home');
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(page.getByRole('heading', { level: 2, name: cy, exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Allgofnodi' })).toBeVisible();
    await expectNoAxeViolations(page);

    const toEnglish = page.getByRole('banner').getByRole('link', { name: 'English – read this page in English' });
    await expect(toEnglish).toHaveText(/^English/);
    await toEnglish.click();
    await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 2, name: en, exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL('/sign-in?signed-out');
    await expect(page.getByRole('status')).toHaveText('You have signed out.');
    await expectNoAxeViolations(page);

    await page.goto('/home');
    await expect(page).toHaveURL('/sign-in?next=%2Fhome');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  });
}

test('a person can sign in with the keyboard alone, after the skip link', async ({ page }) => {
  await page.goto('/sign-in');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();

  const email = page.getByLabel('Email address', { exact: true });
  // Header links come between the skip link and the form; a handful of Tabs reaches the field.
  for (let presses = 0; presses < 10 && !(await email.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(email).toBeFocused();
  await page.keyboard.type('learner@camau.example');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/^http:\/\/[^/]+\/(cy\/)?home$/);
  await expect(page.getByRole('heading', { level: 2, name: /^(My learning|Fy nysgu)$/ })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('signing in still works', async ({ page }) => {
    await signIn(page, 'mentor@camau.example');
    await expect(page).toHaveURL(/^http:\/\/[^/]+\/(cy\/)?home$/);
    await expect(page.getByRole('heading', { level: 2, name: /^(My mentees|Fy mentoreion)$/ })).toBeVisible();
  });
});

test('wrong credentials get one generic message and keep the email address typed', async ({ page }) => {
  await page.goto('/sign-in');
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-in');
  await signIn(page, 'learner@camau.example', 'not-the-password');
  expect((await answer).status()).toBe(401);

  await expect(page.getByRole('alert')).toHaveText('The email address or password is not right. Check them and try again.');
  await expect(page.getByLabel('Email address', { exact: true })).toHaveValue('learner@camau.example');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  await expectNoAxeViolations(page);
});

test('a first visit from a Welsh browser goes to the Welsh site', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'cy-GB', extraHTTPHeaders: { 'Accept-Language': 'cy-GB,cy;q=0.9' } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL('/cy/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('heading', { level: 1, name: 'Camau: camau tuag at newid' })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});

test('a first visit from an English browser stays on the English site', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Camau: steps to change' })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});

test('signing in on a page in one language is a choice of that language, whatever was remembered', async ({ page, newAccount }) => {
  // Osian had chosen Welsh; signing in on the English page lands him in English.
  const osian = await newAccount({ name: 'Osian Wyn', language: 'cy' });
  await signIn(page, osian.email, osian.password, 'en');
  await expect(page).toHaveURL(/^http:\/\/[^/]+\/home$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Now English is remembered; signing in on the Welsh page lands him in Welsh.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, osian.email, osian.password, 'cy');
  await expect(page).toHaveURL(/\/cy\/home$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
});

