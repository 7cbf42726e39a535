import { describe, expect, it } from 'vitest';
import { teamSummary, tnaStatus, type TnaProgress } from '../../src/domain/training/index.ts';

const base: TnaProgress = { need: 'required', modulesDone: 0, modulesTotal: 4, workshopRequired: false, workshopAttended: false, phaseEndsOn: '2027-03-31' };
const today = '2027-02-01';

describe('training-needs status', () => {
  it('is To do before anything is done', () => {
    expect(tnaStatus(base, today)).toBe('to-do');
  });

  it('is In progress once a module is done or a workshop attended', () => {
    expect(tnaStatus({ ...base, modulesDone: 1 }, today)).toBe('in-progress');
    expect(tnaStatus({ ...base, workshopAttended: true }, today)).toBe('in-progress');
  });

  it('is Complete when every module is done and no workshop is required', () => {
    expect(tnaStatus({ ...base, modulesDone: 4 }, today)).toBe('complete');
  });

  it('is not Complete without a required workshop attended', () => {
    expect(tnaStatus({ ...base, modulesDone: 4, workshopRequired: true }, today)).toBe('in-progress');
    expect(tnaStatus({ ...base, modulesDone: 4, workshopRequired: true, workshopAttended: true }, today)).toBe('complete');
  });

  it('is Overdue when not complete after the phase’s end date, not on it', () => {
    expect(tnaStatus({ ...base, modulesDone: 2 }, '2027-03-31')).toBe('in-progress');
    expect(tnaStatus({ ...base, modulesDone: 2 }, '2027-04-01')).toBe('overdue');
    expect(tnaStatus(base, '2027-04-01')).toBe('overdue');
  });

  it('stays Complete after the end date, and never becomes Overdue without a phase', () => {
    expect(tnaStatus({ ...base, modulesDone: 4 }, '2027-06-01')).toBe('complete');
    expect(tnaStatus({ ...base, phaseEndsOn: null }, '2030-01-01')).toBe('to-do');
  });

  it('is not needed for a programme the person does not need', () => {
    expect(tnaStatus({ ...base, need: 'not-needed', modulesDone: 4 }, today)).toBe('not-needed');
  });
});

describe('team summary', () => {
  it('counts statuses per team and the percentage complete of those with a need', () => {
    const summary = teamSummary([
      { teamId: 'assessment', status: 'complete' },
      { teamId: 'assessment', status: 'overdue' },
      { teamId: 'coastal', status: 'not-needed' },
      { teamId: 'assessment', status: 'complete' },
      { teamId: 'assessment', status: 'not-needed' },
      { teamId: 'assessment', status: 'to-do' },
    ]);
    expect(summary).toEqual([
      { teamId: 'assessment', counts: { 'to-do': 1, 'in-progress': 0, complete: 2, overdue: 1, 'not-needed': 1 }, percentComplete: 50 },
      { teamId: 'coastal', counts: { 'to-do': 0, 'in-progress': 0, complete: 0, overdue: 0, 'not-needed': 1 }, percentComplete: null },
    ]);
  });
});
