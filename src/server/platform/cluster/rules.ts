// The supervisor's decisions, kept free of I/O so they can be tested on their own.

/** How a worker's restarts are spaced: doubling from `firstMs` to `maxMs`, back to `firstMs` after it has lived `resetAfterMs`. */
export const RESTART_BACK_OFF = { firstMs: 100, maxMs: 10_000, resetAfterMs: 60_000 } as const;

/** The exit code of a worker that took itself out of service because its database stopped working. */
export const EXIT_DATABASE_UNREACHABLE = 75;

/** How often a worker checks its database, and how many failed checks in a row take it out of service. */
export const DATABASE_CHECK = { everyMs: 5_000, failuresBeforeExit: 3 } as const;

/**
 * The number of workers: WEB_CONCURRENCY when set (a whole number, 1 or more), else one per core.
 * A bad value is a refusal with a message for people, never a silent default.
 */
export function parseWorkerCount(value: string | undefined, cores: number): { ok: true; count: number } | { ok: false; error: string } {
  const text = (value ?? '').trim();
  if (text === '') return { ok: true, count: Math.max(1, Math.floor(cores)) };
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    return {
      ok: false,
      error: `WEB_CONCURRENCY must be a whole number of worker processes, 1 or more (it is "${text.slice(0, 40)}"). Leave it unset for one worker per core.`,
    };
  }
  return { ok: true, count: Number(text) };
}

/**
 * How long to wait before restarting a worker that died: the first death (or one after a long,
 * healthy life) waits `firstMs`; each quick death after that waits twice as long, up to `maxMs`.
 */
export function nextRestartDelay(previousMs: number | null, livedMs: number, rules: { firstMs: number; maxMs: number; resetAfterMs: number } = RESTART_BACK_OFF): number {
  if (previousMs === null || livedMs >= rules.resetAfterMs) return rules.firstMs;
  return Math.min(previousMs * 2, rules.maxMs);
}

/** A worker's end in words for the log: its exit code or signal, and why when the code says so. */
export function describeWorkerExit(code: number | null, signal: string | null): string {
  if (signal) return `signal ${signal}`;
  if (code === EXIT_DATABASE_UNREACHABLE) return `exit code ${code}: its database stopped working, so it took itself out of service`;
  return `exit code ${code ?? 'unknown'}`;
}

/** Milliseconds as seconds for a log line ("0.1 s", "10 s"). */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
