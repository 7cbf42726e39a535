import { describe, expect, it } from 'vitest';
import { undefinedReason } from '../../src/domain/thresholds/agreement-reasons.ts';
import { fleissKappa, krippendorffAlphaFromCounts } from '../../src/domain/common/agreement.ts';

const alpha = (counts: number[][]) => krippendorffAlphaFromCounts(counts, counts[0]!.map((_, i) => i), 'nominal');

describe('the reason an agreement figure is undefined', () => {
  it('is none when two or more people answered a situation and chose different answers', () => {
    const counts = [[3, 1, 0], [0, 2, 2]];
    expect(undefinedReason(counts)).toBeNull();
    expect(alpha(counts)).not.toBeNull();
  });

  it('is "too few pairs" when no situation was answered by at least two people', () => {
    const counts = [[1, 0, 0], [0, 1, 0], [0, 0, 0]];
    expect(undefinedReason(counts)).toBe('too-few-pairs');
    expect(alpha(counts)).toBeNull();
  });

  it('is "no variation" when everyone chose the same answer, so chance agreement is total', () => {
    const counts = [[4, 0, 0], [5, 0, 0], [0, 1, 0]];
    expect(undefinedReason(counts)).toBe('no-variation');
    expect(alpha(counts)).toBeNull();
    expect(fleissKappa([[4, 0], [4, 0]])).toBeNull();
  });

  it('is "no complete sets" for Fleiss’ kappa when fewer than two people answered every situation', () => {
    expect(undefinedReason([[3, 2, 0]], { completeRaters: 0 })).toBe('no-complete-sets');
    expect(undefinedReason([[1, 0, 0]], { completeRaters: 1 })).toBe('no-complete-sets');
    expect(undefinedReason([[1, 1, 0]], { completeRaters: 2 })).toBeNull();
  });

  it('puts missing complete sets before any other reason, as that is what the page must explain first', () => {
    expect(undefinedReason([[5, 0, 0]], { completeRaters: 0 })).toBe('no-complete-sets');
  });
});
