// What the bench blocks share: timing a piece of server work, and adding a dated section to docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { percentile } from '../src/domain/common/index.ts';

export type Timing = { median: number; p95: number };

/** Runs `work` `runs` times one after another and answers the median and 95th percentile in ms. */
export async function timeRuns(work: () => Promise<unknown>, runs = 9): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

const FILE = 'docs/benchmarks.md';
const HEADER = '# Benchmarks\n\nFigures from `npm run bench`, newest first. They report; no test asserts a timing.\n\n';

/** Puts a section at the top of docs/benchmarks.md (newest first), keeping every earlier one. */
export function prependBenchSection(section: string): string {
  const previous = existsSync(FILE) ? readFileSync(FILE, 'utf8').replace(HEADER, '') : '';
  writeFileSync(FILE, HEADER + section + '\n' + previous);
  return FILE;
}
