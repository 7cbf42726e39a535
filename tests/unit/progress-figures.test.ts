import { describe, expect, it } from 'vitest';
import { recodedCounts } from '../../src/domain/simulations/index.ts';
import { agreementByMonth } from '../../src/domain/thresholds/index.ts';

const counts = { questions: 4, simpleReflections: 2, complexReflections: 1, miAdherent: 1, miNonAdherent: 0 };

describe('MITI counts with a mentor’s codes', () => {
  it('are the attempt’s own counts when the mentor coded nothing', () => {
    expect(recodedCounts(counts, [])).toEqual(counts);
  });

  it('move a response from the learner’s code to the mentor’s', () => {
    expect(recodedCounts(counts, [{ selfCode: 'question', mentorCode: 'complex-reflection' }])).toEqual({ ...counts, questions: 3, complexReflections: 2 });
  });

  it('change nothing when the mentor agrees with the learner', () => {
    expect(recodedCounts(counts, [{ selfCode: 'simple-reflection', mentorCode: 'simple-reflection' }])).toEqual(counts);
  });

  it('treat a code outside MITI as counting nothing, and never go below zero', () => {
    expect(recodedCounts({ ...counts, questions: 0 }, [{ selfCode: 'question', mentorCode: 'not-a-code' }])).toEqual({ ...counts, questions: 0 });
    expect(recodedCounts(counts, [{ selfCode: 'not-a-code', mentorCode: 'question' }])).toEqual({ ...counts, questions: 5 });
  });
});

describe('agreement with the panel by month', () => {
  it('is the share of each month’s decisions that matched the panel, oldest month first', () => {
    expect(
      agreementByMonth([
        { date: '2026-11-02', decision: 'a', panel: 'a' },
        { date: '2026-10-31', decision: 'a', panel: 'b' },
        { date: '2026-11-30', decision: 'b', panel: 'a' },
        { date: '2026-10-01', decision: 'b', panel: 'b' },
      ]),
    ).toEqual([
      { month: '2026-10', decisions: 2, agreed: 1, percent: 50 },
      { month: '2026-11', decisions: 2, agreed: 1, percent: 50 },
    ]);
  });

  it('leaves out decisions on vignettes the panel has not answered', () => {
    expect(agreementByMonth([{ date: '2026-10-01', decision: 'a', panel: null }])).toEqual([]);
  });
});
