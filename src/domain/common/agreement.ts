/**
 * Agreement statistics: consistency of threshold judgements across practitioners, learner-vs-mentor
 * coding and mentors' moderation.
 * Each function returns null where the statistic is undefined (nothing to compare, or no
 * variation at all to measure agreement against), so a page can say so instead of showing NaN.
 */

/**
 * Percentage (0–100) of units on which an answer matches the reference (e.g. the expert
 * panel), counting only units where both are present; null when there are none.
 */
export function percentAgreement<T>(answers: readonly (T | null)[], reference: readonly (T | null)[]): number | null {
  if (answers.length !== reference.length) throw new RangeError('answers and reference must have the same length');
  let compared = 0;
  let agreed = 0;
  answers.forEach((answer, i) => {
    const expected = reference[i];
    if (answer === null || expected === null || expected === undefined) return;
    compared += 1;
    if (answer === expected) agreed += 1;
  });
  return compared === 0 ? null : (agreed / compared) * 100;
}

/**
 * Fleiss' kappa for several raters and nominal categories. `counts[subject][category]` is how
 * many raters put that subject in that category; every subject must be rated by the same
 * number of raters (at least two), otherwise a RangeError. Null when every rating falls in
 * one category (chance agreement is then total and kappa is undefined).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  if (counts.length === 0) throw new RangeError('fleissKappa needs at least one subject');
  const categories = counts[0]!.length;
  const raters = sum(counts[0]!);
  for (const row of counts) {
    if (row.length !== categories) throw new RangeError('every subject needs a count for every category');
    if (row.some((c) => !Number.isInteger(c) || c < 0)) throw new RangeError('counts must be whole numbers of raters');
    if (sum(row) !== raters) throw new RangeError('every subject must be rated by the same number of raters');
  }
  if (raters < 2) throw new RangeError('fleissKappa needs at least two raters per subject');
  const subjects = counts.length;
  const categoryShare = Array.from({ length: categories }, (_, j) => sum(counts.map((row) => row[j]!)) / (subjects * raters));
  const subjectAgreement = counts.map((row) => (sum(row.map((c) => c * c)) - raters) / (raters * (raters - 1)));
  const observed = sum(subjectAgreement) / subjects;
  const chance = sum(categoryShare.map((p) => p * p));
  if (chance === 1) return null;
  return (observed - chance) / (1 - chance);
}

/**
 * Cohen's kappa for two raters: `table[i][j]` counts the items rater A put in category i and
 * rater B in category j (a square table, else a RangeError). Null with no items, or when chance
 * agreement is total (expected agreement 1), where kappa is undefined.
 */
export function cohensKappa(table: readonly (readonly number[])[]): number | null {
  const size = table.length;
  for (const row of table) {
    if (row.length !== size) throw new RangeError('cohensKappa needs a square table (one row and one column per category)');
    if (row.some((c) => !Number.isFinite(c) || c < 0)) throw new RangeError('cohensKappa counts must be non-negative numbers');
  }
  const n = sum(table.map((row) => sum(row)));
  if (n === 0) return null;
  const observed = sum(table.map((row, i) => row[i]!)) / n;
  const expected = sum(table.map((row, i) => sum(row) * sum(table.map((r) => r[i]!)))) / (n * n);
  if (expected === 1) return null;
  return (observed - expected) / (1 - expected);
}

export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval';

/**
 * Krippendorff's alpha. `ratings[rater][unit]` is a number, or null where that rater did not
 * rate that unit. Units rated by fewer than two raters carry no information and are left out.
 * Null when fewer than two pairable values remain or when all values are the same (no
 * expected disagreement to compare against). Follows Krippendorff (2011), "Computing
 * Krippendorff's Alpha-Reliability", with its coincidence-matrix method.
 */
export function krippendorffAlpha(ratings: readonly (readonly (number | null)[])[], level: MeasurementLevel): number | null {
  const units = Math.max(0, ...ratings.map((r) => r.length));
  const values = [...new Set(ratings.flat().filter((v): v is number => v !== null))].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const unitCounts = Array.from({ length: units }, (_, u) => {
    const counts = new Array<number>(values.length).fill(0);
    for (const row of ratings) {
      const v = row[u];
      if (v !== null && v !== undefined) counts[index.get(v)!]! += 1;
    }
    return counts;
  });
  return krippendorffAlphaFromCounts(unitCounts, values, level);
}

/**
 * Krippendorff's alpha from how many raters gave each value in each unit:
 * `unitCounts[unit][i]` counts the value `values[i]` (sorted ascending). This is all alpha needs,
 * so large groups can be counted in the database rather than listed.
 */
export function krippendorffAlphaFromCounts(unitCounts: readonly (readonly number[])[], values: readonly number[], level: MeasurementLevel): number | null {
  const size = values.length;
  const coincidence = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const counts of unitCounts) {
    const m = sum(counts);
    if (m < 2) continue;
    for (let c = 0; c < size; c++) {
      if (!counts[c]) continue;
      for (let k = 0; k < size; k++) {
        if (!counts[k]) continue;
        coincidence[c]![k]! += (counts[c]! * (counts[k]! - (c === k ? 1 : 0))) / (m - 1);
      }
    }
  }
  const marginals = coincidence.map((row) => sum(row));
  const n = sum(marginals);
  if (n < 2) return null;

  const distance = (c: number, k: number): number => {
    if (level === 'nominal') return c === k ? 0 : 1;
    if (level === 'interval') return (values[c]! - values[k]!) ** 2;
    // Ordinal: the number of values between c and k, counting half of each end.
    const [low, high] = c <= k ? [c, k] : [k, c];
    let between = 0;
    for (let g = low; g <= high; g++) between += marginals[g]!;
    return (between - (marginals[c]! + marginals[k]!) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = distance(c, k);
      observed += coincidence[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  observed /= n;
  expected /= n * (n - 1);
  if (expected === 0) return null;
  return 1 - observed / expected;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
