import { describe, expect, it } from 'vitest';
import { pairedChange, pairedChangeReading, wilcoxonSignedRank } from '../../src/domain/training/index.ts';

const pairs = (before: number[], after: number[]) => before.map((b, i) => ({ before: b, after: after[i]! }));
const close = (actual: number | null | undefined, expected: number) => expect(actual).toBeCloseTo(expected, 6);

// Expected figures computed independently with SciPy 1.17.1 (not with this code):
//   d = a - b; sd = d.std(ddof=1); ci = scipy.stats.ttest_rel(a, b).confidence_interval(0.95)
//   w = scipy.stats.wilcoxon(a, b, zero_method='wilcox', correction=True, method='approx')
// (the same tests as R's t.test(after, before, paired=TRUE) and
//  wilcox.test(after, before, paired=TRUE, exact=FALSE, correct=TRUE)).
describe('paired change, against independently computed figures', () => {
  it('ten confidence ratings with tied and zero differences', () => {
    // before 3 4 5 2 6 4 5 3 7 4; after 6 5 7 4 6 7 8 3 8 6
    // mean before 4.3, after 6.0, difference 1.7; sd 1.1595018087284057; ci 0.8705423736406581 .. 2.529457626359342
    // dz 1.4661469151689759; W = 0.0, p = 0.013213109218729724 (8 non-zero differences, W+ = 36)
    const c = pairedChange(pairs([3, 4, 5, 2, 6, 4, 5, 3, 7, 4], [6, 5, 7, 4, 6, 7, 8, 3, 8, 6]));
    expect(c.n).toBe(10);
    close(c.meanBefore, 4.3);
    close(c.meanAfter, 6);
    close(c.meanDifference, 1.7);
    close(c.sdDifference, 1.1595018087284057);
    close(c.ci95?.[0], 0.8705423736406581);
    close(c.ci95?.[1], 2.529457626359342);
    close(c.effectSizeDz, 1.4661469151689759);
    expect(c.wilcoxon?.w).toBe(0);
    close(c.wilcoxon?.p, 0.013213109218729724);
  });

  it('six ratings that went both ways', () => {
    // before 5 6 7 4 8 5; after 6 5 9 4 6 8
    // mean before 5.833333333333333, after 6.333333333333333, difference 0.5; sd 1.8708286933869707
    // ci -1.4633143069803236 .. 2.4633143069803234; dz 0.2672612419124244; W = 5.0, p = 0.58621368107314
    const c = pairedChange(pairs([5, 6, 7, 4, 8, 5], [6, 5, 9, 4, 6, 8]));
    close(c.meanBefore, 5.833333333333333);
    close(c.meanAfter, 6.333333333333333);
    close(c.meanDifference, 0.5);
    close(c.sdDifference, 1.8708286933869707);
    close(c.ci95?.[0], -1.4633143069803236);
    close(c.ci95?.[1], 2.4633143069803234);
    close(c.effectSizeDz, 0.2672612419124244);
    expect(c.wilcoxon?.w).toBe(5);
    close(c.wilcoxon?.p, 0.58621368107314);
  });

  it('three ratings (t with 2 degrees of freedom)', () => {
    // before 2 3 4; after 5 4 8: difference 2.6666666666666665; sd 1.5275252316519465
    // ci -1.1279163669300925 .. 6.4612497002634255; dz 1.7457431218879391; W = 0.0, p = 0.18144920772142048
    const c = pairedChange(pairs([2, 3, 4], [5, 4, 8]));
    close(c.sdDifference, 1.5275252316519465);
    close(c.ci95?.[0], -1.1279163669300925);
    close(c.ci95?.[1], 6.4612497002634255);
    close(c.effectSizeDz, 1.7457431218879391);
    expect(c.wilcoxon?.w).toBe(0);
    close(c.wilcoxon?.p, 0.18144920772142048);
  });
});

