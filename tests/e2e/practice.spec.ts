import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { loadContent } from '../../src/content/load.ts';
import type { Vignette } from '../../src/content/schemas.ts';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, mailTo, signIn } from './support.ts';

const vignettes = loadContent(resolve('content')).vignettes;
const vignette = [...vignettes].sort((a, b) => a.title.en.localeCompare(b.title.en))[0]!;

const LABELS = {
  screening: { yes: 'Yes: there is a concern about significant harm now', no: 'No', 'need-more-information': 'I need more information to say' },
  needs: { meets: 'Meet the child’s needs', partly: 'Partly', 'does-not-meet': 'Do not meet them', 'not-known': 'Not known yet' },
  harm: { none: 'None', low: 'Low', moderate: 'Moderate', serious: 'Serious', severe: 'Severe' },
  kind: { physical: 'Physical abuse', sexual: 'Sexual abuse', emotional: 'Emotional or psychological abuse', financial: 'Financial abuse', neglect: 'Neglect' },
  likelihood: { unlikely: 'Unlikely', possible: 'Possible', likely: 'Likely', 'very-likely': 'Very likely' },
  significant: { yes: 'Yes, the harm is significant', no: 'No' },
  decision: {
    'no-further-action': 'No further action',
    'information-and-advice': 'Information and advice',
    'care-and-support-assessment': 'Assessment of care and support needs',
    'strategy-discussion': 'Strategy discussion and section 47 enquiries',
    'immediate-protection': 'Immediate protection',
  },
} as const;

const UPLANDS = 'Uplands Children and Families Team';
const group = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });

/** Works through a vignette giving the panel's own answers. */
async function doVignette(page: Page, v: Vignette, scan: boolean) {
  await page.goto('/practice');
  if (scan) await expectNoAxeViolations(page);
  await page.getByRole('button', { name: `Start: ${v.title.en}` }).click();
  await answerAttempt(page, v, scan);
}

/** Answers an attempt that is open at its first step, as the panel would. */
async function answerAttempt(page: Page, v: Vignette, scan: boolean) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(v.title.en);
  if (scan) await expectNoAxeViolations(page);

  await group(page, 'Is there a concern about significant harm now?').getByRole('radio', { name: LABELS.screening[v.panel.screening.answer], exact: true }).check();
  await page.getByLabel('Your reason').fill('The referral alone raises a question I cannot answer yet.');
  await page.getByRole('button', { name: 'Record my screening' }).click();

  for (let i = 2; i < v.stages.length; i++) await page.getByRole('button', { name: 'Show what happened next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `What you know: ${v.stages.at(-1)!.title.en}` })).toBeVisible();
  if (scan) await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Go on to Stage 2' }).click();

  const p = v.panel;
  await group(page, 'The child’s developmental needs').getByRole('radio', { name: LABELS.needs[p.needs.developmentalNeeds.answer], exact: true }).check();
  await group(page, 'Parenting capacity').getByRole('radio', { name: LABELS.needs[p.needs.parentingCapacity.answer], exact: true }).check();
  await group(page, 'Family and environmental factors').getByRole('radio', { name: LABELS.needs[p.needs.familyAndEnvironment.answer], exact: true }).check();
  await group(page, 'Overall, are the child’s needs met?').getByRole('radio', { name: LABELS.needs[p.childNeedsMet.answer], exact: true }).check();
  await group(page, 'Level of harm').getByRole('radio', { name: LABELS.harm[p.levelOfHarm.answer], exact: true }).check();
  for (const kind of p.kindsOfHarm.answer) await group(page, 'Kind of harm (choose any that apply)').getByRole('checkbox', { name: LABELS.kind[kind], exact: true }).check();
  await group(page, 'Likelihood of future harm').getByRole('radio', { name: LABELS.likelihood[p.likelihood.answer], exact: true }).check();
  await group(page, 'Is the harm significant?').getByRole('radio', { name: LABELS.significant[p.significant.answer], exact: true }).check();
  await group(page, 'Your decision').getByRole('radio', { name: LABELS.decision[p.decision.answer], exact: true }).check();
  await page.getByLabel('Follow-up actions (one per line)').fill('Talk to the family\nCheck with the school');
  if (scan) await expectNoAxeViolations(page);

  // A decision without its reason is refused, with the answers kept.
  const refused = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Record my decision' }).click();
  expect((await refused).status()).toBe(422);
  await expect(page.getByRole('alert')).toContainText('‘Reason for your decision’ is required.');
  await expect(group(page, 'Your decision').getByRole('radio', { name: LABELS.decision[p.decision.answer], exact: true })).toBeChecked();

  await page.getByLabel('Reason for your decision').fill('The evidence across all stages, weighed for and against, leads me to this decision.');
  await page.getByRole('button', { name: 'Record my decision' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'How your judgement compares' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'How your judgement compares' }).getByRole('row', { name: /^Your decision/ })).toContainText('Same as the panel');
  await expect(page.getByText(v.panel.summary.en.slice(0, 60))).toBeVisible();
}

