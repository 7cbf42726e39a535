import { describe, expect, it } from 'vitest';
import { checkReaction, reactionFigures } from '../../src/domain/training/index.ts';

const row = (usefulness: number, relevance: number, confidence: number) => ({ usefulness, relevance, confidence });

describe('reaction figures', () => {
  it('shows nothing below five answers, so nobody can be picked out', () => {
    expect(reactionFigures([row(5, 5, 5), row(4, 4, 4), row(3, 3, 3), row(2, 2, 2)])).toBeNull();
    expect(reactionFigures([])).toBeNull();
  });

  it('gives the mean and the count of each rating per item from five answers', () => {
    const figures = reactionFigures([row(5, 4, 3), row(4, 4, 3), row(5, 3, 2), row(3, 5, 4), row(4, 4, 1)]);
    expect(figures).toEqual({
      n: 5,
      usefulness: { mean: 4.2, counts: [0, 0, 1, 2, 2] },
      relevance: { mean: 4, counts: [0, 0, 1, 3, 1] },
      confidence: { mean: 2.6, counts: [1, 1, 2, 1, 0] },
    });
  });

  it('honours a different minimum', () => {
    expect(reactionFigures([row(1, 1, 1)], 1)?.n).toBe(1);
  });
});

describe('checking a reaction', () => {
  it('accepts three ratings 1–5 and no comment', () => {
    expect(checkReaction({ usefulness: '5', relevance: 1, confidence: '3', comment: '' })).toEqual({});
  });

  it('refuses a missing, fractional or out-of-range rating, and a comment over 2,000 characters', () => {
    expect(checkReaction({ usefulness: '', relevance: '2.5', confidence: '6', comment: 'x'.repeat(2001) })).toEqual({
      usefulness: 'reaction.errors.rating',
      relevance: 'reaction.errors.rating',
      confidence: 'reaction.errors.rating',
      comment: 'reaction.errors.comment',
    });
  });
});
