import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

// Dates relative to today, so the entry is never "in the future" and the reminder always shows.
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test('a practitioner adds learning done elsewhere, says how it contributed, and takes their CPD pack as a page and a CSV', async ({ page, newAccount }) => {
  const person = await newAccount({ name: 'Nia Humphreys', language: 'en' });
  await signIn(page, person.email);
  await expect(page).toHaveURL('/home');

  // Registration details on the account page; the renewal reminder then shows on the home page.
  await page.goto('/account');
  await page.getByLabel('Registration number (optional)', { exact: true }).fill('1234567');
  await page.getByLabel('Renewal date (optional)', { exact: true }).fill(isoDay(60));
  await page.getByRole('button', { name: 'Save registration details' }).click();
  await expect(page).toHaveURL(/\/account\?renewal=saved/);
  await expect(page.getByText('Your registration details were saved.')).toBeVisible();
  await page.goto('/home');
  await expect(page.getByText(/The application is open/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/cpd');
  await page.getByRole('link', { name: 'Add learning done elsewhere' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add learning done elsewhere' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Title', { exact: true }).fill('Trauma-informed practice day');
  await page.getByLabel('Date', { exact: true }).fill(isoDay(-3));
  await page.getByLabel('Provider (optional)', { exact: true }).fill('North Wales Safeguarding Board');
  await page.getByLabel('Hours', { exact: true }).fill('2');
  await page.getByLabel('Minutes', { exact: true }).fill('15');
  await expect(page.getByRole('group', { name: 'Type' }).getByRole('radio', { name: 'External learning' })).toBeChecked();
  await page.getByRole('button', { name: 'Add to my CPD record' }).click();

  await expect(page).toHaveURL('/cpd?done=added');
  await expect(page.getByRole('status')).toHaveText('The learning was added to your CPD record.');
  const row = page.getByRole('row', { name: /Trauma-informed practice day/ });
  await expect(row).toContainText('2 h 15 min');
  await expect(row).toContainText('Not yet');
  await row.getByRole('link', { name: 'Edit “Trauma-informed practice day”' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'How it contributed to your practice' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('How it contributed to my practice (optional)').fill('I now ask about a child’s sleep before anything else.');
  await page.getByRole('group', { name: 'Discussed with' }).getByRole('radio', { name: 'My manager' }).check();
  await page.getByLabel('Date discussed', { exact: true }).fill(isoDay(-1));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Your CPD entry was saved.');
  await expect(page.getByRole('row', { name: /Trauma-informed practice day/ })).not.toContainText('Not yet');

  await page.getByRole('link', { name: 'CPD pack for renewal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'CPD pack' })).toBeVisible();
  await expect(page.getByText('Social Care Wales registration number: 1234567')).toBeVisible();
  const packRow = page.getByRole('row', { name: /Trauma-informed practice day/ });
  await expect(packRow).toContainText('I now ask about a child’s sleep before anything else.');
  await expect(packRow).toContainText('With the manager on');
  await expect(page.getByRole('table', { name: 'Totals by type' })).toContainText('External learning');
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the pack as CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cpd-pack-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Date,Activity,Type,Provider,Hours,How it contributed to my practice,Discussed');
  expect(csv).toContain('Trauma-informed practice day,External learning,North Wales Safeguarding Board,2.25,I now ask about a child’s sleep before anything else.');
  expect(csv).toContain('Total,,,,2.25,,');

  // A period that runs backwards is refused with a translated message, not a 500.
  const refused = await page.goto(`/cy/cpd/pack?from=${isoDay(0)}&to=${isoDay(-30)}`);
  expect(refused?.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('Rhowch ddyddiad sydd yr un fath â dechrau’r cyfnod neu’n hwyrach.');
  await expectNoAxeViolations(page);
});