describe('paired change where figures are undefined', () => {
  it('gives only n for no pairs', () => {
    expect(pairedChange([])).toEqual({ n: 0, meanBefore: null, meanAfter: null, meanDifference: null, sdDifference: null, ci95: null, effectSizeDz: null, wilcoxon: null });
  });

  it('gives only the means for one pair', () => {
    expect(pairedChange([{ before: 3, after: 7 }])).toEqual({ n: 1, meanBefore: 3, meanAfter: 7, meanDifference: 4, sdDifference: null, ci95: null, effectSizeDz: null, wilcoxon: null });
  });

  it('gives no interval or effect size when every difference is the same, but still tests the signs', () => {
    const c = pairedChange(pairs([3, 4, 5], [5, 6, 7]));
    expect(c.sdDifference).toBe(0);
    expect(c.ci95).toBeNull();
    expect(c.effectSizeDz).toBeNull();
    expect(c.wilcoxon?.w).toBe(0);
  });

  it('gives no Wilcoxon test when nothing changed', () => {
    const c = pairedChange(pairs([4, 6], [4, 6]));
    expect(c.meanDifference).toBe(0);
    expect(c.sdDifference).toBe(0);
    expect(c.wilcoxon).toBeNull();
  });

  it('never answers NaN', () => {
    for (const input of [[], [{ before: 1, after: 1 }], pairs([1, 1], [1, 1]), pairs([1, 2], [2, 1])]) {
      const c = pairedChange(input);
      const numbers = [c.meanBefore, c.meanAfter, c.meanDifference, c.sdDifference, c.effectSizeDz, ...(c.ci95 ?? []), c.wilcoxon?.w, c.wilcoxon?.p];
      expect(numbers.some((x) => typeof x === 'number' && Number.isNaN(x))).toBe(false);
    }
  });
});

describe('Wilcoxon signed-rank', () => {
  it('caps p at 1 when the continuity correction passes the mean (z floored at 0)', () => {
    // ranks 1.5 and 1.5: W+ = W− = 1.5 = n(n+1)/4, so |W+ − mean| − 0.5 < 0
    expect(wilcoxonSignedRank([1, -1])).toEqual({ w: 1.5, p: 1 });
  });

  it('ignores zero differences and ranks ties by their average', () => {
    // |d| 1,1,2 → ranks 1.5, 1.5, 3; W+ = 1.5 + 3, W− = 1.5
    expect(wilcoxonSignedRank([0, 1, -1, 2])?.w).toBe(1.5);
  });
});

describe('reading a paired change in plain language', () => {
  it('says nothing below five people', () => {
    expect(pairedChangeReading(pairedChange(pairs([1, 2, 3, 4], [5, 6, 7, 9])))).toBeNull();
  });

  it('reads an interval above zero as improved', () => {
    const reading = pairedChangeReading(pairedChange(pairs([3, 4, 5, 2, 6, 4, 5, 3, 7, 4], [6, 5, 7, 4, 6, 7, 8, 3, 8, 6])));
    expect(reading?.key).toBe('tna.reading.improved');
    expect(reading?.params.n).toBe(10);
  });

  it('reads an interval below zero as worse', () => {
    expect(pairedChangeReading(pairedChange(pairs([6, 5, 7, 4, 6, 7], [3, 4, 5, 2, 6, 4])))?.key).toBe('tna.reading.worse');
  });

  it('reads an interval that holds zero as no clear change', () => {
    expect(pairedChangeReading(pairedChange(pairs([5, 6, 7, 4, 8, 5, 6], [6, 5, 9, 4, 6, 8, 6])))?.key).toBe('tna.reading.noChange');
  });

  it('reads identical gains for everyone as improved', () => {
    expect(pairedChangeReading(pairedChange(pairs([1, 2, 3, 4, 5], [2, 3, 4, 5, 6])))?.key).toBe('tna.reading.improved');
  });
});
