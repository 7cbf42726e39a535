import { describe, expect, it } from 'vitest';
import { catalogueEntry, contentPath } from '../../src/server/mentoring/activity-catalogue.ts';
import { fixtureCatalogue } from '../fixtures/catalogue.ts';

describe('the activity catalogue', () => {
  it('finds content by kind and id, and nothing for a removed id, a kind mismatch or a practice task', () => {
    expect(catalogueEntry(fixtureCatalogue, { kind: 'module', id: 'rm-threshold' })?.title.en).toBe('Thresholds');
    expect(catalogueEntry(fixtureCatalogue, { kind: 'module', id: 'rm-gone' })).toBeNull();
    expect(catalogueEntry(fixtureCatalogue, { kind: 'vignette', id: 'rm-threshold' })).toBeNull();
    expect(catalogueEntry(fixtureCatalogue, { kind: 'task', id: 'rm-threshold' })).toBeNull();
  });

  it('links a module inside its programme and a programme to its page; simulations and vignettes have no plain link', () => {
    const entry = (kind: 'module' | 'programme' | 'conversation' | 'vignette', id: string) => catalogueEntry(fixtureCatalogue, { kind, id })!;
    expect(contentPath(entry('module', 'rm-analysis'))).toBe('/learn/risk-model/rm-analysis');
    expect(contentPath(entry('programme', 'risk-model'))).toBe('/learn/risk-model');
    expect(contentPath(entry('conversation', 'cc-awel'))).toBeNull();
    expect(contentPath(entry('vignette', 'v-cellar'))).toBeNull();
  });
});
