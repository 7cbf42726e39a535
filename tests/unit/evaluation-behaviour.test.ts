import { describe, expect, it } from 'vitest';
import {
  actionsByQuarter,
  consistencyByQuarter,
  consistencyByRound,
  consistencyByTeam,
  decisionConsistency,
  oneToOneShare,
  rubricScoresByQuarter,
  type ActionRecord,
  type OneToOneSession,
  type RoundAnswer,
  type RubricReviewRecord,
} from '../../src/domain/evaluation/index.ts';
import type { Decision, Likelihood, PanelAnswer } from '../../src/domain/thresholds/index.ts';
import type { Rubric } from '../../src/domain/mentoring/index.ts';

const period = { from: '2026-04-01', to: '2026-09-30' };
const may = Date.parse('2026-05-10T10:00:00Z');
const panel = new Map<string, PanelAnswer>([
  ['v1', { decision: 'strategy-discussion', likelihood: 'likely' }],
  ['v2', { decision: 'care-and-support-assessment', likelihood: 'possible' }],
  ['v3', { decision: 'information-and-advice', likelihood: 'unlikely' }],
]);
const likelihoodOf: Record<string, Likelihood> = { v1: 'likely', v2: 'possible', v3: 'unlikely' };
const answer = (personId: string, vignetteId: string, decision: Decision, completedAt = may, roundId: string | null = null): RoundAnswer => ({
  personId,
  vignetteId,
  decision,
  likelihood: likelihoodOf[vignetteId]!,
  completedAt,
  roundId,
});
/**
 * Five people, each answering all three situations:
 * v1 strategy ×4, care ×1; v2 care ×5; v3 information ×3, no further action ×2.
 * Krippendorff's alpha (nominal), by the coincidence matrix: D_o = 5/15, D_e = (15² − 65)/(15·14) = 160/210, alpha = 1 − 210/480 = 0.5625.
 * Fleiss' kappa: P̄ = (0.6 + 1 + 0.4)/3 = 2/3, P_e = 65/225, kappa = (150 − 65)/(225 − 65) = 0.53125.
 * With the panel: 4 + 5 + 3 of 15 decisions = 80 %. Likelihood: everyone agrees on each situation, alpha (ordinal) = 1.
 */
const fivePeople = (at = may, roundId: string | null = null): RoundAnswer[] => [
  ...['a', 'b', 'c', 'd'].map((p) => answer(p, 'v1', 'strategy-discussion', at, roundId)),
  answer('e', 'v1', 'care-and-support-assessment', at, roundId),
  ...['a', 'b', 'c', 'd', 'e'].map((p) => answer(p, 'v2', 'care-and-support-assessment', at, roundId)),
  ...['a', 'b', 'c'].map((p) => answer(p, 'v3', 'information-and-advice', at, roundId)),
  ...['d', 'e'].map((p) => answer(p, 'v3', 'no-further-action', at, roundId)),
];
const ids = ['v1', 'v2', 'v3'];

