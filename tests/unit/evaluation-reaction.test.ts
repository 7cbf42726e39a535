import { describe, expect, it } from 'vitest';
import { reactionsByProgramme, type ReactionRecord } from '../../src/domain/evaluation/index.ts';

const period = { from: '2026-04-01', to: '2026-06-30' };
const inside = Date.parse('2026-05-10T10:00:00Z');
const reaction = (personId: string, programmeId: string, usefulness: number, relevance: number, confidence: number, givenAt = inside): ReactionRecord => ({
  personId,
  programmeId,
  usefulness,
  relevance,
  confidence,
  givenAt,
});

describe('reaction figures per programme in a period (level 1)', () => {
  it('gives each programme’s means and rating counts from the reactions given in the period', () => {
    const records = [
      reaction('a', 'ecp', 5, 4, 3),
      reaction('b', 'ecp', 4, 4, 3),
      reaction('c', 'ecp', 5, 3, 2),
      reaction('d', 'ecp', 3, 5, 4),
      reaction('e', 'ecp', 4, 4, 1),
      // Before the period (23:59 BST on 31 March): left out.
      reaction('f', 'ecp', 1, 1, 1, Date.parse('2026-03-31T22:59:00Z')),
    ];
    expect(reactionsByProgramme(records, period)).toEqual([
      {
        programmeId: 'ecp',
        figure: {
          n: 5,
          suppressed: false,
          value: {
            n: 5,
            usefulness: { mean: 4.2, counts: [0, 0, 1, 2, 2] },
            relevance: { mean: 4, counts: [0, 0, 1, 3, 1] },
            confidence: { mean: 2.6, counts: [1, 1, 2, 1, 0] },
          },
        },
      },
    ]);
  });

  it('suppresses a programme whose reactions came from fewer than five people, even with five reactions', () => {
    const records = [
      reaction('a', 'ecp', 5, 5, 5),
      reaction('a', 'ecp', 4, 4, 4),
      reaction('b', 'ecp', 3, 3, 3),
      reaction('c', 'ecp', 2, 2, 2),
      reaction('d', 'ecp', 1, 1, 1),
      reaction('e', 'mi', 5, 5, 5),
    ];
    expect(reactionsByProgramme(records, period)).toEqual([
      { programmeId: 'ecp', figure: { n: 5, value: null, suppressed: true } },
      { programmeId: 'mi', figure: { n: 1, value: null, suppressed: true } },
    ]);
  });
});
