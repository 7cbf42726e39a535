import { describe, expect, it } from 'vitest';
import { figure } from '../../src/domain/evaluation/index.ts';

describe('a figure of the report', () => {
  it('is shown, with its n, from five people', () => {
    expect(figure(5, () => 42)).toEqual({ n: 5, value: 42, suppressed: false });
  });

  it('is suppressed below five people and never computed on the small group', () => {
    let computed = false;
    expect(figure(4, () => { computed = true; return 42; })).toEqual({ n: 4, value: null, suppressed: true });
    expect(figure(0, () => { computed = true; return 42; })).toEqual({ n: 0, value: null, suppressed: true });
    expect(computed).toBe(false);
  });

  it('counts people, not answers, when the two differ', () => {
    expect(figure(12, () => 'six answers each from two people', 2)).toEqual({ n: 12, value: null, suppressed: true });
    expect(figure(12, () => 'from five people', 5).suppressed).toBe(false);
  });
});
