import { describe, expect, it } from 'vitest';
import { mitiSummary } from '../../src/domain/simulations/miti.ts';

const counts = (questions: number, simpleReflections: number, complexReflections: number) => ({ questions, simpleReflections, complexReflections, miAdherent: 0, miNonAdherent: 0 });

describe('MITI summary figures', () => {
  it.each([
    // questions, simple, complex → ratio, % complex, bands
    [4, 2, 0, 0.5, 0, 'below fair', 'below fair'],
    [4, 2, 2, 1, 50, 'fair', 'good'],
    [3, 3, 2, 5 / 3, 40, 'fair', 'fair'],
    [2, 2, 2, 2, 50, 'good', 'good'],
    [1, 3, 1, 4, 25, 'good', 'below fair'],
  ])('%i questions, %i simple and %i complex reflections', (q, s, c, ratio, percent, ratioBand, percentBand) => {
    expect(mitiSummary(counts(q, s, c))).toEqual({
      reflectionToQuestion: ratio,
      percentComplexReflections: percent,
      bands: { reflectionToQuestion: ratioBand, percentComplexReflections: percentBand },
    });
  });

  it('leaves the ratio undefined when no questions were asked', () => {
    expect(mitiSummary(counts(0, 3, 1))).toEqual({
      reflectionToQuestion: null,
      percentComplexReflections: 25,
      bands: { reflectionToQuestion: null, percentComplexReflections: 'below fair' },
    });
  });

  it('leaves the complex-reflection percentage undefined when there were no reflections', () => {
    expect(mitiSummary(counts(5, 0, 0))).toEqual({
      reflectionToQuestion: 0,
      percentComplexReflections: null,
      bands: { reflectionToQuestion: 'below fair', percentComplexReflections: null },
    });
  });

  it('has nothing to say about an empty conversation', () => {
    expect(mitiSummary(counts(0, 0, 0))).toEqual({ reflectionToQuestion: null, percentComplexReflections: null, bands: { reflectionToQuestion: null, percentComplexReflections: null } });
  });

  it.each([-1, 1.5, Number.NaN])('refuses a count of %f', (bad) => {
    expect(() => mitiSummary({ ...counts(1, 1, 1), miAdherent: bad })).toThrow(RangeError);
  });
});
