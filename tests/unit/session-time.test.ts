import { describe, expect, it } from 'vitest';
import { londonClock, sessionInstants } from '../../src/server/mentoring/session-time.ts';
import { postedActionRows } from '../../src/server/mentoring/session-form.ts';

describe('session times in Europe/London', () => {
  it('reads a winter session’s wall time as GMT', () => {
    const { start, end } = sessionInstants({ date: '2026-12-15', startsAt: '14:00', durationMinutes: 90 });
    expect(start.toISOString()).toBe('2026-12-15T14:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-15T15:30:00.000Z');
  });

  it('reads a summer session’s wall time as BST, an hour ahead of UTC', () => {
    expect(sessionInstants({ date: '2026-07-01', startsAt: '09:30', durationMinutes: 60 }).start.toISOString()).toBe('2026-07-01T08:30:00.000Z');
  });

  it('gives the London day and time of an instant, across midnight in summer', () => {
    expect(londonClock(Date.parse('2026-06-30T23:30:00Z'))).toEqual({ date: '2026-07-01', time: '00:30' });
    expect(londonClock(Date.parse('2026-12-05T12:00:00Z'))).toEqual({ date: '2026-12-05', time: '12:00' });
  });
});

describe('the action rows a posted session form had', () => {
  it('counts up to the highest row index, so a blank last row is still drawn again', () => {
    expect(postedActionRows({ 'actions[0].text': 'a', 'actions[3].due': '', date: '2026-12-01' })).toBe(4);
  });

  it('is zero when no rows were posted', () => {
    expect(postedActionRows({ date: '2026-12-01' })).toBe(0);
  });
});
