import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createActor } from 'xstate';
import { loadContent } from '../../src/content/load.ts';
import type { ConferenceScenario, ConversationScenario } from '../../src/content/schemas.ts';
import { addDays } from '../../src/domain/common/index.ts';
import { addMonths } from '../../src/domain/simulations/case-conference.ts';
import { addWorkingDays } from '../../src/domain/common/working-days.ts';
import { conversationMachine } from '../../src/machines/simulations/conversation.machine.ts';
import { conversationStructure } from '../../src/server/simulations/simulations.ts';
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

// Whole playthroughs with an accessibility scan at every step take longer than the default.
test.describe.configure({ timeout: 120_000 });
const content = loadContent(resolve('content'));
const conversation = content.conversations.find((s) => s.id === 'cc-school-attendance-father')!;
const conference = content.conferences.find((s) => s.id === 'cg-neglect-home-conditions')!;

/** Presses Tab (at most 150 times) until `target` has focus: the only way these tests move around a page. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 150; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

/** Tracks the conversation on the test's side with the same machine, so each step can be checked and chosen well. */
function follower(scenario: ConversationScenario) {
  const actor = createActor(conversationMachine, { input: { structure: conversationStructure(scenario) } }).start();
  return {
    turn: () => scenario.turns.find((t) => t.id === actor.getSnapshot().context.turn)!,
    done: () => actor.getSnapshot().status === 'done',
    choose: (optionId: string) => actor.send({ type: 'CHOOSE', optionId }),
    own: (text: string, code: 'complex-reflection') => actor.send({ type: 'RESPOND_OWN', text, code }),
  };
}

const PREFERRED = ['complex-reflection', 'emphasising-autonomy', 'affirm', 'seeking-collaboration', 'simple-reflection', 'question', 'giving-information', 'persuade-with-permission'];
const rank = (code: string) => (PREFERRED.includes(code) ? PREFERRED.indexOf(code) : PREFERRED.length);
const bestOption = (turn: ConversationScenario['turns'][number]) => [...turn.options].sort((a, b) => rank(a.code) - rank(b.code))[0]!;
const worstOption = (turn: ConversationScenario['turns'][number]) => turn.options.find((o) => ['confront', 'persuade'].includes(o.code)) ?? turn.options[0]!;

