import type { Browser, Page } from '@playwright/test';
import { expect, test, type Account } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

// Dates relative to today, so the workshop is always upcoming and booking still open.
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A browser of its own for one person, signed in. */
async function signedInPage(browser: Browser, person: Account): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, person.email);
  await expect(page).toHaveURL('/home');
  return page;
}

test('an admin adds a workshop with one place; one practitioner books, the next waits, and gets the place when the first cancels', async ({ page, browser, newAccount }) => {
  test.slow();
  const admin = await newAccount({ name: 'Sioned Gweinyddwr', roles: ['admin'], teams: [] });
  const first = await newAccount({ name: 'Alaw Gyntaf' });
  const second = await newAccount({ name: 'Bryn Ail' });
  const title = `Sgyrsiau cydweithredol ${Date.now()}`;

  // The admin finds Training in the menu and adds a workshop; a mistake is shown beside its field.
  await signIn(page, admin.email);
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Training', exact: true })).toHaveAttribute('href', '/training');
  await page.goto('/training');
  await expect(page.getByRole('heading', { level: 1, name: 'Training' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Add a workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a workshop' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Programme', { exact: true }).selectOption('collaborative-conversations');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Date', { exact: true }).fill(isoDay(14));
  await page.getByLabel('Starts at', { exact: true }).fill('13:00');
  await page.getByLabel('Ends at', { exact: true }).fill('10:00');
  await page.getByLabel('Venue', { exact: true }).fill('Swyddfa’r Cyngor, Caernarfon');
  await page.getByRole('group', { name: 'Language of delivery' }).getByRole('radio', { name: 'Bilingual' }).check();
  await page.getByLabel('Places', { exact: true }).fill('1');
  await page.getByLabel('Booking closes', { exact: true }).fill(isoDay(10));
  await page.getByRole('button', { name: 'Save workshop' }).click();

  await expect(page.getByRole('alert')).toContainText('The end must be after the start.');
  await expect(page.locator('#field-endsAt-error')).toContainText('The end must be after the start.');
  await expectNoAxeViolations(page);
  await page.getByLabel('Ends at', { exact: true }).fill('16:00');
  await page.getByRole('button', { name: 'Save workshop' }).click();

  await expect(page).toHaveURL(/\/training\/workshops\/[^/?]+\?done=saved$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('The workshop is saved.');
  await expectNoAxeViolations(page);
  const workshopPath = new URL(page.url()).pathname;
  await page.goto(`/cy${workshopPath}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectNoAxeViolations(page);

  // The calendar file downloads with the workshop's UID.
  const ics = await page.request.get(`${workshopPath}.ics`);
  expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(await ics.text()).toMatch(/UID:workshop-[^@]+@/);

  // The first practitioner books the one place.
  const firstPage = await signedInPage(browser, first);
  await firstPage.goto('/training');
  await firstPage.getByRole('link', { name: title }).click();
  await firstPage.getByRole('button', { name: 'Book a place' }).click();
  await expect(firstPage.getByText('You have a place', { exact: true })).toBeVisible();
  await expectNoAxeViolations(firstPage);

  // The second finds it full and joins the waiting list.
  const secondPage = await signedInPage(browser, second);
  await secondPage.goto(workshopPath);
  await expect(secondPage.getByText('The workshop is full.', { exact: false })).toBeVisible();
  await secondPage.getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(secondPage.getByText('You are number 1 on the waiting list')).toBeVisible();
  await expectNoAxeViolations(secondPage);
  await secondPage.goto('/training');
  await expect(secondPage.getByRole('listitem').filter({ hasText: title })).toContainText('Number 1 on the waiting list');
  await expectNoAxeViolations(secondPage);
  await secondPage.goto('/cy/training');
  await expect(secondPage.getByRole('heading', { level: 1, name: 'Hyfforddiant' })).toBeVisible();
  await expectNoAxeViolations(secondPage);

  // The first cancels; the place goes to the second at once.
  await firstPage.getByRole('button', { name: 'Cancel my booking' }).click();
  await expect(firstPage.getByRole('status')).toHaveText('Your booking is cancelled.');
  // The freed place went straight to the person waiting, so the workshop is full again.
  await expect(firstPage.getByRole('button', { name: 'Join the waiting list' })).toBeVisible();

  await secondPage.goto(workshopPath);
  await expect(secondPage.getByText('You have a place', { exact: true })).toBeVisible();
  await expect(secondPage.getByRole('button', { name: 'Cancel my booking' })).toBeVisible();
  await secondPage.goto(`/cy${workshopPath}`);
  await expect(secondPage.getByText('Mae gennych le', { exact: true })).toBeVisible();
  await expectNoAxeViolations(secondPage);
});

/** Today's date in London, as the workshop form takes it. */
const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

test('three book a workshop of three places, a fourth waits and gets the place, the facilitator marks the register and CPD shows it', async ({ page, browser, newAccount }) => {
  test.slow();
  const admin = await newAccount({ name: 'Mared Gweinyddwr', roles: ['admin'], teams: [] });
  const facilitator = await newAccount({ name: 'Huw Hwylusydd' });
  const first = await newAccount({ name: 'Anwen Un' });
  const second = await newAccount({ name: 'Berwyn Dau' });
  const third = await newAccount({ name: 'Ceri Tri' });
  const fourth = await newAccount({ name: 'Dafydd Pedwar' });
  const title = `Cofrestr a chyfnewid ${Date.now()}`;

  // The admin adds today's workshop, finding the facilitator by name (no list of everyone).
  await signIn(page, admin.email);
  await page.goto('/training/workshops/new');
  await page.getByLabel('Programme', { exact: true }).selectOption('effective-child-protection');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Date', { exact: true }).fill(londonToday());
  await page.getByLabel('Starts at', { exact: true }).fill('08:00');
  await page.getByLabel('Ends at', { exact: true }).fill('09:00');
  await page.getByLabel('Venue', { exact: true }).fill('Swyddfa’r Cyngor, Caernarfon');
  await page.getByRole('group', { name: 'Language of delivery' }).getByRole('radio', { name: 'Welsh' }).check();
  await page.getByLabel('Places', { exact: true }).fill('3');
  await page.getByLabel('Booking closes', { exact: true }).fill(londonToday());
  await page.getByLabel('Find facilitators', { exact: true }).fill(facilitator.name);
  await page.getByRole('button', { name: 'Find people' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
  await expectNoAxeViolations(page);
  await page.getByRole('group', { name: 'Facilitators' }).getByRole('checkbox', { name: facilitator.name }).check();
  await page.getByRole('button', { name: 'Save workshop' }).click();
  await expect(page).toHaveURL(/\/training\/workshops\/[^/?]+\?done=saved$/);
  const workshopPath = new URL(page.url()).pathname;

  // Three book the three places.
  const pages: Page[] = [];
  for (const person of [first, second, third]) {
    const own = await signedInPage(browser, person);
    await own.goto(workshopPath);
    await own.getByRole('button', { name: 'Book a place' }).click();
    await expect(own.getByText('You have a place', { exact: true })).toBeVisible();
    pages.push(own);
  }

  // The fourth finds it full and is first on the waiting list.
  const fourthPage = await signedInPage(browser, fourth);
  await fourthPage.goto(workshopPath);
  await fourthPage.getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(fourthPage.getByText('You are number 1 on the waiting list')).toBeVisible();

  // One cancels: the fourth has the place at once.
  await pages[0]!.getByRole('button', { name: 'Cancel my booking' }).click();
  await expect(pages[0]!.getByRole('status')).toHaveText('Your booking is cancelled.');
  await fourthPage.goto(workshopPath);
  await expect(fourthPage.getByText('You have a place', { exact: true })).toBeVisible();

  // A practitioner cannot open the register.
  const refused = await fourthPage.goto(`${workshopPath}/register`);
  expect(refused?.status()).toBe(404);

  // The facilitator marks the register.
  const facilitatorPage = await signedInPage(browser, facilitator);
  await facilitatorPage.goto(workshopPath);
  await facilitatorPage.getByRole('link', { name: 'Attendance register' }).click();
  await expect(facilitatorPage.getByRole('heading', { level: 1, name: 'Attendance register' })).toBeVisible();
  await expectNoAxeViolations(facilitatorPage);
  await facilitatorPage.getByRole('group', { name: second.name }).getByRole('radio', { name: 'Attended', exact: true }).check();
  await facilitatorPage.getByRole('group', { name: third.name }).getByRole('radio', { name: 'Attended part', exact: true }).check();
  await facilitatorPage.getByLabel(`Minutes attended by ${third.name}`).fill('90');
  await facilitatorPage.getByRole('group', { name: fourth.name }).getByRole('radio', { name: 'Attended', exact: true }).check();
  await facilitatorPage.getByRole('button', { name: 'Save register' }).click();
  // 90 minutes is longer than the workshop: the mistake is shown beside the row, marks kept.
  await expect(facilitatorPage.locator(`#field-minutes-${third.id}-error`)).toContainText('whole number from 1 to the length of the workshop');
  await expect(facilitatorPage.getByRole('group', { name: fourth.name }).getByRole('radio', { name: 'Attended', exact: true })).toBeChecked();
  await expectNoAxeViolations(facilitatorPage);
  await facilitatorPage.getByLabel(`Minutes attended by ${third.name}`).fill('45');
  await facilitatorPage.getByRole('button', { name: 'Save register' }).click();
  await expect(facilitatorPage.getByRole('status')).toHaveText('The register is saved.');
  await expect(facilitatorPage.getByText('3 of 3 marked')).toBeVisible();
  await expectNoAxeViolations(facilitatorPage);
  await facilitatorPage.goto(`/cy${workshopPath}/register`);
  await expect(facilitatorPage.getByRole('heading', { level: 1, name: 'Cofrestr bresenoldeb' })).toBeVisible();
  await expect(facilitatorPage.getByRole('group', { name: fourth.name }).getByRole('radio', { name: 'Yn bresennol', exact: true })).toBeChecked();
  await expectNoAxeViolations(facilitatorPage);

  // The fourth's CPD record shows the workshop.
  await fourthPage.goto('/cpd');
  await expect(fourthPage.getByRole('table').getByText(title)).toBeVisible();
  await expectNoAxeViolations(fourthPage);
});

test('an attendee gives a reaction from the home page, once; the admin sees figures and comments without names', async ({ page }) => {
  // Demo: Rhian Parry attended part of demo-ws-02 and has not reacted; five others have.
  await signIn(page, 'rhian.parry@camau.example', undefined, 'en');
  await expect(page).toHaveURL(/\/(cy\/)?home$/);
  await page.goto('/home');
  await expect(page.getByRole('heading', { level: 2, name: 'Tell us how a workshop went' })).toBeVisible();
  await page.getByRole('link', { name: 'Your reaction to Collaborative conversations in practice' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your reaction to Collaborative conversations in practice' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('group', { name: 'How useful was the workshop?' }).getByRole('radio', { name: '4 – quite a lot' }).check();
  await page.getByRole('button', { name: 'Send my reaction' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose a number from 1 to 5.');
  await expect(page.getByRole('group', { name: 'How useful was the workshop?' }).getByRole('radio', { name: '4 – quite a lot' })).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByRole('group', { name: 'How relevant was it to your practice?' }).getByRole('radio', { name: '5 – very' }).check();
  await page.getByRole('group', { name: 'How confident are you to use what you learnt?' }).getByRole('radio', { name: '3 – somewhat' }).check();
  await page.getByLabel('Comment (optional)').fill('Hoffwn gael sesiwn ddilynol.');
  await page.getByRole('button', { name: 'Send my reaction' }).click();
  await expect(page.getByRole('status')).toHaveText('Thank you: your reaction is saved.');
  const reactionPath = new URL(page.url()).pathname;
  await page.goto(`/cy${reactionPath}`);
  await expect(page.getByRole('status')).toHaveText('Rydych chi wedi rhoi eich ymateb i’r gweithdy hwn. Diolch.');
  await expectNoAxeViolations(page);

  const admin = await (await page.context().browser()!.newContext()).newPage();
  await signIn(admin, 'admin@camau.example', undefined, 'en');
  await expect(admin).toHaveURL(/\/(cy\/)?home$/);
  await admin.goto('/training/workshops/demo-ws-02');
  await expect(admin.getByText('6 people gave a reaction.')).toBeVisible();
  await expect(admin.getByRole('table', { name: 'Reactions to the workshop (1 to 5)' })).toBeVisible();
  await expect(admin.getByText('Hoffwn gael sesiwn ddilynol.')).toBeVisible();
  await expect(admin.locator('body')).not.toContainText('Rhian Parry');
  await expectNoAxeViolations(admin);
});

test('a manager books a team member onto a workshop and sees their teams’ bookings, in both languages', async ({ page }) => {
  await signIn(page, 'manager@camau.example', undefined, 'en');
  await expect(page).toHaveURL(/\/(cy\/)?home$/);
  await page.goto('/training/workshops/demo-ws-06');
  await expect(page.getByRole('heading', { level: 2, name: 'Book for a team member' })).toBeVisible();
  await page.getByLabel('Team member', { exact: true }).selectOption({ label: 'Cai Pritchard' });
  await page.getByRole('button', { name: 'Book for them' }).click();
  await expect(page.getByRole('status')).toHaveText('The booking is made and the person is told.');
  await expect(page.getByRole('listitem').filter({ hasText: 'Cai Pritchard' })).toContainText('Has a place');
  await expectNoAxeViolations(page);
  await page.goto('/cy/training/workshops/demo-ws-06');
  await expect(page.getByRole('heading', { level: 2, name: 'Archebu ar ran aelod o’r tîm' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the Training page lists the past workshops a person attended, in both languages', async ({ page }) => {
  // The demo learner was marked attended at two of the demo's past workshops (db/seed/demo-training.ts).
  await signIn(page, 'learner@camau.example');
  await page.goto('/training');
  const attended = page.getByRole('list', { name: 'Workshops you attended' });
  await expect(attended.getByRole('listitem').filter({ hasText: 'Amddiffyn plant effeithiol: cyflwyniad' })).toContainText('Attended');
  await expectNoAxeViolations(page);
  await page.goto('/cy/training');
  await expect(page.getByRole('list', { name: 'Gweithdai y buoch ynddynt' }).getByRole('listitem').filter({ hasText: 'Amddiffyn plant effeithiol: cyflwyniad' })).toContainText('Yn bresennol');
  await expectNoAxeViolations(page);
});
