import { describe, expect, it } from 'vitest';
import { describeWorkerExit, EXIT_DATABASE_UNREACHABLE, nextRestartDelay, parseWorkerCount, RESTART_BACK_OFF } from '../../src/server/platform/cluster/rules.ts';

describe('the number of workers', () => {
  it('is one per core when WEB_CONCURRENCY is unset or empty', () => {
    expect(parseWorkerCount(undefined, 4)).toEqual({ ok: true, count: 4 });
    expect(parseWorkerCount('  ', 2)).toEqual({ ok: true, count: 2 });
  });

  it('is at least one even when no core is reported', () => {
    expect(parseWorkerCount(undefined, 0)).toEqual({ ok: true, count: 1 });
  });

  it('is WEB_CONCURRENCY when that is a whole number of 1 or more', () => {
    expect(parseWorkerCount('1', 8)).toEqual({ ok: true, count: 1 });
    expect(parseWorkerCount(' 3 ', 8)).toEqual({ ok: true, count: 3 });
  });

  it('refuses anything else, saying what was given and what is expected', () => {
    for (const value of ['0', '-1', '1.5', 'two', '2x', '1e3', '99999999999999999999']) {
      const result = parseWorkerCount(value, 2);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain(`WEB_CONCURRENCY must be a whole number of worker processes, 1 or more (it is "${value}")`);
    }
  });
});

describe('the delay before a dead worker is restarted', () => {
  it('is 0.1 s after a first death', () => {
    expect(nextRestartDelay(null, 5)).toBe(100);
  });

  it('doubles with each quick death, up to 10 s', () => {
    const delays: number[] = [];
    let delay: number | null = null;
    for (let n = 0; n < 10; n++) delays.push((delay = nextRestartDelay(delay, 1_000)));
    expect(delays).toEqual([100, 200, 400, 800, 1_600, 3_200, 6_400, 10_000, 10_000, 10_000]);
  });

  it('starts again from 0.1 s once the worker had lived a minute', () => {
    expect(nextRestartDelay(10_000, RESTART_BACK_OFF.resetAfterMs - 1)).toBe(10_000);
    expect(nextRestartDelay(10_000, RESTART_BACK_OFF.resetAfterMs)).toBe(100);
  });
});

describe('a worker’s end in the log', () => {
  it('names the signal, or the exit code, and why a worker left service when its code says so', () => {
    expect(describeWorkerExit(null, 'SIGKILL')).toBe('signal SIGKILL');
    expect(describeWorkerExit(1, null)).toBe('exit code 1');
    expect(describeWorkerExit(EXIT_DATABASE_UNREACHABLE, null)).toBe('exit code 75: its database stopped working, so it took itself out of service');
  });
});
