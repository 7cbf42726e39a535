import { describe, expect, it } from 'vitest';
import { vignetteSchema, type Vignette } from '../../src/content/schemas.ts';
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
