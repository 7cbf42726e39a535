import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './support.ts';

// The demo organisation takes part in the comparison from first start, with two other demo councils.
// This test leaves it taking part, as it found it.

const medianNote = (page: Page) => page.locator('.comparison-notes').first();

test('an administrator stops and starts taking part in the comparison, and sees the medians beside the report in both languages', async ({ page }) => {
  test.slow();
  await signIn(page, 'admin@camau.example', undefined, 'en');
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/evaluation');
  await expect(medianNote(page)).toContainText('Compared with other councils');
  await expect(page.getByText(/Median of 3 councils: /).first()).toBeVisible();

  await page.getByRole('link', { name: 'Comparison with other councils: taking part' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comparison with other councils' })).toBeVisible();
  await expect(page.getByText('Never any names, people, answers, comments or records.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Stop taking part' }).click();
  await expect(page).toHaveURL(/\/evaluation\/comparison\?done=left$/);
  await expect(page.getByRole('status')).toHaveText('Your council no longer takes part in the comparison.');
  await expect(page.getByText('Your council does not take part in the comparison.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the evaluation report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluation' })).toBeVisible();
  await expect(page.locator('.comparison-notes')).toHaveCount(0);

  await page.getByRole('link', { name: 'Comparison with other councils: not taking part' }).click();
  await page.getByRole('button', { name: 'Take part in the comparison' }).click();
  await expect(page).toHaveURL(/\/evaluation\/comparison\?done=joined$/);
  await expect(page.getByRole('status')).toHaveText('Your council now takes part in the comparison.');
  await expectNoAxeViolations(page);

  await page.goto('/evaluation');
  await expect(page.getByText(/Median of 3 councils: /).first()).toBeVisible();
  await expect(page.getByText('Median across councils', { exact: true })).toBeVisible(); // the glossary's rule
  await expectNoAxeViolations(page);

  await page.goto('/cy/evaluation');
  await expect(page.getByText(/Canolrif ar draws 3 cyngor: /).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/cy/evaluation/comparison');
  await expect(page.getByRole('heading', { level: 1, name: 'Cymharu â chynghorau eraill' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rhoi’r gorau i gymryd rhan' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a council that does not take part sees no medians in its report', async ({ page }) => {
  await signIn(page, 'admin@arall.example', undefined, 'en');
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/evaluation');
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluation' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Comparison with other councils: not taking part' })).toBeVisible();
  await expect(page.locator('.comparison-notes')).toHaveCount(0);
});

test('another demo council’s administrator sees the same medians in Welsh, with no other council named', async ({ page }) => {
  await signIn(page, 'admin@harbour.camau.example', undefined, 'cy');
  await expect(page).toHaveURL(/\/cy\/home$/);
  await page.goto('/cy/evaluation');
  await expect(page.getByText(/Canolrif ar draws 3 cyngor: /).first()).toBeVisible();
  for (const name of ['Cyngor Enghreifftiol', 'Example Council', 'Valley Council', 'Cyngor y Cwm']) await expect(page.locator('main')).not.toContainText(name);
  await expectNoAxeViolations(page);
});
