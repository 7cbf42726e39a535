import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';

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

  it('has at least twelve threshold vignettes spanning every category, with borderline cases', () => {
    expect(content.vignettes.length).toBeGreaterThanOrEqual(12);
    const categories = new Set(content.vignettes.map((v) => v.category));
    for (const category of ['no-concern', 'care-and-support', 'neglect', 'physical', 'emotional', 'sexual', 'domestic-abuse']) expect(categories).toContain(category);
    expect(content.vignettes.filter((v) => v.borderline).length).toBeGreaterThanOrEqual(2);
    for (const v of content.vignettes) expect(v.stages.length).toBeGreaterThanOrEqual(2);
  });
});
