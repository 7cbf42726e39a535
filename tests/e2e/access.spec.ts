import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.ts';

/** Opens a path and returns the HTTP status of the page that was finally shown. */
async function open(page: Page, path: string): Promise<number> {
  const response = await page.goto(path);
  expect(response, `no response for ${path}`).not.toBeNull();
  return response!.status();
}

test.describe('a learner', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'learner@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  });

  test('is refused the administrators’ people list, with none of its data', async ({ page }) => {
    expect(await open(page, '/admin/people')).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText('aled.roberts@camau.example');
    await expect(page.locator('body')).not.toContainText('Aled Roberts');
    await expectNoAxeViolations(page);
  });

  test('cannot see a person in another organisation: it looks like no one is there', async ({ page }) => {
    expect(await open(page, '/people/demo-other-p01')).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('There is no such person in your organisation.')).toBeVisible();
    await expect(page.locator('body')).not.toContainText('Carys Meredith');
    await expectNoAxeViolations(page);
  });

  test('cannot see a colleague in their own organisation who is not theirs to see', async ({ page }) => {
    expect(await open(page, '/people/demo-p05')).toBe(404);
    await expect(page.locator('body')).not.toContainText('Emyr Griffiths');
    await expect(page.locator('body')).not.toContainText('emyr.griffiths@camau.example');
  });

  test('can see their own record', async ({ page }) => {
    expect(await open(page, '/people/demo-learner')).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Elin Hughes' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('an administrator', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'admin@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  });

  for (const path of ['/admin/people/demo-other-p01', '/people/demo-other-p01']) {
    test(`cannot reach a person in another organisation at ${path}`, async ({ page }) => {
      expect(await open(page, path)).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expect(page.locator('body')).not.toContainText('Carys Meredith');
      await expect(page.locator('body')).not.toContainText('carys.meredith@arall.example');
    });
  }
});

test('a team manager can see a member of a team they manage', async ({ page }) => {
  await signIn(page, 'manager@camau.example');
  await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  expect(await open(page, '/people/demo-p01')).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Aled Roberts' })).toBeVisible();
  await expect(page.getByText('aled.roberts@camau.example')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a team manager cannot see someone outside the teams they manage', async ({ page }) => {
  await signIn(page, 'manager@camau.example');
  await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  // Osian Wyn is in the Uplands team, which Rhodri Evans does not manage.
  expect(await open(page, '/people/demo-p14')).toBe(404);
  await expect(page.locator('body')).not.toContainText('Osian Wyn');
});

test('an anonymous visitor is sent to sign in, and comes back to the page they asked for', async ({ page }) => {
  await page.goto('/home');
  await expect(page).toHaveURL('/sign-in?next=%2Fhome');
  await expectNoAxeViolations(page);
  await signIn(page, 'mentor@camau.example');
  await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  await expect(page.getByRole('heading', { level: 2, name: 'My mentees' })).toBeVisible();
});

test('a sign-in form posted from another site is refused', async ({ request }) => {
  const response = await request.post('/sign-in', {
    headers: { Origin: 'http://evil.example' },
    form: { email: 'learner@camau.example', password: 'camau-demo-2026' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()['set-cookie'] ?? '').not.toMatch(/session/i);
});

test.describe('an unknown page, for a signed-in person', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'learner@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  });

  test('is a 404 page in English', async ({ page }) => {
    expect(await open(page, '/no-such-page')).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('is a 404 page in Welsh under /cy/', async ({ page }) => {
    expect(await open(page, '/cy/no-such-page')).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(page.getByRole('heading', { level: 1, name: 'Heb ddod o hyd i’r dudalen' })).toBeVisible();
    await expect(page).toHaveTitle(/Heb ddod o hyd i’r dudalen/);
    await expectNoAxeViolations(page);
  });
});

test.describe('rollout, phases and the Welsh-medium share', () => {
  test('a learner is refused the rollout, phases and Welsh-medium pages and the CSV, and an unknown programme’s confidence form is not found', async ({ page }) => {
    await signIn(page, 'learner@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    for (const path of ['/training/rollout', '/admin/training/phases', '/training/welsh-medium', '/cy/training/rollout']) {
      expect(await open(page, path), path).toBe(403);
      await expect(page.locator('body')).not.toContainText('Pilot: Assessment and Safeguarding Team');
    }
    await expectNoAxeViolations(page);
    const csv = await page.request.get('/training/welsh-medium.csv');
    expect(csv.status()).toBe(403);
    expect(await open(page, '/training/confidence/no-such-programme')).toBe(404);
  });

  test('a manager sees only the phases of their own teams and is refused the phases admin and the Welsh-medium share', async ({ page }) => {
    await signIn(page, 'catrin.lloyd@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    expect(await open(page, '/training/rollout')).toBe(200);
    await expect(page.getByRole('heading', { level: 2, name: /Phase 2/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /Pilot/ })).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText('Coastal Children and Families Team');
    await expect(page.locator('body')).not.toContainText('Tîm Plant a Theuluoedd yr Arfordir');
    expect(await open(page, '/admin/training/phases')).toBe(403);
    expect(await open(page, '/training/welsh-medium')).toBe(403);
    expect((await page.request.get('/training/welsh-medium.csv?from=2026-04-01&to=2027-03-31')).status()).toBe(403);
  });
});