describe('threshold decision consistency (level 3)', () => {
  it('gives alpha on decisions as the headline, alpha on likelihood, Fleiss’ kappa and agreement with the panel, with the consistency page’s readings', () => {
    const result = decisionConsistency(fivePeople(), panel, ids);
    expect(result.n).toBe(5);
    const value = result.value!;
    expect(value.decisionAlpha.value).toBeCloseTo(0.5625, 10);
    expect(value.decisionAlpha.reading).toBe('reading.moderate');
    expect(value.likelihoodAlpha).toEqual({ value: 1, reason: null, reading: 'reading.almostPerfect' });
    expect(value.decisionKappa.n).toBe(5);
    expect(value.decisionKappa.value!.value).toBeCloseTo(0.53125, 10);
    expect(value.decisionKappa.value!.reading).toBe('reading.moderate');
    expect(value.percentWithPanel).toBeCloseTo(80, 10);
  });

  it('shows Fleiss’ kappa only where five people answered every situation, while alpha uses everyone’s answers', () => {
    const partial = [
      ...fivePeople().filter((a) => !(a.personId === 'e' && a.vignetteId === 'v3')),
      answer('f', 'v3', 'information-and-advice'),
    ];
    const value = decisionConsistency(partial, panel, ids).value!;
    expect(value.decisionKappa).toEqual({ n: 4, value: null, suppressed: true });
    expect(value.decisionAlpha.value).not.toBeNull();
  });

  it('is suppressed below five raters', () => {
    const four = fivePeople().filter((a) => a.personId !== 'e');
    expect(decisionConsistency(four, panel, ids)).toEqual({ n: 4, value: null, suppressed: true });
  });

  it('is given for every quarter of the period, by the London date each answer was finished', () => {
    // 00:30 BST on 1 July: the third quarter.
    const julyFirst = Date.parse('2026-06-30T23:30:00Z');
    const answers = [...fivePeople(), answer('g', 'v1', 'strategy-discussion', julyFirst)];
    const quarters = consistencyByQuarter(answers, panel, ids, period);
    expect(quarters.map((q) => q.quarter)).toEqual(['2026-Q2', '2026-Q3']);
    expect(quarters[0]!.figure.n).toBe(5);
    expect(quarters[0]!.figure.value!.decisionAlpha.value).toBeCloseTo(0.5625, 10);
    expect(quarters[1]!.figure).toEqual({ n: 1, value: null, suppressed: true });
  });

  it('is given per calibration round that ended in the period, over that round’s answers only', () => {
    const rounds = [
      { roundId: 'later', endsAt: Date.parse('2026-08-01T16:00:00Z'), vignetteIds: ids },
      { roundId: 'spring', endsAt: Date.parse('2026-05-20T16:00:00Z'), vignetteIds: ids },
      { roundId: 'last-year', endsAt: Date.parse('2025-11-01T16:00:00Z'), vignetteIds: ids },
    ];
    const answers = [...fivePeople(may, 'spring'), ...fivePeople(may, null), answer('a', 'v1', 'strategy-discussion', may, 'later')];
    const byRound = consistencyByRound(rounds, answers, panel, period);
    expect(byRound.map((r) => r.roundId)).toEqual(['spring', 'later']);
    expect(byRound[0]!.figure.value!.decisionAlpha.value).toBeCloseTo(0.5625, 10);
    expect(byRound[0]!.figure.value!.percentWithPanel).toBeCloseTo(80, 10);
    expect(byRound[1]!.figure).toEqual({ n: 1, value: null, suppressed: true });
  });
});

describe('threshold decision consistency per team', () => {
  it('is measured over the answers each team finished in the period', () => {
    const lastYear = Date.parse('2025-05-10T10:00:00Z');
    // a's later answer after the period would change north's figure if it counted.
    const afterPeriod = Date.parse('2026-11-10T10:00:00Z');
    const teams = [
      { teamId: 'north', answers: [...fivePeople(), answer('a', 'v1', 'no-further-action', afterPeriod)] },
      { teamId: 'south', answers: fivePeople(lastYear) },
    ];
    const [north, south] = consistencyByTeam(teams, panel, ids, period);
    expect(north!.teamId).toBe('north');
    expect(north!.figure.value!.decisionAlpha.value).toBeCloseTo(0.5625, 10);
    expect(south).toEqual({ teamId: 'south', figure: { n: 0, value: null, suppressed: true } });
  });
});

