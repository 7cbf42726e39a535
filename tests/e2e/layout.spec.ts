import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, NARROWEST, signIn } from './support.ts';

/** Presses Tab until `target` has the focus, as a keyboard user would reach it. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

test('on a 320 px phone the menu opens from the keyboard, without script, and its links work', async ({ browser, page, newAccount }) => {
  const person = await newAccount({ name: 'Lowri Morgan', language: 'cy', roles: ['learner', 'admin'] });

  // The menu is plain HTML: the whole journey runs in a browser with script turned off.
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: NARROWEST, height: 640 } });
  const phone = await noScript.newPage();
  await signIn(phone, person.email, undefined, 'cy');
  await expect(phone).toHaveURL('/cy/home');
  const menu = phone.getByRole('navigation', { name: 'Prif ddewislen' });
  const button = phone.locator('summary', { hasText: 'Dewislen' });
  await expect(button).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Cofnod DPP' })).toBeHidden();
  // Closed, the header is the site's name, two links and the button (the links took ~300 px before).
  expect((await phone.locator('header').boundingBox())!.height).toBeLessThan(240);

  await tabTo(phone, button);
  await phone.keyboard.press('Enter');
  await expect(menu.getByRole('link', { name: 'Hafan' })).toHaveAttribute('aria-current', 'page');
  await expect(menu.getByRole('list', { name: 'Gweinyddu' }).getByRole('link', { name: 'Pobl' })).toBeVisible();
  await tabTo(phone, menu.getByRole('link', { name: 'Cofnod DPP' }));
  await phone.keyboard.press('Enter');
  await expect(phone).toHaveURL('/cy/cpd');
  await expect(phone.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Cofnod DPP' })).toBeHidden();
  await noScript.close();

  // Closed and open, the menu passes the accessibility scan (which needs script to run).
  await page.setViewportSize({ width: NARROWEST, height: 640 });
  await signIn(page, person.email, undefined, 'cy');
  await expect(page).toHaveURL('/cy/home');
  await expectNoAxeViolations(page);
  await page.locator('summary', { hasText: 'Dewislen' }).click();
  await expect(page.getByRole('navigation', { name: 'Prif ddewislen' }).getByRole('link', { name: 'Cofnod DPP' })).toBeVisible();
  await expectNoAxeViolations(page);

  // On a wide screen the same markup is a bar of links with the administration tabs, and no button.
  await page.goto('/cy/cpd');
  await page.setViewportSize({ width: 1280, height: 800 });
  const wide = page.getByRole('navigation', { name: 'Prif ddewislen' });
  await expect(page.locator('summary', { hasText: 'Dewislen' })).toBeHidden();
  await expect(wide.getByRole('link', { name: 'Cofnod DPP' })).toHaveAttribute('aria-current', 'page');
  await expect(wide.getByRole('list', { name: 'Gweinyddu' }).getByRole('link', { name: 'Blwch e-byst' })).toBeVisible();
  await page.screenshot({ path: '/tmp/layout-helper/wide.png' });
  await expectNoAxeViolations(page);
});
