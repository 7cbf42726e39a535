import { describe, expect, it } from 'vitest';
import { percentile } from '../../src/domain/common/statistics.ts';

describe('percentiles by nearest rank', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
  it.each([
    [50, 50],
    [95, 95],
    [99, 99],
    [100, 100],
    [0, 1],
  ])('the %i th percentile of 1…100 is %i', (p, expected) => {
    expect(percentile(hundred, p)).toBe(expected);
  });

  it('of one number is that number', () => {
    expect(percentile([7], 95)).toBe(7);
  });

  it('of nothing is not a number', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});
