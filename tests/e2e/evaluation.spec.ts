import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { expectNoAxeViolations, signIn } from './support.ts';

const ORGANISATION_NOTES = 'Recommendations for The whole organisation';

/** Opens a path and returns the HTTP status of the page that was finally shown. */
async function open(page: Page, path: string): Promise<number> {
  const response = await page.goto(path);
  expect(response, `no response for ${path}`).not.toBeNull();
  return response!.status();
}

test('an administrator enters a quarter’s indicators, sees them on the report’s Results chart and writes recommendations', async ({ page }) => {
  test.slow();
  await signIn(page, 'admin@camau.example');
  await expect(page).toHaveURL('/home');
  await page.getByRole('link', { name: 'Evaluation', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluation' })).toBeVisible();
  await page.getByRole('link', { name: 'Enter service indicators' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Service indicators' })).toBeVisible();
  await expect(page.getByText('These are aggregate numbers for the whole service only.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The latest ended quarter is chosen; a negative number is an error beside its field, with what was typed kept.
  const quarter = await page.getByLabel('Quarter', { exact: true }).locator('option:checked').textContent();
  const registrations = page.getByLabel('Registrations', { exact: true });
  const next = Number(await registrations.inputValue()) + 1;
  await registrations.fill('-4');
  await page.getByRole('button', { name: 'Save indicators' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a number that is 0 or more.');
  await expect(registrations).toHaveValue('-4');
  await expectNoAxeViolations(page);

  await registrations.fill(String(next));
  await page.getByRole('button', { name: 'Save indicators' }).click();
  await expect(page).toHaveURL(/\/evaluation\/indicators\?quarter=\d{4}-Q[1-4]&done=saved$/);
  await expect(page.getByRole('status')).toHaveText(`The indicators for ${quarter} have been saved.`);
  const current = page.getByRole('table', { name: 'Service indicators: the current value for each quarter' });
  await expect(current.getByRole('row', { name: new RegExp(`^${quarter}`) })).toContainText(String(next));
  const history = page.getByRole('table', { name: `Changes to ${quarter}, newest first` });
  await expect(history.getByRole('row').nth(1)).toContainText(`${next - 1} → ${next}`);
  await expect(history.getByRole('row').nth(1)).toContainText('Sioned Williams');
  await expectNoAxeViolations(page);

  // The report's Results level draws the new figure, with its data table, and says what it cannot prove.
  await page.getByRole('link', { name: 'Evaluation report' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '4 Results: service indicators' })).toBeVisible();
  await expect(page.getByText('These figures are associations, not proof of effect.')).toBeVisible();
  const movement = page.getByRole('table', { name: 'Registrations, de-registrations and re-registrations within 12 months, per quarter' });
  await expect(movement.getByRole('row').last()).toContainText(String(next));
  await expect(page.getByRole('img', { name: /Registrations, de-registrations/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Rollout phases that overlap the period' })).toContainText('Pilot: Assessment and Safeguarding Team');
  // Each Results chart shades the rollout phases and lists them under it.
  await expect(page.getByRole('table', { name: 'Rollout phases shaded on this chart' }).first()).toContainText('Pilot: Assessment and Safeguarding Team');

  // Recommendations are kept as versions.
  const text = `Extend paired practice to the Uplands team (${Date.now()}).`;
  await page.getByLabel(ORGANISATION_NOTES).fill(text);
  await page.getByRole('button', { name: 'Save recommendations' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The recommendations have been saved.' })).toBeVisible();
  await expect(page.locator('.report-notes')).toContainText(text);
  await expect(page.locator('.report-notes')).toContainText('Written by Sioned Williams');
  await expectNoAxeViolations(page);

  // The period and scope form is an ordinary GET form.
  await page.getByLabel('From', { exact: true }).fill('2025-01-01');
  await page.getByLabel('Scope', { exact: true }).selectOption({ label: 'Team: Coastal Children and Families Team' });
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page).toHaveURL(/scope=team%3Ademo-team-coast/);
  await expect(page.getByText(/^Showing Team: Coastal Children and Families Team, from 1 January 2025/)).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2025-02-30');
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a real date as YYYY-MM-DD');
  await expectNoAxeViolations(page);

  // Both pages in Welsh.
  expect(await open(page, '/cy/evaluation')).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Gwerthuso' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '4 Canlyniadau: dangosyddion gwasanaeth' })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await open(page, '/cy/evaluation/indicators')).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Dangosyddion gwasanaeth' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a manager reads the report for their teams but cannot enter indicators or write recommendations', async ({ page }) => {
  await signIn(page, 'manager@camau.example');
  await expect(page).toHaveURL(/\/(cy\/)?home$/);
  expect(await open(page, '/evaluation')).toBe(200);
  await expect(page.getByRole('link', { name: 'Evaluation', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '4 Results: service indicators' })).toBeVisible();
  const scopes = await page.getByLabel('Scope', { exact: true }).locator('option').allTextContents();
  expect(scopes).toEqual(['Team: Assessment and Safeguarding Team', 'Team: Coastal Children and Families Team']);
  await expect(page.getByRole('link', { name: 'Enter service indicators' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save recommendations' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(await open(page, '/cy/evaluation')).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Gwerthuso' })).toBeVisible();
  await expectNoAxeViolations(page);

  expect(await open(page, '/evaluation/indicators')).toBe(403);
  const origin = new URL(page.url()).origin;
  const post = await page.request.post('/evaluation/indicators', { headers: { Origin: origin }, form: { quarter: '2025-Q1', registrations: '1' }, maxRedirects: 0 });
  expect(post.status()).toBe(403);
  const notes = await page.request.post('/evaluation', { headers: { Origin: origin }, form: { scope: 'team:demo-team-coast', from: '2025-01-01', to: '2025-12-31', text: 'By a manager' }, maxRedirects: 0 });
  expect(notes.status()).toBe(403);
});

test('a practitioner and a mentor are refused the report and the indicators, in both languages', async ({ browser }) => {
  for (const email of ['learner@camau.example', 'mentor@camau.example']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    await expect(page.getByRole('link', { name: /^(Evaluation|Gwerthuso)$/ })).toHaveCount(0);
    for (const path of ['/evaluation', '/evaluation/indicators', '/cy/evaluation', '/cy/evaluation/indicators']) {
      expect(await open(page, path), `${email} ${path}`).toBe(403);
      await expect(page.locator('body')).not.toContainText('Pilot: Assessment and Safeguarding Team');
    }
    await expectNoAxeViolations(page);
    await context.close();
  }
});

test('the demo administrator reads the four levels from two years of history, a chart’s table, and changes the period, in both languages', async ({ page }) => {
  test.slow();
  await signIn(page, 'admin@camau.example');
  expect(await open(page, '/evaluation')).toBe(200);
  for (const name of ['1 Reaction', '2 Learning', '3 Behaviour', '4 Results: service indicators', 'Computed recommendations', 'Glossary']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  // Each programme's reaction chart carries its numbers in a table beside it: a mean between 1 and 5 per question.
  const reactions = page.getByRole('table', { name: /^Workshop ratings: .+ \(\d+ reactions\)$/ }).first();
  const usefulnessRow = reactions.getByRole('row', { name: /^Usefulness/ });
  const usefulness = Number((await usefulnessRow.getByRole('cell').first().textContent())?.replace(',', '.'));
  expect(usefulness).toBeGreaterThanOrEqual(1);
  expect(usefulness).toBeLessThanOrEqual(5);
  await expect(page.getByRole('img', { name: /^Workshop ratings: / }).first()).toBeVisible();
  // How many gave each rating 1–5, per question, in the chart's table.
  const counts = page.getByRole('table', { name: /^How many gave each rating: .+ \(\d+ reactions\)$/ }).first();
  await expect(counts.getByRole('columnheader')).toHaveText(['Question', 'Rated 1', 'Rated 2', 'Rated 3', 'Rated 4', 'Rated 5']);
  await expect(page.getByRole('table', { name: 'Consistency of threshold decisions by quarter (n counts people)' })).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: 'Usefulness of workshops' })).toBeVisible();
  await expect(page.getByText(/^Levels 1 to 3 were worked out from the records at /)).toBeVisible();
  await expectNoAxeViolations(page);

  // The figures are kept for a few minutes; Refresh figures works them out again now, for the same scope and
  // period, unless they were worked out less than 30 seconds ago (this page view may have just done so).
  const refreshed = 'The figures have been worked out again from the latest records.';
  const recent = 'These figures were worked out less than 30 seconds ago';
  const first = await refreshFigures(page, 'Refresh figures');
  await expect(page.getByRole('status').filter({ hasText: first === 'refreshed' ? refreshed : recent })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Consistency of threshold decisions by quarter (n counts people)' })).toBeVisible();
  if (first === 'refreshed') {
    // Straight after a recomputation, a second Refresh shows the kept figures with a notice.
    expect(await refreshFigures(page, 'Refresh figures')).toBe('recent');
    await expect(page.getByRole('status').filter({ hasText: recent })).toBeVisible();
  }

  // A period with no records: the figures say so rather than showing numbers.
  await page.getByLabel('From', { exact: true }).fill('2020-01-01');
  await page.getByLabel('To', { exact: true }).fill('2020-03-31');
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page).toHaveURL(/from=2020-01-01&to=2020-03-31/);
  await expect(page.getByRole('table', { name: /^Workshop ratings: / })).toHaveCount(0);
  await expect(page.getByText('Not shown: fewer than 5 people').first()).toBeVisible();
  await expectNoAxeViolations(page);

  expect(await open(page, '/cy/evaluation')).toBe(200);
  for (const name of ['1 Ymateb', '2 Dysgu', '3 Ymddygiad']) await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Geirfa' })).toBeVisible();
  const cyDone = await refreshFigures(page, 'Diweddaru’r ffigurau');
  expect(page.url()).toContain('/cy/evaluation?');
  await expect(page.getByRole('status').filter({ hasText: cyDone === 'refreshed' ? 'Mae’r ffigurau wedi cael eu cyfrifo eto' : 'Cafodd y ffigurau hyn eu cyfrifo lai na 30 eiliad yn ôl' })).toBeVisible();
  await expectNoAxeViolations(page);
});

/** Clicks a download link and returns the file's suggested name and bytes. */
async function downloadFrom(page: Page, name: string): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

test('the administrator downloads the report for the chosen period and scope as Word, CSV and JSON, in both languages', async ({ page }) => {
  test.slow();
  await signIn(page, 'admin@camau.example');
  const query = 'from=2025-01-01&to=2025-12-31&scope=organisation';
  expect(await open(page, `/evaluation?${query}`)).toBe(200);
  await expect(page.getByRole('link', { name: 'Download figures (CSV)' })).toHaveAttribute('href', `/evaluation/export.csv?${query}`);
  await expectNoAxeViolations(page);
  // Printed, the report keeps its period and scope at the top and drops the form and the download links.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('link', { name: 'Download figures (CSV)' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show report' })).toBeHidden();
  await expect(page.getByText(/^Showing The whole organisation, from 1 January 2025 to 31 December 2025\.$/)).toBeVisible();
  // The workshop comments, closed on screen, print in full without JavaScript.
  const comments = page.locator('details.report-print-open > :not(summary)').first();
  await expect(comments).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(comments).toBeHidden();

  const docx = await downloadFrom(page, 'Download as Word (.docx)');
  expect(docx.name).toMatch(/^evaluation-\d{4}-\d{2}-\d{2}\.docx$/);
  const xml = strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']!);
  for (const heading of ['1 Reaction', '2 Learning', '3 Behaviour', 'Glossary']) expect(xml).toContain(`>${heading}<`);
  expect(xml).toContain('Consistency of threshold decisions by quarter (n counts people)');

  const csv = await downloadFrom(page, 'Download figures (CSV)');
  expect(csv.name).toMatch(/^evaluation-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = parse(csv.bytes.toString('utf8').replace(/^\uFEFF/, '')) as string[][];
  expect(header!.slice(0, 3)).toEqual(['Level', 'Figure id', 'Figure']);
  const usefulness = rows.find((r) => r[1] === 'reaction-usefulness' && r[9] === 'No')!;
  expect(usefulness[2]).toBe('Usefulness of workshops');
  expect(Number(usefulness[8])).toBeGreaterThanOrEqual(5);

  const json = await downloadFrom(page, 'Download figures (JSON)');
  expect(json.name).toMatch(/^evaluation-\d{4}-\d{2}-\d{2}\.json$/);
  const body = JSON.parse(json.bytes.toString('utf8')) as { scope: string; figures: { figure: string; level: number; n: number | null }[] };
  expect(body.scope).toBe('The whole organisation');
  expect(body.figures.some((f) => f.level === 3 && f.figure === 'decision-alpha')).toBe(true);

  expect(await open(page, `/cy/evaluation?${query}`)).toBe(200);
  const welsh = await downloadFrom(page, 'Lawrlwytho’r ffigurau (CSV)');
  expect(welsh.name).toMatch(/^gwerthuso-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(welsh.bytes.toString('utf8')).toContain('Lefel');
  await expectNoAxeViolations(page);
});

/** Presses **Refresh figures** and answers what the report says it did: worked the figures out again, or kept recent ones. */
async function refreshFigures(page: Page, button: string): Promise<'refreshed' | 'recent'> {
  await page.getByRole('button', { name: button }).click();
  await expect(page).toHaveURL(/[?&]done=(refreshed|recent)(&|$)/);
  return new URL(page.url()).searchParams.get('done') === 'refreshed' ? 'refreshed' : 'recent';
}
