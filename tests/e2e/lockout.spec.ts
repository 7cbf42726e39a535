import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

function signInAnswer(page: Page) {
  return page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-in');
}

test('after ten wrong passwords even the right one is refused for five minutes', async ({ page, account }) => {
  await page.goto('/sign-in');
  for (let attempt = 1; attempt <= 10; attempt++) {
    const answer = signInAnswer(page);
    await signIn(page, account.email, `wrong-password-${attempt}`);
    expect((await answer).status(), `attempt ${attempt}`).toBe(401);
    await expect(page.getByRole('alert')).toHaveText('The email address or password is not right. Check them and try again.');
  }

  const answer = signInAnswer(page);
  await signIn(page, account.email, account.password);
  const response = await answer;
  expect(response.status()).toBe(429);
  expect(response.headers()['retry-after']).toMatch(/^\d+$/);
  await expect(page).toHaveURL('/sign-in');
  await expect(page.getByRole('alert')).toHaveText('Too many attempts. Try again in 5 minutes.');
  await expectNoAxeViolations(page);

  // Still refused when asked again straight away, and no session was started.
  await page.goto('/home');
  await expect(page).toHaveURL('/sign-in?next=%2Fhome');
});
