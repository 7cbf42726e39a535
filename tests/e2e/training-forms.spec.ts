import type { Browser, Page } from '@playwright/test';
import { expect, test, type Account } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

// The workshop form in Welsh, Enter in its fields, and the register's walk-in search.

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
/** Today's date in London, as the workshop form takes it. */
const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

async function signedInPage(browser: Browser, person: Account): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, person.email);
  await expect(page).toHaveURL(/\/(cy\/)?home$/);
  return page;
}

test('the Add a workshop and edit forms are accessible in Welsh, and Enter in a field saves rather than searching', async ({ page, newAccount }) => {
  test.slow();
  const admin = await newAccount({ name: 'Nerys Gweinyddwr', language: 'cy', roles: ['admin'], teams: [] });
  const title = `Gweithdy Cymraeg ${Date.now()}`;
  await signIn(page, admin.email);
  await page.goto('/cy/training/workshops/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Ychwanegu gweithdy' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A form sent empty shows its mistakes in Welsh, still clean.
  await page.getByRole('button', { name: 'Cadw’r gweithdy' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Rhaglen', { exact: true }).selectOption('collaborative-conversations');
  await page.getByLabel('Teitl', { exact: true }).fill(title);
  await page.getByLabel('Dyddiad', { exact: true }).fill(isoDay(21));
  await page.getByLabel('Yn dechrau am', { exact: true }).fill('10:00');
  await page.getByLabel('Yn gorffen am', { exact: true }).fill('12:00');
  await page.getByLabel('Lleoliad', { exact: true }).fill('Canolfan Dolgellau');
  await page.getByRole('group', { name: 'Iaith y cyflwyno' }).getByRole('radio', { name: 'Cymraeg' }).check();
  await page.getByLabel('Lleoedd', { exact: true }).fill('8');
  await page.getByLabel('Archebu’n cau', { exact: true }).fill(isoDay(14));
  // A facilitator search typed but not run: Enter in the title saves the workshop all the same.
  await page.getByLabel('Chwilio am hwyluswyr', { exact: true }).fill('Gwenno');
  await page.getByLabel('Teitl', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/\/cy\/training\/workshops\/[^/?]+\?done=saved$/);
  await expect(page.getByRole('status')).toHaveText('Mae’r gweithdy wedi’i gadw.');
  const workshopPath = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Newid y gweithdy' }).click();
  await expect(page).toHaveURL(`${workshopPath}/edit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Newid y gweithdy' })).toBeVisible();
  await expect(page.getByLabel('Teitl', { exact: true })).toHaveValue(title);
  await expectNoAxeViolations(page);
  await page.getByLabel('Lleoedd', { exact: true }).fill('12');
  await page.getByLabel('Chwilio am hwyluswyr', { exact: true }).fill('Gwenno');
  await page.getByLabel('Lleoedd', { exact: true }).press('Enter');
  await expect(page).toHaveURL(`${workshopPath}?done=saved`);
  await expect(page.getByText('12 o 12')).toBeVisible();
});

test('the register’s walk-in search keeps every mark and walk-in ticked, and they are saved together', async ({ page, browser, newAccount }) => {
  test.slow();
  const admin = await newAccount({ name: 'Dilys Gweinyddwr', roles: ['admin'], teams: [] });
  const first = await newAccount({ name: 'Eirlys Cyntaf' });
  const second = await newAccount({ name: 'Ffredi Ail' });
  const walkIn = await newAccount({ name: 'Gwilym Galw-heibio' });
  const another = await newAccount({ name: 'Heulwen Heb-archebu' });
  const title = `Cofrestr chwilio ${Date.now()}`;

  await signIn(page, admin.email);
  await page.goto('/training/workshops/new');
  await page.getByLabel('Programme', { exact: true }).selectOption('effective-child-protection');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Date', { exact: true }).fill(londonToday());
  await page.getByLabel('Starts at', { exact: true }).fill('08:00');
  await page.getByLabel('Ends at', { exact: true }).fill('09:00');
  await page.getByLabel('Venue', { exact: true }).fill('Swyddfa’r Cyngor, Caernarfon');
  await page.getByRole('group', { name: 'Language of delivery' }).getByRole('radio', { name: 'English' }).check();
  await page.getByLabel('Places', { exact: true }).fill('5');
  await page.getByLabel('Booking closes', { exact: true }).fill(londonToday());
  await page.getByRole('button', { name: 'Save workshop' }).click();
  await expect(page).toHaveURL(/\/training\/workshops\/[^/?]+\?done=saved$/);
  const workshopPath = new URL(page.url()).pathname;

  for (const person of [first, second]) {
    const own = await signedInPage(browser, person);
    await own.goto(workshopPath);
    await own.getByRole('button', { name: 'Book a place' }).click();
    await expect(own.getByText('You have a place', { exact: true })).toBeVisible();
  }

  await page.goto(`${workshopPath}/register`);
  await page.getByRole('group', { name: first.name }).getByRole('radio', { name: 'Attended', exact: true }).check();
  await page.getByRole('group', { name: second.name }).getByRole('radio', { name: 'Did not attend', exact: true }).check();
  await page.getByLabel('Find a person', { exact: true }).fill(walkIn.name);
  await page.getByRole('button', { name: 'Search', exact: true }).click();

  // The search came back with both marks still chosen and nothing saved yet.
  await expect(page.getByRole('group', { name: first.name }).getByRole('radio', { name: 'Attended', exact: true })).toBeChecked();
  await expect(page.getByRole('group', { name: second.name }).getByRole('radio', { name: 'Did not attend', exact: true })).toBeChecked();
  await expect(page.getByText('0 of 2 marked')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('group', { name: 'People who came without booking' }).getByRole('checkbox', { name: walkIn.name }).check();
  // A second search keeps the first walk-in ticked, and the marks.
  await page.getByLabel('Find a person', { exact: true }).fill(another.name);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('group', { name: 'People who came without booking' }).getByRole('checkbox', { name: walkIn.name })).toBeChecked();
  await expect(page.getByRole('group', { name: first.name }).getByRole('radio', { name: 'Attended', exact: true })).toBeChecked();
  await page.getByRole('group', { name: 'People who came without booking' }).getByRole('checkbox', { name: another.name }).check();
  await page.getByRole('button', { name: 'Save register' }).click();
  await expect(page.getByRole('status')).toHaveText('The register is saved.');
  await expect(page.getByText('4 of 4 marked')).toBeVisible();
  await expect(page.getByRole('group', { name: `${walkIn.name} (Walk-in)` }).getByRole('radio', { name: 'Attended', exact: true })).toBeChecked();
  await expect(page.getByRole('group', { name: second.name }).getByRole('radio', { name: 'Did not attend', exact: true })).toBeChecked();
  await expectNoAxeViolations(page);
});
