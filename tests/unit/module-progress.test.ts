import { describe, expect, it } from 'vitest';
import { meetsCompletionRule, moduleStatus, programmeProgress, resumeSection } from '../../src/domain/learning/module-progress.ts';

const sections = ['intro', 'practice', 'summary'];

describe('a module’s status', () => {
  it.each([
    [{ visitedSectionIds: [], hasAttempt: false, completedVersion: null }, 'not-started'],
    [{ visitedSectionIds: ['intro'], hasAttempt: false, completedVersion: null }, 'in-progress'],
    [{ visitedSectionIds: [], hasAttempt: true, completedVersion: null }, 'in-progress'],
    [{ visitedSectionIds: sections, hasAttempt: true, completedVersion: 1 }, 'complete'],
    [{ visitedSectionIds: [], hasAttempt: false, completedVersion: 1 }, 'complete'],
  ] as const)('%j → %s', (input, status) => {
    expect(moduleStatus(input)).toBe(status);
  });
});

describe('completing a module', () => {
  it('needs every section visited and the check passed', () => {
    expect(meetsCompletionRule(sections, sections, true)).toBe(true);
    expect(meetsCompletionRule(sections, ['intro', 'practice'], true)).toBe(false);
    expect(meetsCompletionRule(sections, sections, false)).toBe(false);
  });
});

describe('resuming', () => {
  it('starts at the beginning of an untouched module', () => {
    expect(resumeSection(sections, [], null)).toBe('intro');
  });
  it('goes to the first section not yet read', () => {
    expect(resumeSection(sections, ['intro', 'summary'], 'summary')).toBe('practice');
  });
  it('goes back to the last section read once all are read', () => {
    expect(resumeSection(sections, sections, 'practice')).toBe('practice');
  });
  it('ignores a remembered section the module no longer has', () => {
    expect(resumeSection(sections, sections, 'removed')).toBe('intro');
  });
});

describe('programme progress', () => {
  it('counts complete modules', () => {
    expect(programmeProgress(['complete', 'in-progress', 'not-started', 'complete'])).toEqual({ complete: 2, total: 4, percent: 50 });
    expect(programmeProgress([])).toEqual({ complete: 0, total: 0, percent: 0 });
  });
});
