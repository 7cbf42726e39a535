import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { VIGNETTE_CATEGORIES } from '../../src/content/schemas.ts';
import { DECISIONS } from '../../src/domain/thresholds/index.ts';

const content = loadContent(resolve('content'));

describe('the training content', () => {
  it('has no problem: every module, section, question and option exists in Welsh and English', () => {
    expect(content.problems).toEqual([]);
  });

  it('offers the three framework programmes with at least four modules each, and Practice mentoring fourth', () => {
    expect(content.programmes.map((p) => p.id).sort()).toEqual(['collaborative-conversations', 'effective-child-protection', 'practice-mentoring', 'risk-model']);
    for (const programme of content.programmes.filter((p) => p.id !== 'practice-mentoring')) expect(programme.modules.length).toBeGreaterThanOrEqual(4);
    expect(content.programmes.find((p) => p.id === 'practice-mentoring')).toMatchObject({ order: 4, modules: ['pm-mentoring-supervision'] });
    expect(content.modules.length).toBeGreaterThanOrEqual(16);
  });

  it('teaches strategy discussions in the Risk Model, domestic abuse in Effective Child Protection and parents with learning disabilities in Collaborative Conversations', () => {
    const modulesOf = (id: string) => content.programmes.find((p) => p.id === id)?.modules ?? [];
    expect(modulesOf('risk-model')).toContain('rm-strategy-discussions');
    expect(modulesOf('effective-child-protection')).toContain('ecp-domestic-abuse');
    expect(modulesOf('collaborative-conversations')).toContain('cc-parents-learning-disabilities');
  });

  it.each(content.modules.map((m) => [m.id, m] as const))('%s has the same structure in both languages', (_, module) => {
    for (const question of module.knowledgeCheck) {
      expect(question.options.filter((o) => o.correct)).toHaveLength(1);
      for (const option of question.options) {
        expect(option.text.cy.trim()).not.toBe('');
        expect(option.feedback.cy.trim()).not.toBe('');
        expect(option.feedback.en.trim()).not.toBe('');
      }
    }
    expect(module.outcomes.cy).toHaveLength(module.outcomes.en.length);
    const texts = content.sectionTexts.get(module.id)!;
    for (const section of module.sections) {
      const { en, cy } = texts.get(section.id) ?? {};
      expect(en, `${section.id}.en.mdx`).toBeTruthy();
      expect(cy, `${section.id}.cy.mdx`).toBeTruthy();
      // The same components, in the same number, in both languages.
      const components = (text: string) => (text.match(/<(KeyPoint|PracticeExample)\b/g) ?? []).sort();
      expect(components(cy!)).toEqual(components(en!));
    }
  });

  it('has at least twenty threshold vignettes spanning every category, with borderline cases on both sides of the threshold', () => {
    expect(content.vignettes.length).toBeGreaterThanOrEqual(20);
    const categories = new Set(content.vignettes.map((v) => v.category));
    for (const category of VIGNETTE_CATEGORIES) expect(categories).toContain(category);
    expect(content.decisionSpread.borderline.met).toBeGreaterThanOrEqual(2);
    expect(content.decisionSpread.borderline.notMet).toBeGreaterThanOrEqual(2);
    for (const v of content.vignettes) expect(v.stages.length).toBeGreaterThanOrEqual(2);
  });

  it('has panel decisions across the whole scale, none more than half of the vignettes', () => {
    for (const decision of DECISIONS) expect(content.decisionSpread.counts[decision], decision).toBeGreaterThan(0);
    expect(Math.max(...Object.values(content.decisionSpread.counts))).toBeLessThanOrEqual(content.vignettes.length / 2);
  });

  it('includes a vignette that turns on each limb of s.47', () => {
    const significant = content.vignettes.filter((v) => v.panel.significant.answer === 'yes');
    // Suffering significant harm now, with future harm only possible; and likely to suffer it, with harm now below serious.
    expect(significant.some((v) => ['serious', 'severe'].includes(v.panel.levelOfHarm.answer) && ['unlikely', 'possible'].includes(v.panel.likelihood.answer))).toBe(true);
    expect(significant.some((v) => !['serious', 'severe'].includes(v.panel.levelOfHarm.answer) && ['likely', 'very-likely'].includes(v.panel.likelihood.answer))).toBe(true);
  });

  it('uses financial abuse among the kinds of harm', () => {
    expect(content.vignettes.some((v) => v.panel.kindsOfHarm.answer.includes('financial'))).toBe(true);
  });
});