describe('mentor rubric scores over time (level 3)', () => {
  const rubric: Rubric = {
    id: 'practice',
    version: 1,
    workKinds: ['task'],
    defaultFor: [],
    criteria: [
      { id: 'analysis', weight: 2, levels: [{ id: 'developing', score: 1 }, { id: 'secure', score: 3 }] },
      { id: 'voice', weight: 1, levels: [{ id: 'any', range: [0, 4] }] },
    ],
  };
  const review = (personId: string, analysis: string, voice: number | null): RubricReviewRecord => ({
    personId,
    rubric,
    marks: { analysis: { level: analysis }, ...(voice === null ? {} : { voice: { level: 'any', score: voice } }) },
    markedAt: may,
  });

  it('average each criterion’s own (unweighted) score per quarter, suppressing criteria scored for fewer than five people', () => {
    const reviews = [review('p1', 'secure', 4), review('p2', 'secure', 2), review('p3', 'developing', 3), review('p4', 'secure', null), review('p5', 'secure', 1)];
    expect(rubricScoresByQuarter(reviews, period)).toEqual([
      // Analysis: 3, 3, 1, 3, 3 → 2.6.
      { rubricId: 'practice', criterionId: 'analysis', quarter: '2026-Q2', figure: { n: 5, value: 2.6, suppressed: false } },
      { rubricId: 'practice', criterionId: 'analysis', quarter: '2026-Q3', figure: { n: 0, value: null, suppressed: true } },
      // Voice was scored for four people only.
      { rubricId: 'practice', criterionId: 'voice', quarter: '2026-Q2', figure: { n: 4, value: null, suppressed: true } },
      { rubricId: 'practice', criterionId: 'voice', quarter: '2026-Q3', figure: { n: 0, value: null, suppressed: true } },
    ]);
  });
});

describe('supervision actions agreed and completed (level 3)', () => {
  const action = (personId: string, agreedOn: string, doneAt: string | null = null, carried = false): ActionRecord => ({
    personId,
    agreedOn,
    carried,
    doneAt: doneAt === null ? null : Date.parse(doneAt),
  });

  it('count new actions by the date of the session that agreed them and completions by when they were marked done', () => {
    const actions = [
      action('p1', '2026-04-10', '2026-05-01T09:00:00Z'),
      action('p2', '2026-04-20', '2026-07-01T10:00:00Z'),
      action('p3', '2026-05-05', null, true), // a carried copy: agreed earlier, not again
      action('p3', '2026-03-20', '2026-04-02T09:00:00Z'), // agreed before the period, completed in it
      action('p4', '2026-06-30'),
      action('p5', '2026-06-01'),
      action('p6', '2026-08-01'),
    ];
    expect(actionsByQuarter(actions, period)).toEqual([
      { quarter: '2026-Q2', figure: { n: 5, value: { agreed: 4, completed: 2 }, suppressed: false } },
      { quarter: '2026-Q3', figure: { n: 2, value: null, suppressed: true } },
    ]);
  });
});

describe('share of staff with a 1:1 session in the last 8 weeks (level 3)', () => {
  const quarter = { from: '2026-04-01', to: '2026-06-30' };
  const session = (menteeId: string | null, date: string, state: OneToOneSession['state'] = 'recorded', kind: OneToOneSession['kind'] = 'one-to-one'): OneToOneSession => ({ menteeId, date, state, kind });

  it('counts staff with a recorded 1:1 session on one of the 56 days ending with the period’s last day', () => {
    const staff = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const sessions = [
      session('s1', '2026-05-06'), // the first day of the 8 weeks
      session('s2', '2026-05-05'), // one day too early
      session('s2', '2026-07-05', 'planned'), // after the period
      session('s3', '2026-06-30'),
      session(null, '2026-06-01', 'recorded', 'group'), // s4 at a group session only
      session('s5', '2026-06-01', 'cancelled'),
      session('s6', '2026-06-10'),
      session('s6', '2026-06-24'),
      session('someone-else', '2026-06-10'),
    ];
    expect(oneToOneShare(staff, sessions, quarter)).toEqual({ n: 6, value: { withSession: 3, percent: 50 }, suppressed: false });
  });

  it('is suppressed for fewer than five staff', () => {
    expect(oneToOneShare(['s1', 's2', 's3', 's4'], [session('s1', '2026-06-01')], quarter)).toEqual({ n: 4, value: null, suppressed: true });
  });
});
