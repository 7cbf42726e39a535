import { describe, expect, it } from 'vitest';
import { checkConfidenceRatings, personPair } from '../../src/domain/training/index.ts';

describe('checking confidence ratings', () => {
  it('accepts a whole-number rating from 1 to 10 for every statement', () => {
    expect(checkConfidenceRatings(['threshold', 'record'], { threshold: '1', record: 10 })).toEqual({ ok: true, ratings: { threshold: 1, record: 10 } });
  });

  it('refuses a missing, blank, fractional or out-of-range rating beside its statement', () => {
    expect(checkConfidenceRatings(['a', 'b', 'c', 'd', 'e'], { b: ' ', c: '7.5', d: '0', e: '11' })).toEqual({
      ok: false,
      errors: { a: 'confidence.errors.rating', b: 'confidence.errors.rating', c: 'confidence.errors.rating', d: 'confidence.errors.rating', e: 'confidence.errors.rating' },
    });
  });
});

describe('a person’s before/after pair', () => {
  it('is the mean of the statements rated at both moments', () => {
    expect(personPair({ a: 4, b: 6, c: 2 }, { a: 8, b: 7 })).toEqual({ before: 5, after: 7.5 });
  });

  it('is absent when no statement was rated at both moments', () => {
    expect(personPair({ a: 4 }, { b: 7 })).toBeNull();
  });
});
