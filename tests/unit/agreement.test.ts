import { describe, expect, it } from 'vitest';
import { fleissKappa, krippendorffAlpha, percentAgreement } from '../../src/domain/common/agreement.ts';

describe('percentage agreement with a reference', () => {
  it('counts matches among units both answered', () => {
    expect(percentAgreement(['s47', 'nfa', 'advice', null], ['s47', 'advice', 'advice', 'nfa'])).toBeCloseTo(66.667, 3);
  });
  it('is 100 when everyone agrees with the panel', () => {
    expect(percentAgreement([1, 2, 3], [1, 2, 3])).toBe(100);
  });
  it('is undefined when nothing can be compared', () => {
    expect(percentAgreement([null, null], ['a', 'b'])).toBeNull();
    expect(percentAgreement([], [])).toBeNull();
  });
  it('refuses lists of different lengths', () => {
    expect(() => percentAgreement([1], [1, 2])).toThrow(RangeError);
  });
});

describe('Fleiss’ kappa', () => {
  // Fleiss (1971) worked example as reproduced in many texts: 10 subjects, 14 raters,
  // 5 categories; P̄ = 0.378, P̄e = 0.213, κ = 0.210.
  const fleissExample = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];
  it('matches the published worked example to three decimal places (0.210)', () => {
    expect(fleissKappa(fleissExample)).toBeCloseTo(0.21, 3);
  });

  it('is 1 when everyone agrees on every subject, across categories', () => {
    expect(fleissKappa([[5, 0, 0], [0, 5, 0], [0, 0, 5]])).toBe(1);
  });

  it('is undefined when every rating falls in one category', () => {
    expect(fleissKappa([[4, 0], [4, 0], [4, 0]])).toBeNull();
  });

  it('is negative when raters disagree more than chance would', () => {
    expect(fleissKappa([[1, 1], [1, 1], [1, 1]])).toBeCloseTo(-1, 10);
  });

  it.each([
    ['subjects rated by different numbers of raters', [[3, 1], [2, 1]]],
    ['a single rater', [[1, 0], [0, 1]]],
    ['no subjects', []],
    ['a negative count', [[3, -1], [1, 1]]],
    ['rows of different widths', [[2, 0], [1, 0, 1]]],
  ])('throws a RangeError for %s', (_, counts) => {
    expect(() => fleissKappa(counts)).toThrow(RangeError);
  });
});

describe('Krippendorff’s alpha', () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: four
  // observers, twelve units, missing values. Published: nominal 0.743, ordinal 0.815, interval 0.849.
  const _ = null;
  const exampleC = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
  ] as const)('matches the published %s value (%f) to three decimal places', (level, published) => {
    expect(krippendorffAlpha(exampleC, level)).toBeCloseTo(published, 3);
  });

  // Example A of the same paper: two observers, binary data, no missing values: α = 0.095.
  it('matches the published two-observer binary example (0.095)', () => {
    expect(krippendorffAlpha([[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]], 'nominal')).toBeCloseTo(0.095, 3);
  });

  it('is 1 when everyone agrees and the units differ', () => {
    expect(krippendorffAlpha([[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]], 'ordinal')).toBe(1);
  });

  it('is undefined when every value is the same (no variation to judge against)', () => {
    expect(krippendorffAlpha([[2, 2, 2], [2, 2, 2]], 'nominal')).toBeNull();
  });

  it('is undefined when everything is missing, or no unit has two ratings', () => {
    expect(krippendorffAlpha([[null, null], [null, null]], 'interval')).toBeNull();
    expect(krippendorffAlpha([[1, null], [null, 2]], 'nominal')).toBeNull();
    expect(krippendorffAlpha([], 'nominal')).toBeNull();
  });

  it('treats a near miss as less serious at the ordinal level than at the nominal level', () => {
    const nearMisses = [[1, 2, 3, 4, 1, 2], [2, 2, 3, 3, 1, 2]];
    expect(krippendorffAlpha(nearMisses, 'ordinal')!).toBeGreaterThan(krippendorffAlpha(nearMisses, 'nominal')!);
  });
});
