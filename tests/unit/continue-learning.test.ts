import { describe, expect, it } from 'vitest';
import { lastPlace, nextStep } from '../../src/domain/learning/continue-learning.ts';

const sectionIds = ['one', 'two', 'three'];

describe('the next step after the section read last', () => {
  it('is the following section while reading in order', () => {
    expect(nextStep({ sectionIds, visitedSectionIds: ['one'], lastSectionId: 'one', complete: false })).toEqual({ kind: 'section', sectionId: 'two' });
  });

  it('skips sections already read to the next unread one', () => {
    expect(nextStep({ sectionIds, visitedSectionIds: ['one', 'two'], lastSectionId: 'one', complete: false })).toEqual({ kind: 'section', sectionId: 'three' });
  });

  it('goes back to an unread section before the last one when everything after it is read', () => {
    expect(nextStep({ sectionIds, visitedSectionIds: ['two', 'three'], lastSectionId: 'three', complete: false })).toEqual({ kind: 'section', sectionId: 'one' });
  });

  it('is the knowledge check once every section is read and the module is not complete', () => {
    expect(nextStep({ sectionIds, visitedSectionIds: ['one', 'two', 'three'], lastSectionId: 'three', complete: false })).toEqual({ kind: 'check' });
    expect(nextStep({ sectionIds, visitedSectionIds: ['one', 'two', 'three'], lastSectionId: 'one', complete: false })).toEqual({ kind: 'check' });
  });

  it('is nothing more ("all done") after the last section of a complete module', () => {
    expect(nextStep({ sectionIds, visitedSectionIds: sectionIds, lastSectionId: 'three', complete: true })).toEqual({ kind: 'done' });
  });

  it('carries on to the following section when a complete module is being read again', () => {
    expect(nextStep({ sectionIds, visitedSectionIds: sectionIds, lastSectionId: 'one', complete: true })).toEqual({ kind: 'section', sectionId: 'two' });
  });
});

describe('the place a learner left off', () => {
  const visits = [
    { moduleId: 'a', lastSectionId: 'one', lastVisitedAt: 100 },
    { moduleId: 'b', lastSectionId: 'two', lastVisitedAt: 300 },
    { moduleId: 'c', lastSectionId: null, lastVisitedAt: 0 },
  ];

  it('is the module and section visited most recently', () => {
    expect(lastPlace(visits, () => true)).toMatchObject({ moduleId: 'b', lastSectionId: 'two' });
  });

  it('passes over a module or section that no longer exists', () => {
    expect(lastPlace(visits, (moduleId) => moduleId !== 'b')).toMatchObject({ moduleId: 'a', lastSectionId: 'one' });
  });

  it('is nowhere before any section has been opened', () => {
    expect(lastPlace([], () => true)).toBeNull();
    expect(lastPlace([{ moduleId: 'c', lastSectionId: null, lastVisitedAt: 0 }], () => true)).toBeNull();
  });
});
