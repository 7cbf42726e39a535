import { describe, expect, it } from 'vitest';
import { attentionReasons, type AttentionFacts } from '../../src/domain/mentoring/index.ts';

const DAY = 86_400_000;
const now = Date.parse('2026-12-05T09:00:00Z');
const today = '2026-12-05';
const facts = (over: Partial<AttentionFacts> = {}): AttentionFacts => ({
  overdueAssignments: 0,
  lastActivityAt: now - DAY,
  menteeSince: now - 200 * DAY,
  openActionDueDates: [],
  ...over,
});

describe('whether a mentee needs attention', () => {
  it('does not when work is in hand, they were active yesterday and no action is late', () => {
    expect(attentionReasons(facts(), today, now)).toEqual([]);
  });

  it('does when any assignment is overdue', () => {
    expect(attentionReasons(facts({ overdueAssignments: 1 }), today, now)).toEqual(['work-overdue']);
  });

  it('does after 30 days with nothing done: not on day 29, yes on day 30 and 31', () => {
    expect(attentionReasons(facts({ lastActivityAt: now - 29 * DAY }), today, now)).toEqual([]);
    expect(attentionReasons(facts({ lastActivityAt: now - 30 * DAY }), today, now)).toEqual(['inactive-30-days']);
    expect(attentionReasons(facts({ lastActivityAt: now - 31 * DAY }), today, now)).toEqual(['inactive-30-days']);
  });

  it('counts a mentee who never did anything from the day they became a mentee', () => {
    expect(attentionReasons(facts({ lastActivityAt: null, menteeSince: now - 29 * DAY }), today, now)).toEqual([]);
    expect(attentionReasons(facts({ lastActivityAt: null, menteeSince: now - 31 * DAY }), today, now)).toEqual(['inactive-30-days']);
  });

  it('does not blame a new mentee for quiet months before they became one', () => {
    expect(attentionReasons(facts({ lastActivityAt: now - 90 * DAY, menteeSince: now - 3 * DAY }), today, now)).toEqual([]);
  });

  it('does when an open agreed action is more than 7 days past its date: 7 days late is not yet, 8 is', () => {
    expect(attentionReasons(facts({ openActionDueDates: ['2026-11-28'] }), today, now)).toEqual([]);
    expect(attentionReasons(facts({ openActionDueDates: ['2026-12-20', '2026-11-27'] }), today, now)).toEqual(['action-late-7-days']);
  });

  it('gives every reason that applies, in a fixed order', () => {
    const all = facts({ overdueAssignments: 2, lastActivityAt: now - 40 * DAY, openActionDueDates: ['2026-10-01'] });
    expect(attentionReasons(all, today, now)).toEqual(['work-overdue', 'inactive-30-days', 'action-late-7-days']);
  });
});
