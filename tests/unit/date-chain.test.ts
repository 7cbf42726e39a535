import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conferenceScenarioSchema } from '../../src/content/schemas.ts';
import { loadContent } from '../../src/content/load.ts';
import { nextDeadline } from '../../src/domain/simulations/case-conference.ts';
import { checkDateChain, hintedDateChain, type ChainStep } from '../../src/domain/simulations/date-chain.ts';
import { fixtureConference } from '../fixtures/simulations.ts';

// Loaded once, outside any test: reading every content file is slow on a busy machine.
const { conferences } = loadContent(resolve('content'));
const held = (step: string, deadline: string): ChainStep => ({ step, deadline, date: deadline });

describe('a case conference’s chain of on-screen dates', () => {
  it('is impossible with the old dates of cg-domestic-abuse-emotional-harm: Core Group 3 by 18 August, the review by 11 August', () => {
    const old = [held('core-group-1', '2026-05-26'), held('core-group-2', '2026-07-07'), held('core-group-3', '2026-08-18'), held('review-conference', '2026-08-11')];
    expect(checkDateChain('2026-05-11', old)).toEqual([
      { step: 'review-conference', problem: 'deadline-not-after-previous-date', deadline: '2026-08-11', previous: 'core-group-3', previousDate: '2026-08-18' },
      { step: 'review-conference', problem: 'deadline-before-earlier-deadline', deadline: '2026-08-11', previous: 'core-group-3', previousDeadline: '2026-08-18' },
    ]);
  });

  it('can now be followed for that scenario: the last Core Group is due the day before the review’s deadline', () => {
    const chain = hintedDateChain('2026-05-11', 3);
    expect(chain.map((s) => s.deadline)).toEqual(['2026-05-26', '2026-07-07', '2026-08-10', '2026-08-11']);
    expect(checkDateChain('2026-05-11', chain)).toEqual([]);
  });

  it('finds a deadline that falls on or before the date the step before it was held', () => {
    const steps = [{ step: 'core-group-1', deadline: '2026-03-16', date: '2026-03-16' }, held('core-group-2', '2026-03-16')];
    expect(checkDateChain('2026-03-02', steps)).toEqual([{ step: 'core-group-2', problem: 'deadline-not-after-previous-date', deadline: '2026-03-16', previous: 'core-group-1', previousDate: '2026-03-16' }]);
    expect(checkDateChain('2026-03-16', [held('core-group-1', '2026-03-10')])[0]).toMatchObject({ previous: 'initial-conference' });
  });

  it('holds for every scenario in content/', () => {
    expect(conferences.length).toBeGreaterThan(0);
    for (const c of conferences) expect([c.id, checkDateChain(c.conferenceDate, hintedDateChain(c.conferenceDate, c.meetings.length))]).toEqual([c.id, []]);
  });
});

describe('the deadline shown for a Core Group', () => {
  it('keeps the 6-week interval when there is room, and otherwise leaves a day for each later meeting and the review', () => {
    expect(nextDeadline('2026-05-11', ['2026-05-26', '2026-07-07'], false)).toBe('2026-08-18');
    expect(nextDeadline('2026-05-11', ['2026-05-26', '2026-07-07'], false, 0)).toBe('2026-08-10');
    expect(nextDeadline('2026-05-11', ['2026-05-26'], false, 1)).toBe('2026-07-07');
  });
});

describe('the content check', () => {
  it('refuses a scenario whose dates cannot all be followed', () => {
    const base = fixtureConference();
    const meeting = base.meetings[0]!;
    // 92 Core Groups cannot fit in the 3 months before the review.
    const meetings = Array.from({ length: 92 }, (_, i) => ({ ...meeting, id: `cg${i}`, information: [{ ...meeting.information[0]!, id: `cg${i}-info` }] }));
    const result = conferenceScenarioSchema.safeParse({ ...base, meetings });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join('\n')).toMatch(/impossible date chain: core-group-1: its deadline 2026-03-02 is not after initial-conference/);
    expect(conferenceScenarioSchema.safeParse(base).success).toBe(true);
  });
});
