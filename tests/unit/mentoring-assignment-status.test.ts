import { describe, expect, it } from 'vitest';
import {
  activityValue,
  assignmentStatus,
  byDueDate,
  checkDueDate,
  overdueDay,
  parseActivityValue,
  reminderDay,
  type AssignmentFacts,
} from '../../src/domain/mentoring/index.ts';

const due = '2026-12-29';
const facts = (over: Partial<AssignmentFacts> = {}): AssignmentFacts => ({
  dueDate: due,
  withdrawn: false,
  askReview: false,
  progress: 'not-started',
  submission: null,
  ...over,
});

describe('an assignment’s status', () => {
  it('is not started until the mentee begins, up to and including the due date', () => {
    expect(assignmentStatus(facts(), '2026-12-01')).toBe('not-started');
    expect(assignmentStatus(facts(), due)).toBe('not-started');
  });

  it('is in progress once begun, and done once finished', () => {
    expect(assignmentStatus(facts({ progress: 'in-progress' }), '2026-12-01')).toBe('in-progress');
    expect(assignmentStatus(facts({ progress: 'done' }), '2026-12-01')).toBe('done');
  });

  it('becomes overdue the day after the due date when not finished', () => {
    expect(assignmentStatus(facts(), '2026-12-30')).toBe('overdue');
    expect(assignmentStatus(facts({ progress: 'in-progress' }), '2026-12-30')).toBe('overdue');
  });

  it('stays done after the due date when no review was asked', () => {
    expect(assignmentStatus(facts({ progress: 'done' }), '2027-01-15')).toBe('done');
  });

  it('is overdue after the due date when review was asked and the finished work was never submitted', () => {
    expect(assignmentStatus(facts({ progress: 'done', askReview: true }), due)).toBe('done');
    expect(assignmentStatus(facts({ progress: 'done', askReview: true }), '2026-12-30')).toBe('overdue');
  });

  it('is submitted while the latest version waits for review, even after the due date', () => {
    expect(assignmentStatus(facts({ progress: 'done', askReview: true, submission: { state: 'submitted' } }), '2027-01-05')).toBe('submitted');
  });

  it('shows feedback ready once the latest version’s feedback is released', () => {
    expect(assignmentStatus(facts({ progress: 'done', askReview: true, submission: { state: 'feedback-released' } }), '2027-01-05')).toBe('feedback-ready');
  });

  it('goes back to in progress when a revision is asked, and overdue once the due date has passed', () => {
    const revising = facts({ progress: 'done', askReview: true, submission: { state: 'revision-asked' } });
    expect(assignmentStatus(revising, '2026-12-20')).toBe('in-progress');
    expect(assignmentStatus(revising, '2026-12-30')).toBe('overdue');
  });

  it('says unavailable when the activity was removed from the content, whatever else is true', () => {
    expect(assignmentStatus(facts({ progress: 'unavailable', submission: { state: 'feedback-released' } }), '2027-01-05')).toBe('unavailable');
  });

  it('says withdrawn above everything else', () => {
    expect(assignmentStatus(facts({ withdrawn: true, progress: 'unavailable' }), '2027-01-05')).toBe('withdrawn');
  });
});

describe('assignment dates', () => {
  it('sends the reminder two working days before the due date, skipping Christmas and the substitute Boxing Day', () => {
    expect(reminderDay('2026-12-29')).toBe('2026-12-23');
  });

  it('sends the reminder on the Wednesday for work due on a Friday', () => {
    expect(reminderDay('2026-12-04')).toBe('2026-12-02');
  });

  it('counts work overdue from the calendar day after the due date, across a month end', () => {
    expect(overdueDay('2026-12-31')).toBe('2027-01-01');
  });

  it('accepts today or a later day inside the bank holiday data as a due date', () => {
    expect(checkDueDate('2026-12-05', '2026-12-05')).toBeNull();
    expect(checkDueDate(' 2027-03-01 ', '2026-12-05')).toBeNull();
  });

  it('says why a due date cannot be used: blank, not a date, in the past, or beyond the bank holiday data', () => {
    expect(checkDueDate('  ', '2026-12-05')).toBe('required');
    expect(checkDueDate('2026-02-30', '2026-12-05')).toBe('invalid');
    expect(checkDueDate('next week', '2026-12-05')).toBe('invalid');
    expect(checkDueDate('2026-12-04', '2026-12-05')).toBe('past');
    expect(checkDueDate('2031-01-02', '2026-12-05')).toBe('out-of-range');
  });

  it('lists assignments soonest due first, earlier assigned first on the same day', () => {
    const items = [
      { id: 'c', dueDate: '2027-01-10', createdAt: 1 },
      { id: 'b', dueDate: '2026-12-20', createdAt: 5 },
      { id: 'a', dueDate: '2026-12-20', createdAt: 2 },
    ];
    expect(byDueDate(items).map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(items.map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('an activity as a select option’s value', () => {
  it('round-trips kind and id', () => {
    expect(activityValue({ kind: 'module', id: 'rm-threshold' })).toBe('module:rm-threshold');
    expect(parseActivityValue('module:rm-threshold')).toEqual({ kind: 'module', id: 'rm-threshold' });
  });

  it('refuses an unknown kind, a missing id or no separator', () => {
    expect(parseActivityValue('course:x')).toBeNull();
    expect(parseActivityValue('module:')).toBeNull();
    expect(parseActivityValue('module')).toBeNull();
  });
});
