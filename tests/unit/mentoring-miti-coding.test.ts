import { describe, expect, it } from 'vitest';
import { authoritativeCodes, selfMentorAgreement } from '../../src/domain/mentoring/index.ts';
import type { MiCode } from '../../src/domain/simulations/index.ts';

describe('the codes an attempt’s MITI figures count', () => {
  const transcript = [
    { id: 'r1', code: 'question' as const, own: false },
    { id: 'r2', code: 'complex-reflection' as const, own: true },
    { id: 'r3', code: 'affirm' as const, own: true },
  ];

  it('replace an own-words response’s self-code with the mentor’s code, keeping order', () => {
    expect(authoritativeCodes(transcript, new Map<string, MiCode>([['r2', 'simple-reflection']]))).toEqual(['question', 'simple-reflection', 'affirm']);
  });

  it('keep the self-code of an own-words response the mentor has not coded', () => {
    expect(authoritativeCodes(transcript, new Map())).toEqual(['question', 'complex-reflection', 'affirm']);
  });

  it('never let a mentor code replace a scripted option’s code', () => {
    expect(authoritativeCodes(transcript, new Map<string, MiCode>([['r1', 'confront']]))[0]).toBe('question');
  });
});

describe('how far learner and mentor agree on own-words codes', () => {
  it('has no figures before anything is coded by both', () => {
    expect(selfMentorAgreement([])).toEqual({ n: 0, percent: null, kappa: null });
  });

  it('gives percent agreement and Cohen’s kappa over the MITI codes', () => {
    // 2 × 2 sub-table [[2,1],[1,2]] of question vs simple reflection: po = 4/6, pe = 1/2, kappa = 1/3.
    const pairs: { self: MiCode; mentor: MiCode }[] = [
      { self: 'question', mentor: 'question' },
      { self: 'question', mentor: 'question' },
      { self: 'question', mentor: 'simple-reflection' },
      { self: 'simple-reflection', mentor: 'question' },
      { self: 'simple-reflection', mentor: 'simple-reflection' },
      { self: 'simple-reflection', mentor: 'simple-reflection' },
    ];
    const result = selfMentorAgreement(pairs);
    expect(result.n).toBe(6);
    expect(result.percent).toBeCloseTo(66.667, 2);
    expect(result.kappa).toBeCloseTo(1 / 3, 10);
  });

  it('shows 100% but no kappa when every response got the same code from both (chance agreement is total)', () => {
    expect(selfMentorAgreement([{ self: 'affirm', mentor: 'affirm' }, { self: 'affirm', mentor: 'affirm' }])).toEqual({ n: 2, percent: 100, kappa: null });
  });
});
