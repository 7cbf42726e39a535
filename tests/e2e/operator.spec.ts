import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, linkIn, mailTo, signIn } from './support.ts';

// The demo operator is only signed in and out here; the council it changes is made by the test.
test('the platform operator creates a council whose administrator sets a password, then renames and deactivates it', async ({ page, browser }) => {
  const tag = randomBytes(4).toString('hex');
  const council = { nameEn: `Ceredigion Council ${tag}`, nameCy: `Cyngor Ceredigion ${tag}` };
  const admin = { name: `Alaw Rees ${tag}`, email: `alaw.rees.${tag}@ceredigion.example` };

  await signIn(page, 'operator@camau.example', undefined, 'en');
  await expect(page).toHaveURL('/operator');
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  const councils = page.getByRole('table', { name: 'Councils on this platform' });
  await expect(councils).toContainText('Example Council');
  // The platform's own row is no council.
  await expect(councils).not.toContainText('Camau platform');
  await expect(page.getByRole('link', { name: 'Comparison' })).toHaveAttribute('href', '/operator/comparison');
  await expectNoAxeViolations(page);
  await page.goto('/cy/operator');
  await expect(page.getByRole('heading', { level: 1, name: 'Sefydliadau' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cymhariaeth' })).toHaveAttribute('href', '/cy/operator/comparison');
  await expectNoAxeViolations(page);

  // Create: a form sent half-filled comes back with its errors and what was typed.
  await page.goto('/operator');
  await page.getByRole('link', { name: 'Create an organisation' }).click();
  await expect(page).toHaveURL('/operator/organisations/new');
  await page.getByLabel('Name in English').fill(council.nameEn);
  await page.getByLabel('Email address').fill('not an address');
  await page.getByRole('button', { name: 'Create the organisation and send the invitation' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.getByLabel('Name in English')).toHaveValue(council.nameEn);
  await expect(page.getByLabel('Email address')).toHaveValue('not an address');
  await expectNoAxeViolations(page);
  await page.getByLabel('Name in Welsh').fill(council.nameCy);
  await page.getByLabel('Full name').fill(admin.name);
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByRole('button', { name: 'Create the organisation and send the invitation' }).click();
  await expect(page).toHaveURL('/operator?done=created-emailed');
  await expect(page.getByRole('status')).toHaveText('The organisation was created and its administrator was e-mailed an invitation.');
  const row = page.getByRole('row').filter({ hasText: council.nameEn });
  await expect(row).toContainText(council.nameCy);
  await expect(row).toContainText('Active');
  await expect(row.getByRole('cell').last()).toHaveText('No');
  await expectNoAxeViolations(page);

  // The administrator's invitation is in Welsh (the council's default language).
  const [mail] = await mailTo(admin.email);
  expect(mail!.subject).toBe('Gwahoddiad i Camau');
  expect(mail!.text).toContain(council.nameCy);
  const link = linkIn(mail!);
  expect(new URL(link).pathname).toBe('/cy/set-password');
  const theirs = await browser.newContext();
  const invited = await theirs.newPage();
  await invited.goto(link);
  await invited.getByLabel('Cyfrinair newydd', { exact: true }).fill('tair afon a dwy bont');
  await invited.getByLabel('Teipiwch y cyfrinair newydd eto', { exact: true }).fill('tair afon a dwy bont');
  await invited.getByRole('button', { name: 'Gosod cyfrinair a mewngofnodi' }).click();
  await expect(invited).toHaveURL('/cy/home');
  await expect(invited.getByRole('heading', { level: 1, name: `Croeso, ${admin.name}` })).toBeVisible();
  await expect(invited.locator('footer')).toContainText(council.nameCy);

  // Rename, in Welsh.
  await row.getByRole('link', { name: council.nameEn }).click();
  await expect(page.getByRole('heading', { level: 1, name: council.nameEn })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(new URL(page.url()).pathname.replace(/^\/operator/, '/cy/operator'));
  await expect(page.getByRole('heading', { level: 1, name: council.nameCy })).toBeVisible();
  await expectNoAxeViolations(page);
  const renamed = { nameEn: `Ceredigion County Council ${tag}`, nameCy: `Cyngor Sir Ceredigion ${tag}` };
  await page.getByLabel('Enw yn Saesneg').fill(renamed.nameEn);
  await page.getByLabel('Enw yn Gymraeg').fill(renamed.nameCy);
  await page.getByRole('button', { name: 'Cadw’r enwau' }).click();
  await expect(page.getByRole('status')).toHaveText('Cafodd yr enwau eu cadw.');
  await expect(page.getByRole('heading', { level: 1, name: renamed.nameCy })).toBeVisible();

  // Deactivate: refused until the warning is confirmed, then its administrator is signed out.
  await expect(page.getByText(`Mae dadactifadu ${renamed.nameCy} yn allgofnodi ei holl bobl ar unwaith`)).toBeVisible();
  await page.getByRole('button', { name: `Dadactifadu ${renamed.nameCy}` }).click();
  await expect(page.getByRole('alert')).toContainText('Ticiwch y blwch i gadarnhau');
  await expectNoAxeViolations(page);
  await page.getByLabel(`Rwy’n deall y bydd pawb yn ${renamed.nameCy}`).check();
  await page.getByRole('button', { name: `Dadactifadu ${renamed.nameCy}` }).click();
  await expect(page.getByRole('status')).toHaveText('Cafodd y sefydliad ei ddadactifadu a chafodd ei bobl eu hallgofnodi.');
  await expect(page.getByRole('button', { name: `Ailactifadu ${renamed.nameCy}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await invited.goto('/cy/home');
  await expect(invited).toHaveURL(/\/cy\/sign-in/);
  await signIn(invited, admin.email, 'tair afon a dwy bont', 'cy');
  await expect(invited.getByRole('alert')).toBeVisible();
  await expect(invited).toHaveURL(/\/cy\/sign-in/);
  await theirs.close();

  // The platform audit log, newest first, in both languages.
  await page.getByRole('link', { name: 'Log archwilio’r platfform' }).click();
  await expect(page).toHaveURL('/cy/operator/audit');
  const first = page.getByRole('row').nth(1);
  await expect(first).toContainText('Sefydliad wedi’i ddadactifadu');
  await expect(first).toContainText(renamed.nameCy);
  await expect(first).toContainText('Gweithredwr Platfform');
  await expectNoAxeViolations(page);
  await page.goto('/operator/audit');
  await expect(page.getByRole('row').nth(1)).toContainText('Organisation deactivated');
  await expectNoAxeViolations(page);

  // The operator's own account page, in both languages.
  await page.getByRole('link', { name: 'Your account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByText('Platform operator')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/cy/operator/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Eich cyfrif' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/operator/organisations/new');
  await expectNoAxeViolations(page);
  await page.goto('/cy/operator/organisations/new');
  await expectNoAxeViolations(page);
});

test('the platform operator reads the comparison between councils: who takes part and the medians, never a named council’s figure', async ({ page }) => {
  await signIn(page, 'operator@camau.example', undefined, 'en');
  await page.getByRole('link', { name: 'Comparison' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comparison with other councils' })).toBeVisible();
  const taking = page.getByRole('region', { name: 'Councils taking part' });
  // The two demo councils always take part (another test may take the main demo council out and back in meanwhile).
  await expect(taking.getByRole('listitem').filter({ hasText: 'Harbour Council (demo)' })).toBeVisible();
  await expect(taking.getByRole('listitem').filter({ hasText: 'Valley Council (demo)' })).toBeVisible();
  // Each shared figure is a row with a median (or the note that there are too few councils), never a council's name.
  const figures = page.getByRole('table', { name: 'Organisation-wide medians across councils' });
  await expect(figures.getByRole('row').nth(1)).toContainText(/Median of \d+ councils: |Not enough councils/i);
  await expect(figures).not.toContainText('(demo)');
  await expectNoAxeViolations(page);

  // A period typed wrongly is said so, and the default period is shown instead.
  await page.getByLabel('From', { exact: true }).fill('2026-02-30');
  await page.getByRole('button', { name: 'Show comparison' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/cy/operator/comparison');
  await expect(page.getByRole('heading', { level: 1, name: 'Cymharu â chynghorau eraill' })).toBeVisible();
  await expect(page.getByText('Cyngor yr Harbwr (demo)')).toBeVisible();
  await expectNoAxeViolations(page);
});
