import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { SMALL_GROUP_MINIMUM } from '../common/index.ts';

export type PairedChange = {
  n: number;
  meanBefore: number | null;
  meanAfter: number | null;
  meanDifference: number | null;
  sdDifference: number | null;
  ci95: [number, number] | null;
  effectSizeDz: number | null;
  wilcoxon: { w: number; p: number } | null;
};

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Before/after figures of paired ratings (differences after − before): means, sample sd, t-based 95% CI, dz and Wilcoxon; null, never NaN, where undefined. */
export function pairedChange(pairs: readonly { before: number; after: number }[]): PairedChange {
  const n = pairs.length;
  const none: PairedChange = { n, meanBefore: null, meanAfter: null, meanDifference: null, sdDifference: null, ci95: null, effectSizeDz: null, wilcoxon: null };
  if (n === 0) return none;
  const differences = pairs.map((p) => p.after - p.before);
  const means = { meanBefore: mean(pairs.map((p) => p.before)), meanAfter: mean(pairs.map((p) => p.after)), meanDifference: mean(differences) };
  if (n === 1) return { ...none, ...means };
  const d = means.meanDifference;
  const sd = Math.sqrt(differences.reduce((s, x) => s + (x - d) ** 2, 0) / (n - 1));
  let ci95: [number, number] | null = null;
  let effectSizeDz: number | null = null;
  if (sd > 0) {
    const half = (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
    ci95 = [d - half, d + half];
    effectSizeDz = d / sd;
  }
  return { n, ...means, sdDifference: sd, ci95, effectSizeDz, wilcoxon: wilcoxonSignedRank(differences) };
}

/** Wilcoxon signed-rank on the non-zero differences: average ranks for ties, w = min(W+, W−), two-sided normal p with tie and 0.5 continuity corrections. */
export function wilcoxonSignedRank(differences: readonly number[]): { w: number; p: number } | null {
  const nonZero = differences.filter((x) => x !== 0);
  const m = nonZero.length;
  if (m === 0) return null;
  const sorted = nonZero.map((x) => ({ x, abs: Math.abs(x) })).sort((a, b) => a.abs - b.abs);
  let plus = 0;
  let minus = 0;
  let tieTerm = 0;
  for (let i = 0; i < m; ) {
    let j = i;
    while (j + 1 < m && sorted[j + 1]!.abs === sorted[i]!.abs) j++;
    const t = j - i + 1;
    const rank = (i + 1 + j + 1) / 2;
    for (let k = i; k <= j; k++) sorted[k]!.x > 0 ? (plus += rank) : (minus += rank);
    tieTerm += t ** 3 - t;
    i = j + 1;
  }
  // Always positive for m ≥ 1: the tie term is at most (m³ − m)/48, well below m(m+1)(2m+1)/24.
  const variance = (m * (m + 1) * (2 * m + 1)) / 24 - tieTerm / 48;
  const w = Math.min(plus, minus);
  const z = Math.max(0, (Math.abs(plus - (m * (m + 1)) / 4) - 0.5) / Math.sqrt(variance));
  return { w, p: Math.min(1, 2 * (1 - normalCdf(z, 0, 1))) };
}

export type PairedChangeReading = {
  key: 'tna.reading.improved' | 'tna.reading.worse' | 'tna.reading.noChange';
  params: { n: number; meanBefore: number; meanAfter: number; meanDifference: number };
};

/** A plain-language reading of a paired change: improved or worse when the 95% CI excludes 0 (or all changed alike), else no clear change; null when n < 5. */
export function pairedChangeReading(c: PairedChange, minimum = SMALL_GROUP_MINIMUM): PairedChangeReading | null {
  if (c.n < minimum || c.meanBefore === null || c.meanAfter === null || c.meanDifference === null) return null;
  const params = { n: c.n, meanBefore: c.meanBefore, meanAfter: c.meanAfter, meanDifference: c.meanDifference };
  const [low, high] = c.ci95 ?? [c.meanDifference, c.meanDifference];
  if (low > 0) return { key: 'tna.reading.improved', params };
  if (high < 0) return { key: 'tna.reading.worse', params };
  return { key: 'tna.reading.noChange', params };
}