async function startSimulation(page: Page, title: string) {
  await page.goto('/simulations');
  await expect(page.getByRole('heading', { level: 1, name: 'Simulations' })).toBeVisible();
  await expectNoAxeViolations(page);
  const start = page.getByRole('button', { name: `Start “${title}”` });
  await tabTo(page, start);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test.describe('a Collaborative Conversation practice', () => {
  test('played to the end with the keyboard only, resumed after a reload, with a debrief', async ({ page, account }) => {
    await signIn(page, account.email);
    await startSimulation(page, conversation.title.en);
    const model = follower(conversation);
    let steps = 0;
    while (!model.done()) {
      const turn = model.turn();
      await expect(page.locator('.family-says')).toContainText(turn.says.en);
      await expect(page.locator('.family-says')).toHaveAttribute('aria-live', 'polite');
      await expectNoAxeViolations(page);
      const option = bestOption(turn);
      const index = turn.options.findIndex((o) => o.id === option.id);
      // Tab into the group (its first radio), arrow to the chosen one, then Tab on to Respond.
      const radios = page.getByRole('group', { name: 'How do you respond?' }).getByRole('radio');
      await tabTo(page, radios.first());
      for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
      if (index === 0) await page.keyboard.press('Space');
      await expect(radios.nth(index)).toBeChecked();
      await tabTo(page, page.getByRole('button', { name: 'Respond', exact: true }));
      await page.keyboard.press('Enter');
      model.choose(option.id);
      steps++;
      if (!model.done()) {
        // The island moves on at once and puts focus on the new step's heading.
        await expect(page.getByRole('heading', { level: 2, name: `Response ${steps + 1}` })).toBeFocused();
        await expect(page.locator('.family-says')).toContainText(option.reply.en);
      }
      if (steps === 2) {
        // Wait until the server has the step, then come back as if on another device.
        await expect(page.getByRole('button', { name: 'Respond', exact: true })).toBeEnabled({ timeout: 10_000 });
        await page.reload();
        await expect(page.locator('.family-says')).toContainText(model.turn().says.en);
        await expect(page.getByRole('heading', { level: 2, name: 'The conversation so far' })).toBeVisible();
      }
    }
    await expect(page.getByRole('heading', { level: 2, name: 'Debrief' })).toBeVisible();
    await expectNoAxeViolations(page);
    await expect(page.getByRole('heading', { level: 3, name: /^How it ended: / })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'MITI-style summary' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Reflections per question/ })).toBeVisible();
    await expect(page.locator('.transcript > li')).toHaveCount(steps);

    // Replay step by step, by keyboard.
    await tabTo(page, page.getByRole('link', { name: 'Replay the transcript step by step' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 3, name: `Step 1 of ${steps}` })).toBeVisible();
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByRole('link', { name: 'Next step' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 3, name: `Step 2 of ${steps}` })).toBeVisible();

    // The attempt is listed as finished, with its outcome, and counts in the CPD record.
    await page.goto('/simulations');
    await expect(page.getByRole('row', { name: new RegExp(`${conversation.title.en}.*Finished`) })).toBeVisible();
    await page.goto('/cpd');
    await expect(page.getByRole('rowheader', { name: conversation.title.en }).first()).toBeVisible();
  });

  test('works without JavaScript, including a response in the learner’s own words', async ({ browser, account }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, account.email);
    await page.goto('/simulations');
    await page.getByRole('button', { name: `Start “${conversation.title.en}”` }).click();
    const model = follower(conversation);

    // A response with no choice is refused with a clear message, and nothing is recorded.
    await page.getByRole('button', { name: 'Respond', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Choose one of the options given.');

    await page.getByText('Respond in your own words instead').click();
    await page.getByLabel('What you would say').fill('It sounds like the school’s call has left you feeling judged as a dad.');
    await page.getByLabel('What kind of response is it?').selectOption('complex-reflection');
    await page.getByRole('button', { name: 'Say this' }).click();
    model.own('x', 'complex-reflection');
    await expect(page.getByText('You (in your own words):')).toBeVisible();
    // Own words get the turn's neutral continuation, whatever code they were given.
    const ownReply = conversation.turns.find((t) => t.id === conversation.start.turn)!.ownWords.reply.en;
    await expect(page.locator('.family-says')).toContainText(ownReply);

    while (!model.done()) {
      const turn = model.turn();
      await expect(page.locator('.family-says')).toContainText(turn.says.en);
      const option = worstOption(turn);
      await page.getByRole('radio', { name: option.text.en, exact: true }).check();
      await page.getByRole('button', { name: 'Respond', exact: true }).click();
      model.choose(option.id);
    }
    await expect(page.getByRole('heading', { level: 2, name: 'Debrief' })).toBeVisible();
    await expect(page.getByText('Your own words, coded by you as: Complex reflection')).toBeVisible();
    await expect(page.locator('.transcript')).toContainText(ownReply);
    await expect(page.getByRole('row', { name: /MI-non-adherent/ })).toBeVisible();
    await context.close();
  });

  test('refuses a stale post, an unknown option and someone else’s attempt with clear messages', async ({ page, account, newAccount }) => {
    const someoneElse = await newAccount({ name: 'Dylan Morris' });
    await signIn(page, account.email);
    await page.goto('/simulations');
    await page.getByRole('button', { name: `Start “${conversation.title.en}”` }).click();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const api = `/api/simulations/${id}`;
    // Sent as the island sends them: from one of Camau's own pages (other writes are refused with 403).
    const origin = { Origin: new URL(page.url()).origin };
    const first = conversation.turns[0]!.options[0]!.id;
    expect((await page.request.post(api, { data: { revision: 0, event: { type: 'CHOOSE', optionId: 'no-such-option' } }, headers: origin })).status()).toBe(422);
    const ok = await page.request.post(api, { data: { revision: 0, event: { type: 'CHOOSE', optionId: first } }, headers: origin });
    expect(ok.status()).toBe(200);
    const stale = await page.request.post(api, { data: { revision: 0, event: { type: 'CHOOSE', optionId: first } }, headers: origin });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).error).toContain('already moved on');
    expect((await page.request.post(api, { data: 'not json', headers: { ...origin, 'content-type': 'application/json' } })).status()).toBe(422);
    await page.context().clearCookies();
    expect((await page.request.post(api, { data: { revision: 1, event: { type: 'CHOOSE', optionId: first } }, headers: origin })).status()).toBe(401);
    await signIn(page, someoneElse.email);
    expect((await page.request.post(api, { data: { revision: 1, event: { type: 'CHOOSE', optionId: first } }, headers: origin })).status()).toBe(404);
    expect((await page.goto(`/simulations/attempts/${id}`))!.status()).toBe(404);
  });

  test('reads in Welsh, from the list to a step', async ({ page, account }) => {
    await signIn(page, account.email);
    await page.goto('/cy/simulations');
    await expect(page.getByRole('heading', { level: 1, name: 'Efelychiadau' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: `Dechrau “${conversation.title.cy}”` }).click();
    await expect(page.getByRole('heading', { level: 1, name: conversation.title.cy })).toBeVisible();
    await expect(page.locator('.family-says')).toContainText(conversation.turns[0]!.says.cy);
    await expect(page.getByRole('group', { name: 'Sut ydych chi’n ymateb?' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/simulations');
  });
});

/** The dates a learner would choose: the first Core Group on time, the next ones within six weeks. */
function meetingDates(scenario: ConferenceScenario) {
  const first = addWorkingDays(scenario.conferenceDate, 8);
  return scenario.meetings.map((_, i) => addDays(first, i * 28));
}

test.describe('a Case Conference → Core Group simulation', () => {
  test('played to the end with the keyboard only, with feedback and a printable plan', async ({ browser, account }) => {
    // A whole conference and core group by keyboard, then its review: about a minute on an idle 2-core machine.
    test.slow();
    // Chromium's date field takes month, day and year in this order for US English.
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, account.email);
    await startSimulation(page, conference.title.en);
    await expectNoAxeViolations(page);
    const type = async (target: Locator, text: string) => {
      await tabTo(page, target);
      await page.keyboard.type(text);
    };
    const typeDate = async (iso: string, label?: string) => {
      const [y, m, d] = iso.split('-');
      await tabTo(page, label ? page.getByLabel(label) : page.getByLabel('Date of this meeting').or(page.getByLabel('Date of the review conference')));
      await page.keyboard.type(`${m}${d}${y}`);
    };
    const expected = conference.areas.filter((a) => a.expected);
    for (const area of expected) {
      await tabTo(page, page.getByRole('checkbox', { name: `Make “${area.label.en}” an area of change` }));
      await page.keyboard.press('Space');
      const group = page.locator('.area').filter({ has: page.getByRole('checkbox', { name: `Make “${area.label.en}” an area of change` }) });
      await type(group.getByLabel('Not good enough now: what is seen or heard'), area.model!.notGoodEnough.en);
      await type(group.getByLabel('Good enough: what would be seen or heard, and for how long'), area.model!.goodEnough.en);
      await type(group.getByLabel('The family’s own words for the change'), area.model!.familyWords.en);
    }
    // A fourth area is allowed, with a nudge back towards three.
    const fourth = page.getByRole('checkbox', { name: `Make “${conference.areas.find((a) => !a.expected)!.label.en}” an area of change` });
    const nudge = page.getByRole('status').filter({ hasText: 'Most plans work best with three areas of change' });
    await expect(nudge).toHaveCount(0);
    await tabTo(page, fourth);
    await page.keyboard.press('Space');
    await expect(nudge).toBeVisible();
    await page.keyboard.press('Space');
    await expect(nudge).toHaveCount(0);
    // The outline plan goes out within 5 working days of the conference.
    await typeDate(addWorkingDays(conference.conferenceDate, 4), 'Date the outline plan goes to the family and every agency');
    await tabTo(page, page.getByRole('button', { name: 'Agree the plan' }));
    await page.keyboard.press('Enter');

    const dates = meetingDates(conference);
    for (const [i, meeting] of conference.meetings.entries()) {
      await expect(page.getByRole('heading', { level: 2, name: meeting.title.en })).toBeFocused();
      await expectNoAxeViolations(page);
      // The family scales first: their scaling is on the page before the learner records the meeting.
      const familyScales = page.getByRole('region', { name: 'The family scales first' });
      await expect(familyScales).toContainText(meeting.familyScaling[0]!.says.en);
      const meetingForm = 'form:has(input[name="event"][value="RECORD_MEETING"])';
      expect(await familyScales.evaluate((el, selector) => Boolean(el.compareDocumentPosition(document.querySelector(selector)!) & Node.DOCUMENT_POSITION_FOLLOWING), meetingForm)).toBe(true);
      await typeDate(dates[i]!);
      for (const area of expected) {
        const select = page.getByLabel(`Steps to change for “${area.label.en}” (1 to 10)`);
        await tabTo(page, select);
        for (let n = 0; n < meeting.scales[area.id]!; n++) await page.keyboard.press('ArrowDown');
        await expect(select).toHaveValue(String(meeting.scales[area.id]));
      }
      await type(page.getByLabel('What moved the scaling, or held it back?'), 'What the agencies saw since the last meeting.');
      await tabTo(page, page.getByRole('checkbox', { name: meeting.actions.find((a) => a.helpful)!.text.en, exact: true }));
      await page.keyboard.press('Space');
      await tabTo(page, page.getByRole('button', { name: 'Record the meeting' }));
      await page.keyboard.press('Enter');
    }

    await expect(page.getByRole('heading', { level: 2, name: 'Review child protection conference' })).toBeFocused();
    await expectNoAxeViolations(page);
    await typeDate(addDays(dates.at(-1)!, 14));
    const decision = page.getByRole('radio', { name: conference.review.decision === 'continue' ? 'The child protection plan continues' : 'The child protection plan ends' });
    await tabTo(page, page.getByRole('group', { name: 'What do you recommend?' }).getByRole('radio').first());
    if (conference.review.decision === 'end') await page.keyboard.press('ArrowDown');
    else await page.keyboard.press('Space');
    await expect(decision).toBeChecked();
    await type(page.getByLabel('Your reasons'), 'Progress is real but has not lasted long enough yet.');
    const reviewDate = addDays(dates.at(-1)!, 14);
    if (conference.review.decision === 'continue') await typeDate(addMonths(reviewDate, 6), 'Date of the next review conference, if the plan continues');
    await tabTo(page, page.getByRole('button', { name: 'Record the recommendation' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: 'Check your evidence' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 4, name: 'Model answer' }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByRole('checkbox', { name: /describes what someone could see or hear/ }).first());
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Finish and see the feedback' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 2, name: 'Debrief' })).toBeVisible();
    await expect(page.getByText(`${expected.length} of ${expected.length} areas found`)).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Timescales' })).toBeVisible();
    await expect(page.getByText(/Outline plan circulated on .*: 4 working days after the conference \(at most 5\)\. Met/)).toBeVisible();
    if (conference.review.decision === 'continue') await expect(page.getByText(/Next review conference on .*: at most 6 months after the first review, so by .*\. Met/)).toBeVisible();
    await expect(page.getByText('You recommended what the panel did.')).toBeVisible();
    await expectNoAxeViolations(page);

    await tabTo(page, page.getByRole('link', { name: 'Print the practice Child Protection Plan and Core Group minutes' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Child Protection Plan (practice)' })).toBeVisible();
    await expect(page.getByText('TRAINING EXERCISE: FICTIONAL FAMILY. NOT A REAL RECORD.').first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^Core Group minutes \(practice\)/ })).toHaveCount(conference.meetings.length);
    await expectNoAxeViolations(page);
    await context.close();
  });

  test('works without JavaScript, keeps what was typed when a step is refused, and checks the timescales', async ({ browser, account }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, account.email);
    await page.goto('/simulations');
    await page.getByRole('button', { name: `Start “${conference.title.en}”` }).click();
    const [area, noise] = [conference.areas.find((a) => a.expected)!, conference.areas.find((a) => !a.expected)!];
    const group = (label: string) => page.locator('.area').filter({ has: page.getByRole('checkbox', { name: `Make “${label}” an area of change` }) });

    // A chosen area without its evidence is refused with the problem named; what was typed stays.
    await page.getByRole('checkbox', { name: `Make “${area.label.en}” an area of change` }).check();
    await group(area.label.en).getByLabel('Not good enough now: what is seen or heard').fill('Rubbish in the hall and kitchen.');
    await page.getByRole('button', { name: 'Agree the plan' }).click();
    await expect(page.getByRole('alert')).toContainText('Good enough: what would be seen or heard, and for how long’ is required.');
    await expect(group(area.label.en).getByLabel('Not good enough now: what is seen or heard')).toHaveValue('Rubbish in the hall and kitchen.');

    await group(area.label.en).getByLabel('Good enough: what would be seen or heard, and for how long').fill('Clean and safe on every visit for three months.');
    await group(area.label.en).getByLabel('The family’s own words for the change').fill('“A house we are not ashamed of.”');
    await page.getByRole('checkbox', { name: `Make “${noise.label.en}” an area of change` }).check();
    for (const [label, text] of [['Not good enough now: what is seen or heard', 'x'], ['Good enough: what would be seen or heard, and for how long', 'y'], ['The family’s own words for the change', 'z']] as const) {
      await group(noise.label.en).getByLabel(label).fill(text);
    }
    // The outline plan goes out a day late (6 working days).
    await page.getByLabel('Date the outline plan goes to the family and every agency').fill(addWorkingDays(conference.conferenceDate, 6));
    await page.getByRole('button', { name: 'Agree the plan' }).click();

    // The first Core Group held late, then a date before it: refused.
    await expect(page.getByRole('heading', { level: 2, name: conference.meetings[0]!.title.en })).toBeVisible();
    const late = addWorkingDays(conference.conferenceDate, 12);
    const fillMeeting = async (date: string) => {
      await page.getByLabel('Date of this meeting').fill(date);
      for (const a of [area, noise]) await page.getByLabel(`Steps to change for “${a.label.en}” (1 to 10)`).selectOption('4');
      await page.getByLabel('What moved the scaling, or held it back?').fill('Some progress at home.');
      await page.getByRole('button', { name: 'Record the meeting' }).click();
    };
    await fillMeeting(late);
    await fillMeeting(conference.conferenceDate);
    await expect(page.getByRole('alert')).toContainText('Choose a date after the previous meeting.');
    for (let i = 1; i < conference.meetings.length; i++) await fillMeeting(addDays(late, i * 30));

    await page.getByLabel('Date of the review conference').fill(addDays(late, conference.meetings.length * 30));
    await page.getByRole('radio', { name: 'The child protection plan ends' }).check();
    await page.getByLabel('Your reasons').fill('The home is better.');
    await page.getByRole('button', { name: 'Record the recommendation' }).click();
    await page.getByRole('button', { name: 'Finish and see the feedback' }).click();

    await expect(page.getByRole('heading', { level: 2, name: 'Debrief' })).toBeVisible();
    await expect(page.getByText(`1 of ${conference.areas.filter((a) => a.expected).length} areas found`)).toBeVisible();
    await expect(page.getByRole('heading', { level: 4, name: 'Chosen, though the panel saw them as noise' })).toBeVisible();
    await expect(page.getByText(/First Core Group on .*: 12 working days after the conference \(at most 10\)\. Not met/)).toBeVisible();
    await expect(page.getByText(/Outline plan circulated on .*: 6 working days after the conference \(at most 5\)\. Not met/)).toBeVisible();
    await context.close();
  });
});
