import { eq } from 'drizzle-orm';
import { moduleCompletions, rolloutPhases, teams } from '../../db/schema/index.ts';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

const ECP_MODULES = ['ecp-four-components', 'ecp-areas-of-change', 'ecp-steps-to-change', 'ecp-core-groups', 'ecp-domestic-abuse'];

test('a learner rates their confidence before starting a programme and, without JavaScript, after completing it', async ({ page, browser, newAccount, e2eDatabase }) => {
  test.slow();
  const learner = await newAccount({ name: 'Siân Hyder' });
  await signIn(page, learner.email);
  await expect(page).toHaveURL('/home');

  // Opening the first section starts the programme; the prompt then appears on the programme page.
  await page.goto('/learn/effective-child-protection/ecp-four-components');
  await page.locator('main a[href*="/learn/effective-child-protection/ecp-four-components/"]').first().click();
  await page.goto('/learn/effective-child-protection');
  await expect(page.getByRole('heading', { level: 2, name: 'Confidence before and after' })).toBeVisible();
  await page.getByRole('link', { name: 'Rate your confidence' }).click();
  await expect(page).toHaveURL('/training/confidence/effective-child-protection');
  await expect(page.getByRole('heading', { level: 1, name: 'Your confidence before you start' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Leaving a statement unrated is an error beside it; nothing is saved.
  const groups = page.locator('form.confidence-form').getByRole('group');
  const count = await groups.count();
  expect(count).toBe(5);
  for (let i = 0; i < count - 1; i++) await groups.nth(i).getByRole('radio', { name: String(i + 3), exact: true }).check();
  await page.getByRole('button', { name: 'Save my ratings' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose a rating from 1 to 10.');
  await expectNoAxeViolations(page);
  await groups.nth(count - 1).getByRole('radio', { name: '4', exact: true }).check();
  await page.getByRole('button', { name: 'Save my ratings' }).click();
  await expect(page).toHaveURL('/learn/effective-child-protection?done=confidenceSaved');
  await expect(page.getByRole('status')).toHaveText('Thank you: your confidence ratings are saved.');
  await expect(page.getByRole('link', { name: 'Rate your confidence' })).toHaveCount(0);

  // Completing every module (recorded as the learning pages record it) brings the "after" prompt.
  const now = Date.now();
  await e2eDatabase.db.insert(moduleCompletions).values(ECP_MODULES.map((moduleId) => ({ personId: learner.id, moduleId, moduleVersion: 1, programmeId: 'effective-child-protection', completedAt: now, locale: 'en' as const })));

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await signIn(noScript, learner.email);
  await expect(noScript).toHaveURL('/home');
  await expect(noScript.getByText('You have completed Effective Child Protection: how confident are you now?')).toBeVisible();
  await noScript.getByRole('link', { name: 'Rate your confidence' }).click();
  await expect(noScript.getByRole('heading', { level: 1, name: 'Your confidence now you have finished' })).toBeVisible();
  const after = noScript.locator('form.confidence-form').getByRole('group');
  for (let i = 0; i < 5; i++) await after.nth(i).getByRole('radio', { name: String(i + 5), exact: true }).check();
  await noScript.getByRole('button', { name: 'Save my ratings' }).click();
  await expect(noScript).toHaveURL('/learn/effective-child-protection?done=confidenceSaved');
  await expect(noScript.getByRole('status')).toHaveText('Thank you: your confidence ratings are saved.');
  await context.close();

  // The Welsh twin of the form says there is nothing left to rate.
  await page.goto('/cy/training/confidence/effective-child-protection');
  await expect(page.getByText('Does dim byd i’w sgorio ar gyfer y rhaglen hon ar hyn o bryd.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a learner may skip a prompt once; it then stays away', async ({ page, newAccount }) => {
  const learner = await newAccount({ name: 'Dafydd Hepgor', language: 'cy' });
  await signIn(page, learner.email, undefined, 'cy');
  await expect(page).toHaveURL('/cy/home');
  await page.goto('/cy/learn/risk-model/rm-threshold');
  await page.locator('main a[href*="/learn/risk-model/rm-threshold/"]').first().click();
  await page.goto('/cy/training/confidence/risk-model');
  await expect(page.getByRole('heading', { level: 1, name: 'Eich hyder cyn i chi ddechrau' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Hepgor (fyddwn ni ddim yn gofyn eto)' }).click();
  await expect(page).toHaveURL('/cy/learn/risk-model?done=confidenceSkipped');
  await expect(page.getByRole('status')).toHaveText('Wedi’i hepgor. Fyddwn ni ddim yn gofyn eto.');
  await expect(page.getByRole('link', { name: 'Sgorio eich hyder' })).toHaveCount(0);
});

test('an admin adds a rollout phase and removes it; a team already in a phase is refused beside the field', async ({ page, newAccount, e2eDatabase }) => {
  const admin = await newAccount({ name: 'Nerys Gweinyddwr', roles: ['admin'], teams: [] });
  const teamId = `e2e-team-${Date.now()}`;
  const teamName = `Whole service team ${teamId.slice(-6)}`;
  await e2eDatabase.db.insert(teams).values({ id: teamId, organisationId: 'demo-org', nameEn: teamName, nameCy: `Tîm y gwasanaeth cyfan ${teamId.slice(-6)}`, createdAt: Date.now() });
  try {
    await signIn(page, admin.email);
    await expect(page).toHaveURL('/home');
    await page.goto('/training/rollout');
    await page.getByRole('link', { name: 'Rollout phases' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rollout phases' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Pilot: Assessment and Safeguarding Team' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Name', { exact: true }).fill('Whole service');
    await page.getByLabel('Start date', { exact: true }).fill('2027-09-01');
    await page.getByLabel('End date', { exact: true }).fill('2027-06-30');
    await page.getByLabel('Target (% of required programmes complete by the end date)').fill('80');
    await page.getByRole('group', { name: 'Teams' }).getByRole('checkbox', { name: 'Coastal Children and Families Team' }).check();
    await page.getByRole('button', { name: 'Save phase' }).click();
    await expect(page.locator('#field-endsOn-error')).toContainText('The end date must be on or after the start date.');
    await expect(page.locator('#field-teamIds-error')).toContainText('A team can be in one phase only. Already in another phase: Coastal Children and Families Team.');
    await expectNoAxeViolations(page);

    await page.getByLabel('End date', { exact: true }).fill('2028-03-31');
    await page.getByRole('group', { name: 'Teams' }).getByRole('checkbox', { name: 'Coastal Children and Families Team' }).uncheck();
    await page.getByRole('group', { name: 'Teams' }).getByRole('checkbox', { name: teamName }).check();
    await page.getByRole('button', { name: 'Save phase' }).click();
    await expect(page).toHaveURL('/admin/training/phases?done=saved');
    await expect(page.getByRole('status')).toHaveText('Phase saved.');
    await expect(page.getByRole('heading', { level: 2, name: 'Whole service' })).toBeVisible();
    // Removing it (a plain form, no script needed) frees its team.
    await page.getByRole('button', { name: 'Remove Whole service' }).click();
    await expect(page).toHaveURL('/admin/training/phases?done=removed');
    await expect(page.getByRole('status')).toHaveText('Phase removed. Its teams are in no phase now.');
    await expect(page.getByRole('heading', { level: 2, name: 'Whole service' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.goto('/cy/admin/training/phases');
    await expect(page.getByRole('heading', { level: 1, name: 'Cyfnodau cyflwyno' })).toBeVisible();
    await expectNoAxeViolations(page);
  } finally {
    await e2eDatabase.db.delete(teams).where(eq(teams.id, teamId));
    await e2eDatabase.db.delete(rolloutPhases).where(eq(rolloutPhases.name, 'Whole service'));
  }
});

test('a manager opens the rollout page for their teams, with the chart’s table, and in Welsh', async ({ page, newAccount }) => {
  const manager = await newAccount({ name: 'Owain Rheolwr', roles: ['manager'], teams: [], manages: ['Coastal Children and Families Team'] });
  await signIn(page, manager.email);
  await expect(page).toHaveURL('/home');
  await page.goto('/training');
  await page.getByRole('link', { name: 'Rollout', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rollout' })).toBeVisible();
  // Only the phase holding the team they manage, and only that team.
  await expect(page.getByRole('heading', { level: 2, name: /Phase 2: Coastal and Uplands teams/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Pilot/ })).toHaveCount(0);
  await expect(page.getByText('At risk', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Completion over time: Phase 2: Coastal and Uplands teams' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Teams in Phase 2: Coastal and Uplands teams' })).toContainText('Coastal Children and Families Team');
  await expect(page.getByRole('table', { name: 'Teams in Phase 2: Coastal and Uplands teams' })).not.toContainText('Uplands Children and Families Team');
  await expect(page.getByRole('link', { name: 'Rollout phases' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto('/cy/training/rollout');
  await expect(page.getByRole('heading', { level: 1, name: 'Cyflwyno' })).toBeVisible();
  await expect(page.getByText('Mewn perygl', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an admin reads the Welsh-medium share for the last financial year, downloads it, and a wrong period is an error', async ({ page, newAccount }) => {
  const admin = await newAccount({ name: 'Gwen Gweinyddwr', roles: ['admin'], teams: [] });
  await signIn(page, admin.email);
  await expect(page).toHaveURL('/home');
  await page.goto('/training/rollout');
  await page.getByRole('link', { name: 'Welsh-medium share' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welsh-medium share' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /the last financial year/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Workshops by language of delivery' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'E-learning modules completed' })).toBeVisible();
  await expectNoAxeViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download as CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^welsh-medium-share-\d{4}-04-01-\d{4}-03-31\.csv$/);

  await page.getByLabel('From', { exact: true }).fill('2026-05-01');
  await page.getByLabel('To', { exact: true }).fill('2026-04-01');
  await page.getByRole('button', { name: 'Show figures' }).click();
  await expect(page.locator('#field-to-error')).toContainText('The end of the period must be on or after its start.');
  await expectNoAxeViolations(page);

  await page.goto('/cy/training/welsh-medium');
  await expect(page.getByRole('heading', { level: 1, name: 'Cyfran cyfrwng Cymraeg' })).toBeVisible();
  await expectNoAxeViolations(page);
});
