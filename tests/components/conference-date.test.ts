import { parseHTML } from 'linkedom';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { labelsFor, translator } from '../../src/i18n/index.ts';
import ConferenceSimulation from '../../src/islands/simulations/ConferenceSimulation.tsx';
import { CONFERENCE_LABELS } from '../../src/islands/simulations/labels.ts';
import { caseConferenceMachine } from '../../src/machines/simulations/case-conference.machine.ts';
import { conferenceStructure, withoutStructure } from '../../src/server/simulations/simulations.ts';
import { conferenceText } from '../../src/server/simulations/simulation-view.ts';
import { fixtureConference } from '../fixtures/simulations.ts';

/** The conference island at its first Core Group meeting, as the server draws it in `locale`. */
function meetingForm(locale: 'en' | 'cy') {
  const scenario = fixtureConference();
  const structure = conferenceStructure(scenario);
  const actor = createActor(caseConferenceMachine, { input: { structure } }).start();
  const expected = scenario.areas.filter((a) => a.expected).map((a) => ({ areaId: a.id, notGoodEnough: 'Now.', goodEnough: 'Then.', familyWords: '“Ours.”' }));
  actor.send({ type: 'SET_PLAN', areas: expected, outlinePlanDate: '2026-03-05' });
  expect(String(actor.getSnapshot().value)).toBe('coreGroup');
  const html = renderToString(
    createElement(ConferenceSimulation, {
      action: '/simulations/attempts/x',
      api: '/api/simulations/attempts/x',
      revision: 1,
      snapshot: withoutStructure(actor.getPersistedSnapshot()),
      structure,
      text: conferenceText(scenario, locale, false),
      locale,
      labels: labelsFor(translator(locale), CONFERENCE_LABELS),
    }),
  );
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

describe('the date of a Core Group meeting', () => {
  it.each([
    ['en', 'Choose the date in the calendar, or type the day, month and year.'],
    ['cy', 'Dewiswch y dyddiad yn y calendr, neu teipiwch y diwrnod, y mis a’r flwyddyn.'],
  ] as const)('is a date picker whose hint describes a date picker (%s)', (locale, hint) => {
    const doc = meetingForm(locale);
    const input = doc.querySelector('input#field-date')!;
    expect(input.getAttribute('type')).toBe('date');
    const described = doc.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(described.textContent).toContain(hint);
    // A picker shows the date in the reader's own format, so the hint names no typed format.
    expect(described.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}|year-month-day|blwyddyn-mis-diwrnod/);
  });
});

describe('a Core Group meeting', () => {
  it.each([
    ['en', 'The family scales first', 'Mam puts “Home conditions” at 5 out of 10.'],
    ['cy', 'Y teulu sy’n graddio gyntaf', 'Mae Mam yn graddio “Home conditions (cy)” yn 5 allan o 10.'],
  ] as const)('shows the family’s own scaling before the form the learner records it in (%s)', (locale, heading, scaling) => {
    const doc = meetingForm(locale);
    const section = doc.querySelector('section[aria-labelledby="sim-family-scales"]')!;
    expect(section.querySelector('h3')!.textContent).toBe(heading);
    expect(section.textContent).toContain(scaling);
    expect(section.textContent).toContain(locale === 'en' ? 'The kitchen is better.' : 'The kitchen is better. (cy)');
    const form = doc.querySelector('form')!;
    expect(section.compareDocumentPosition(form) & 4).toBe(4);
  });
});
