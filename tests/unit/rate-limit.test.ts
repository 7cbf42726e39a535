import { describe, expect, it } from 'vitest';
import { decideLimit, minutesToWait } from '../../src/domain/auth/rate-limit.ts';

const limit = { maxFailures: 10, windowMs: 5 * 60_000 };
const now = 1_000_000_000;

describe('the failure limit', () => {
  it('allows attempts while fewer than ten failures fall in the last five minutes', () => {
    const failures = Array.from({ length: 9 }, (_, i) => now - i * 1000);
    expect(decideLimit(failures, limit, now)).toEqual({ allowed: true });
  });

  it('refuses the attempt after the tenth failure, until the oldest counted failure is five minutes old', () => {
    const failures = Array.from({ length: 10 }, (_, i) => now - 60_000 - i * 1000); // oldest 69 s before the newest
    const decision = decideLimit(failures, limit, now);
    expect(decision.allowed).toBe(false);
    expect(decision).toEqual({ allowed: false, retryAfterMs: now - 60_000 - 9000 + limit.windowMs - now });
  });

  it('forgets failures older than the window', () => {
    const old = Array.from({ length: 10 }, () => now - limit.windowMs - 1);
    expect(decideLimit(old, limit, now)).toEqual({ allowed: true });
  });

  it('counts only the most recent failures when deciding how long to wait', () => {
    const many = [...Array.from({ length: 10 }, () => now - 1000), now - 4 * 60_000];
    const decision = decideLimit(many, limit, now);
    expect(decision).toEqual({ allowed: false, retryAfterMs: limit.windowMs - 1000 });
  });

  it.each([
    [1, 1],
    [59_999, 1],
    [60_000, 1],
    [60_001, 2],
    [299_000, 5],
  ])('rounds %i ms up to %i whole minutes', (ms, minutes) => {
    expect(minutesToWait(ms)).toBe(minutes);
  });
});
