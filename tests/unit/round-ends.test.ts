import { describe, expect, it } from 'vitest';
import { roundEndsAt, roundState } from '../../src/domain/thresholds/calibration.ts';

const round = { opensAt: 1_000, closesAt: 10_000, closedAt: null as number | null };

describe('when a calibration round ends', () => {
  it('is its planned end while nobody has closed it', () => {
    expect(roundEndsAt(round)).toBe(10_000);
  });

  it('is the moment it was closed, when closed early', () => {
    const closed = { ...round, closedAt: 4_000 };
    expect(roundEndsAt(closed)).toBe(4_000);
    expect(roundState(closed, 5_000)).toBe('closed');
  });

  it('stays the planned end when the close came after it had already ended', () => {
    expect(roundEndsAt({ ...round, closedAt: 12_000 })).toBe(10_000);
  });
});