test('a practitioner works through a vignette: screening, more information, Stage 2, and feedback against the panel', async ({ page, account }) => {
  await signIn(page, account.email);
  await page.goto('/home');
  await doVignette(page, vignette, true);
  await expectNoAxeViolations(page);

  // A replayed post from an earlier step is refused and changes nothing.
  const attemptUrl = new URL(page.url());
  const replay = await page.request.post(attemptUrl.pathname, { form: { revision: '0', event: 'SCREEN', answer: 'no', reason: 'again' }, headers: { Origin: attemptUrl.origin } });
  expect(replay.status()).toBe(409);
  expect(await replay.text()).toContain('This exercise had already moved on');

  await page.goto('/cpd');
  await expect(page.getByRole('rowheader', { name: vignette.title.en })).toBeVisible();
  await page.goto('/practice');
  // Listed as finished, newest first.
  await expect(page.getByRole('row', { name: new RegExp(vignette.title.en) }).first()).toContainText('Finished');
});

test('another practitioner’s attempt cannot be opened', async ({ page, browser, newAccount }) => {
  const [tomos, mali] = [await newAccount({ name: 'Tomos Vaughan' }), await newAccount({ name: 'Mali Rees' })];
  await signIn(page, tomos.email);
  await page.goto('/practice');
  await page.getByRole('button', { name: `Start: ${vignette.title.en}` }).click();
  const theirs = page.url();
  const other = await (await browser.newContext()).newPage();
  await signIn(other, mali.email);
  const response = await other.goto(theirs);
  expect(response!.status()).toBe(404);
  await expect(other.getByText(vignette.stages[0]!.text.en.slice(0, 40))).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the whole exercise is plain forms', async ({ page, account }) => {
    await signIn(page, account.email);
    await page.goto('/home');
    await doVignette(page, vignette, false);
  });
});

