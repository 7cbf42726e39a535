import { describe, expect, it } from 'vitest';
import { cohensKappa } from '../../src/domain/common/agreement.ts';

// Worked examples from Wikipedia, "Cohen's kappa" (Examples: simple example; same percentages but different numbers).
describe('Cohen’s kappa', () => {
  it('gives 0.4 for the simple example: 20 both yes, 15 both no, 5 and 10 split', () => {
    expect(cohensKappa([[20, 5], [10, 15]])).toBeCloseTo(0.4, 4);
  });

  it('gives 0.1304 when agreement is 60% with balanced marginals', () => {
    expect(cohensKappa([[45, 15], [25, 15]])).toBeCloseTo(0.1304, 4);
  });

  it('gives 0.2593 for the same 60% agreement with unbalanced marginals', () => {
    expect(cohensKappa([[25, 35], [5, 35]])).toBeCloseTo(0.2593, 4);
  });

  it('gives 1 when the two raters agree on every item across several categories', () => {
    expect(cohensKappa([[4, 0, 0], [0, 3, 0], [0, 0, 5]])).toBe(1);
  });

  it('is negative when the raters agree less often than chance would', () => {
    expect(cohensKappa([[0, 5], [5, 0]])).toBeCloseTo(-1, 10);
  });

  it('is undefined (null) with no items', () => {
    expect(cohensKappa([[0, 0], [0, 0]])).toBeNull();
    expect(cohensKappa([])).toBeNull();
  });

  it('is undefined (null) when every item falls in one cell, so expected agreement is 1', () => {
    expect(cohensKappa([[0, 0], [0, 12]])).toBeNull();
  });

  it('refuses a table that is not square', () => {
    expect(() => cohensKappa([[1, 2, 3], [4, 5, 6]])).toThrow(RangeError);
    expect(() => cohensKappa([[1, 2], [3]])).toThrow(RangeError);
  });

  it('refuses negative counts', () => {
    expect(() => cohensKappa([[1, -1], [0, 2]])).toThrow(RangeError);
  });
});
