import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { programmeSchema, vignetteSchema, type Programme, type Vignette } from '../../src/content/schemas.ts';
import { significantHarmFits } from '../../src/domain/thresholds/thresholds.ts';
import { fixtureVignette } from '../fixtures/vignette.ts';

const both = (en: string) => ({ en, cy: `${en} (cy)` });
const judged = <T>(answer: T) => ({ answer, reason: both('Because.') });
/** The fixture vignette with the panel's level of harm, likelihood and significance changed. */
const panel = (levelOfHarm: Vignette['panel']['levelOfHarm']['answer'], likelihood: Vignette['panel']['likelihood']['answer'], significant: 'yes' | 'no') => {
  const v = fixtureVignette();
  return { ...v, panel: { ...v.panel, levelOfHarm: judged(levelOfHarm), likelihood: judged(likelihood), significant: judged(significant) } };
};
const significantProblem = (v: unknown) => {
  const parsed = vignetteSchema.safeParse(v);
  return parsed.success ? null : (parsed.error.issues.find((i) => i.path.join('.') === 'panel.significant')?.message ?? null);
};

describe('a vignette’s significant harm (both limbs of s.47)', () => {
  it('may be significant when the child is suffering serious harm now, though future harm is only possible', () => {
    expect(significantProblem(panel('serious', 'possible', 'yes'))).toBeNull();
    expect(significantProblem(panel('severe', 'unlikely', 'yes'))).toBeNull();
  });

  it('may be significant when future harm is likely, though the harm so far is moderate', () => {
    expect(significantProblem(panel('moderate', 'likely', 'yes'))).toBeNull();
    expect(significantProblem(panel('low', 'very-likely', 'yes'))).toBeNull();
  });

  it('may not be significant when the harm now is moderate or less and future harm is only possible', () => {
    expect(significantProblem(panel('moderate', 'possible', 'yes'))).toMatch(/serious or severe now, or future harm that is likely or very likely/);
    expect(significantProblem(panel('none', 'unlikely', 'yes'))).not.toBeNull();
  });

  it('may always be judged not significant', () => {
    expect(significantProblem(panel('severe', 'very-likely', 'no'))).toBeNull();
  });

  it('uses the same rule as the domain', () => {
    expect(significantHarmFits({ levelOfHarm: 'serious', likelihood: 'possible' })).toBe(true);
    expect(significantHarmFits({ levelOfHarm: 'moderate', likelihood: 'likely' })).toBe(true);
    expect(significantHarmFits({ levelOfHarm: 'moderate', likelihood: 'possible' })).toBe(false);
  });
});

describe('a vignette’s kinds of harm', () => {
  it('accepts the Wales categories, financial abuse among them', () => {
    const v = fixtureVignette();
    expect(vignetteSchema.safeParse({ ...v, panel: { ...v.panel, kindsOfHarm: judged(['financial', 'emotional']) } }).success).toBe(true);
  });

  it('no longer accepts exposure to domestic abuse as a kind of its own', () => {
    const v = fixtureVignette();
    expect(vignetteSchema.safeParse({ ...v, panel: { ...v.panel, kindsOfHarm: judged(['domestic-abuse']) } }).success).toBe(false);
  });
});

describe('a programme’s confidence statements', () => {
  const programme = parse(readFileSync(resolve('content/programmes/risk-model.yaml'), 'utf8')) as Programme;
  const statement = (id: string) => ({ id, text: both(`I can ${id}.`) });
  const confidenceProblems = (confidence: unknown) => {
    const parsed = programmeSchema.safeParse({ ...programme, confidence });
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('are accepted from 3 to 5 "I can" statements, each in both languages', () => {
    expect(confidenceProblems(['a', 'b', 'c'].map(statement))).toEqual([]);
    expect(confidenceProblems(['a', 'b', 'c', 'd', 'e'].map(statement))).toEqual([]);
  });

  it('are refused when there are 2, or 6', () => {
    expect(confidenceProblems(['a', 'b'].map(statement))).toEqual(['confidence: a programme has 3 to 5 confidence statements']);
    expect(confidenceProblems(['a', 'b', 'c', 'd', 'e', 'f'].map(statement))).toEqual(['confidence: a programme has 3 to 5 confidence statements']);
  });

  it('are required', () => {
    const without = Object.fromEntries(Object.entries(programme).filter(([key]) => key !== 'confidence'));
    expect(programmeSchema.safeParse(without).success).toBe(false);
  });

  it('are refused when two share an id, an id is not a slug, or the Welsh is missing', () => {
    expect(confidenceProblems(['a', 'b', 'a'].map(statement))).toEqual(['confidence: confidence statement ids must be unique']);
    expect(confidenceProblems([statement('Not a slug'), statement('b'), statement('c')]).join()).toMatch(/^confidence\.0\.id/);
    expect(confidenceProblems([{ id: 'a', text: { en: 'I can a.', cy: '' } }, statement('b'), statement('c')]).join()).toMatch(/^confidence\.0\.text\.cy/);
  });
});