test('a team manager reads the consistency of their team’s decisions, with readings in plain language', async ({ page, newAccount }) => {
  const catrin = await newAccount({ name: 'Catrin Lloyd', language: 'cy', roles: ['manager'], teams: [UPLANDS], manages: [UPLANDS] });
  await signIn(page, catrin.email, catrin.password, 'en');
  await page.goto('/practice/consistency');
  await expect(page.getByRole('heading', { level: 1, name: 'Consistency of threshold decisions' })).toBeVisible();
  const summary = page.getByRole('table', { name: 'Summary' });
  await expect(summary.getByRole('rowheader', { name: 'Practitioners', exact: true })).toBeVisible();
  await expect(summary.getByRole('row', { name: /Fleiss’ kappa/ })).toContainText(/(Slight|Fair|Moderate|Substantial|Almost perfect|Poor|Not defined: )/);
  await expect(summary.getByRole('row', { name: /Krippendorff’s alpha, nominal/ })).toContainText(/(Slight|Fair|Moderate|Substantial|Almost perfect|Poor)/);
  await expect(page.getByRole('table', { name: 'Each situation' }).getByRole('cell', { name: /\(\d+% of answers\)$/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Group').selectOption({ label: 'Uplands Children and Families Team' });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Uplands Children and Families Team' })).toBeVisible();
  await page.goto('/cy/practice/consistency');
  await expect(page.getByRole('heading', { level: 1, name: 'Cysondeb penderfyniadau trothwy' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a practitioner cannot open the consistency page; their mentor sees their individual answers', async ({ page, browser, newAccount }) => {
  const iwan = await newAccount({ name: 'Iwan Jones', language: 'cy', roles: ['mentor', 'learner'], teams: [UPLANDS] });
  const nia = await newAccount({ name: 'Nia Humphreys', language: 'cy', teams: ['Coastal Children and Families Team'], mentor: iwan });
  await signIn(page, nia.email);
  await doVignette(page, vignette, false);
  expect((await page.goto('/practice/consistency'))!.status()).toBe(403);

  const mentorPage = await (await browser.newContext()).newPage();
  await signIn(mentorPage, iwan.email, iwan.password, 'en');
  await mentorPage.goto(`/people/${nia.id}`); // Iwan's mentee, with the answers she has just given
  await expect(mentorPage.getByRole('heading', { level: 2, name: 'Threshold practice answers' })).toBeVisible();
  await expect(mentorPage.getByRole('table', { name: 'Threshold practice answers' }).getByRole('row')).not.toHaveCount(1);
  await expect(mentorPage.getByRole('columnheader', { name: `${nia.name}’s decision` })).toBeVisible();
  await expectNoAxeViolations(mentorPage);
});

test('a mentor opens a calibration round, a participant answers, and the mentor closes it and reads the results', async ({ page, browser, newAccount }) => {
  const gwenno = await newAccount({ name: 'Gwenno Parry', roles: ['mentor', 'learner'] });
  const mentees = [];
  for (const name of ['Delyth Morgan', 'Gethin Thomas', 'Elin Hughes', 'Llinos Wyn', 'Owain Rhys']) mentees.push(await newAccount({ name, mentor: gwenno }));
  const delyth = mentees[0]!;
  await signIn(page, gwenno.email, gwenno.password, 'en');
  await page.goto('/practice/rounds');
  await page.getByRole('link', { name: 'Open a calibration round' }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel('Name of the round').fill('Team calibration: November');
  await page.getByRole('group', { name: 'Situations to answer' }).getByRole('checkbox', { name: vignette.title.en, exact: true }).check();
  const participants = page.getByRole('group', { name: 'Participants' });
  // Four are refused: results need at least 5, and the error names the field.
  for (const { name } of mentees.slice(0, 4)) await participants.getByRole('checkbox', { name, exact: true }).check();
  await page.getByRole('button', { name: 'Open the round' }).click();
  await expect(page.getByRole('alert')).toContainText('Participants: choose at least 5');
  await expect(participants.getByRole('checkbox', { name: mentees[0]!.name, exact: true })).toBeChecked();
  await participants.getByRole('checkbox', { name: mentees[4]!.name, exact: true }).check();
  await page.getByRole('button', { name: 'Open the round' }).click();
  await expect(page.getByRole('status')).toContainText('The round is open.');
  await expect(page.getByText('Results are shown when the round closes.')).toBeVisible();
  await expectNoAxeViolations(page);
  const roundUrl = new URL(page.url()).pathname;
  // Each participant is told by e-mail, with a link to the round.
  const [invitation] = await mailTo(delyth.email);
  expect(invitation!.subject).toBe('Calibration round to answer: Team calibration: November');
  expect(invitation!.text).toContain(roundUrl);

  // A participant answers independently, and sees no results while the round is open.
  const delythPage = await (await browser.newContext()).newPage();
  await signIn(delythPage, delyth.email, delyth.password, 'en');
  await delythPage.goto('/home');
  const assigned = delythPage.getByRole('region', { name: 'Assigned to you' });
  await expect(assigned).toContainText('Situations finished: 0 of 1');
  await assigned.getByRole('link', { name: 'Team calibration: November' }).click();
  await delythPage.getByRole('button', { name: `Start: ${vignette.title.en}` }).click();
  await answerAttempt(delythPage, vignette, false);
  await delythPage.goto(roundUrl);
  await expect(delythPage.getByText('Results are shown when the round closes.')).toBeVisible();
  await expect(delythPage.getByRole('button', { name: /^Close the round/ })).toHaveCount(0);

  await page.reload();
  await expect(page.getByText('Finished answers: 1 of 5')).toBeVisible();
  await page.getByRole('button', { name: 'Close the round now and show the results' }).click();
  // Closing cannot be undone, so it is confirmed on a page of its own first.
  await expect(page.getByRole('heading', { level: 1, name: 'Close “Team calibration: November” now?' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, close the round now' }).click();
  await expect(page.getByText('The round is closed and the results are shown to the group.')).toBeVisible();
  await expect(page.getByText(/closed early; it was due to close/)).toBeVisible();
  await expect(page.getByText(/Fewer than 5 people in this group/)).toBeVisible();
  const individual = page.getByRole('table', { name: 'Individual answers (only you can see these)' });
  await expect(individual.getByRole('row', { name: delyth.name })).toContainText('Yes');
  await expectNoAxeViolations(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the results as CSV' }).click();
  const csv = Buffer.concat(await (await (await downloading).createReadStream()).toArray()).toString('utf8');
  expect(csv).toContain(delyth.name);
  expect(csv.split('\n')[0]).toContain('Practitioner');
  expect(csv.split('\n')[0]).toContain('Decision');
  expect(csv).not.toContain('Your decision');

  // Once closed, the participant sees the group result but not individual answers.
  await delythPage.goto(roundUrl);
  await expect(delythPage.getByText(/Fewer than 5 people in this group/)).toBeVisible();
  await expect(delythPage.getByRole('table', { name: 'Individual answers (only you can see these)' })).toHaveCount(0);
  await delythPage.goto('/home');
  await expect(delythPage.getByRole('region', { name: 'Assigned to you' })).toHaveCount(0);
});
