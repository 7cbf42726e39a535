import { describe, expect, it } from 'vitest';
import { markingsVisibleToEachOther, rubricModeration, waitingDays } from '../../src/domain/mentoring/index.ts';

describe('second marking', () => {
  it('keeps each marking hidden from the other marker until both have released theirs', () => {
    expect(markingsVisibleToEachOther({ releasedAt: null }, { releasedAt: null })).toBe(false);
    expect(markingsVisibleToEachOther({ releasedAt: 1 }, { releasedAt: null })).toBe(false);
    expect(markingsVisibleToEachOther({ releasedAt: null }, { releasedAt: 1 })).toBe(false);
    expect(markingsVisibleToEachOther({ releasedAt: 1 }, { releasedAt: 2 })).toBe(true);
  });
});

describe('agreement between mentors on a rubric', () => {
  const pairs = [{ first: 10, second: 11 }, { first: 12, second: 12 }, { first: 14, second: 13 }, { first: 8, second: 9 }, { first: 15, second: 15 }];

  it('is not shown below five double-marked submissions, though the count is', () => {
    expect(rubricModeration(pairs.slice(0, 4))).toEqual({ n: 4, alpha: null });
  });

  it('is Krippendorff’s interval alpha over the two totals from five submissions on', () => {
    // By hand: Do = mean squared difference = 3/5; De over the ten pooled totals = 11.755…; alpha = 0.94896.
    const result = rubricModeration(pairs);
    expect(result.n).toBe(5);
    expect(result.alpha).toBeCloseTo(0.94896, 4);
  });

  it('is 1 when the mentors’ totals match exactly', () => {
    expect(rubricModeration(pairs.map((p) => ({ first: p.first, second: p.first }))).alpha).toBeCloseTo(1, 10);
  });

  it('honours a different minimum', () => {
    expect(rubricModeration(pairs.slice(0, 2), 2).alpha).not.toBeNull();
  });
});

describe('days a submission has waited', () => {
  it('counts working days, so a weekend and a bank holiday do not count', () => {
    expect(waitingDays('2026-12-23', '2026-12-23')).toBe(0);
    expect(waitingDays('2026-12-23', '2026-12-29')).toBe(2);
  });
});
