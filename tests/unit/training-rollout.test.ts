import { describe, expect, it } from 'vitest';
import { checkPhase, completionCurve, phaseAtRisk, teamsBehind } from '../../src/domain/training/index.ts';

const phase = { startsOn: '2027-01-04', endsOn: '2027-03-29', targetPercent: 80 };

describe('completion curve', () => {
  it('gives the cumulative percentage each week and on the last day', () => {
    const curve = completionCurve(['2027-01-05', '2027-01-12', '2027-01-12', '2027-01-20'], 10, '2027-01-04', '2027-01-21');
    expect(curve).toEqual([
      { date: '2027-01-04', percent: 0 },
      { date: '2027-01-11', percent: 10 },
      { date: '2027-01-18', percent: 30 },
      { date: '2027-01-21', percent: 40 },
    ]);
  });

  it('is empty when nobody is eligible', () => {
    expect(completionCurve(['2027-01-05'], 0, '2027-01-04', '2027-02-01')).toEqual([]);
  });
});

describe('a phase at risk', () => {
  // 20 eligible; 8 complete by 1 March, 4 of them in the last 28 days; 28 days left.
  const completedOn = ['2027-01-20', '2027-01-25', '2027-01-30', '2027-02-01', '2027-02-05', '2027-02-12', '2027-02-20', '2027-03-01'];

  it('is at risk when the last four weeks’ rate ends below the target', () => {
    // 40% now + (4 / 20 per 28 days) × 28 days = 60% < 80%
    const result = phaseAtRisk(phase, { completedOn, eligible: 20 }, '2027-03-01');
    expect(result.atRisk).toBe(true);
    expect(result.projectedPercent).toBeCloseTo(60, 9);
  });

  it('is on track when that rate reaches the target', () => {
    const busy = [...completedOn, '2027-02-10', '2027-02-11', '2027-02-15', '2027-02-16', '2027-02-17', '2027-02-18', '2027-02-22', '2027-02-25'];
    // 80% now + (12 / 20 per 28 days) × 28 → capped at 100%
    expect(phaseAtRisk(phase, { completedOn: busy, eligible: 20 }, '2027-03-01')).toEqual({ atRisk: false, projectedPercent: 100 });
  });

  it('is judged on completion alone once the phase has ended', () => {
    expect(phaseAtRisk(phase, { completedOn, eligible: 10 }, '2027-04-10')).toEqual({ atRisk: false, projectedPercent: 80 });
    expect(phaseAtRisk(phase, { completedOn, eligible: 20 }, '2027-04-10')).toEqual({ atRisk: true, projectedPercent: 40 });
  });

  it('is not judged before the phase starts or with nobody eligible', () => {
    expect(phaseAtRisk(phase, { completedOn, eligible: 20 }, '2027-01-03')).toEqual({ atRisk: false, projectedPercent: null });
    expect(phaseAtRisk(phase, { completedOn: [], eligible: 0 }, '2027-02-01')).toEqual({ atRisk: false, projectedPercent: null });
  });

  it('names the teams below the target', () => {
    const teams = [{ teamId: 'assessment', completed: 9, eligible: 10 }, { teamId: 'coastal', completed: 3, eligible: 10 }, { teamId: 'empty', completed: 0, eligible: 0 }];
    expect(teamsBehind(teams, 80)).toEqual(['coastal']);
  });
});

describe('checking a phase', () => {
  it('accepts a phase of one day with a target of 100%', () => {
    expect(checkPhase({ name: 'Pilot', startsOn: '2027-01-04', endsOn: '2027-01-04', targetPercent: 100 })).toEqual({});
  });

  it('refuses an end before the start and a target outside 1–100%', () => {
    expect(checkPhase({ name: 'Pilot', startsOn: '2027-03-01', endsOn: '2027-01-04', targetPercent: 0 })).toEqual({ endsOn: 'rollout.errors.endBeforeStart', targetPercent: 'rollout.errors.target' });
    expect(checkPhase({ name: ' ', startsOn: '2027-02-30', endsOn: 'x', targetPercent: 101 })).toEqual({ name: 'rollout.errors.name', startsOn: 'rollout.errors.date', endsOn: 'rollout.errors.date', targetPercent: 'rollout.errors.target' });
  });
});
