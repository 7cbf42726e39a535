import { describe, expect, it } from 'vitest';
import {
  FIGURE_IDS,
  GLOSSARY,
  LOW_DECISION_ALPHA,
  RECOMMENDATION_RULES,
  REPORT_NOTES,
  REPORT_SECTIONS,
  SERVICE_INDICATORS,
  glossaryEntry,
  ruleText,
  sectionKey,
} from '../../src/domain/evaluation/index.ts';
import { cy } from '../../src/i18n/cy/index.ts';
import { en } from '../../src/i18n/en/index.ts';
import { translator } from '../../src/i18n/index.ts';

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
const known = (key: string) => Object.hasOwn(en, key) && Object.hasOwn(cy, key);

describe('the evaluation glossary', () => {
  it('lists every figure, every service indicator and every recommendation rule exactly once', () => {
    const expected = [...FIGURE_IDS, ...SERVICE_INDICATORS.map((i) => `indicator-${i}`), ...RECOMMENDATION_RULES.map((r) => `rule-${r}`)];
    expect(GLOSSARY.map((e) => e.id)).toEqual(expected);
    expect(new Set(GLOSSARY.map((e) => e.id)).size).toBe(GLOSSARY.length);
  });

  it('gives every entry a name and a definition in English and Welsh', () => {
    const missing = GLOSSARY.flatMap((e) => [e.nameKey, e.definitionKey].filter((key) => !known(key)));
    expect(missing).toEqual([]);
  });

  it('fills every placeholder of a definition from the entry’s numbers, and uses every number', () => {
    for (const entry of GLOSSARY) {
      expect(placeholders(en[entry.definitionKey]), entry.id).toEqual(Object.keys(entry.params).sort());
      expect(placeholders(cy[entry.definitionKey]), entry.id).toEqual(Object.keys(entry.params).sort());
    }
  });

  it('files each figure under its level of the report', () => {
    expect(glossaryEntry('reaction-usefulness').section).toBe('reaction');
    expect(glossaryEntry('miti-mi-adherent-share').section).toBe('learning');
    expect(glossaryEntry('decision-alpha').section).toBe('behaviour');
    expect(glossaryEntry('indicator-core-groups').section).toBe('results');
    expect(glossaryEntry('rule-rollout-phase-at-risk').section).toBe('recommendations');
  });

  it('gives every section a heading and every note its numbers', () => {
    expect(REPORT_SECTIONS.map(sectionKey).filter((key) => !known(key))).toEqual([]);
    for (const note of REPORT_NOTES) {
      expect(known(note.key)).toBe(true);
      expect(placeholders(en[note.key])).toEqual(Object.keys(note.params).sort());
    }
  });
});

describe('a recommendation rule’s text', () => {
  it('exists for every rule, in both languages', () => {
    expect(RECOMMENDATION_RULES.map((rule) => ruleText(rule).key).filter((key) => !known(key))).toEqual([]);
  });

  it('is the rule’s definition in the glossary, written once', () => {
    for (const rule of RECOMMENDATION_RULES) expect(glossaryEntry(`rule-${rule}`).definitionKey).toBe(ruleText(rule).key);
  });

  it('states the thresholds the rules use', () => {
    const { key, params } = ruleText('team-decision-agreement-low');
    expect(params).toEqual({ alpha: LOW_DECISION_ALPHA, raters: 5 });
    expect(translator('en')(key, params)).toBe('A team whose agreement on threshold decisions (Krippendorff’s alpha, nominal) is below 0.667, with at least 5 practitioners answering.');
    const gap = ruleText('team-one-to-one-gap');
    expect(translator('cy')(gap.key, gap.params)).toBe('Tîm lle mae mwy na 20% o’r mentoreion heb gael sesiwn un i un ers 8 wythnos.');
  });
});
