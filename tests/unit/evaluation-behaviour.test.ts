import { describe, expect, it } from 'vitest';
import {
  actionsByQuarter,
  consistencyByQuarter,
  consistencyByRound,
  consistencyByTeam,
  decisionConsistency,
  thresholdConsistency,
  oneToOneShare,
  oneToOneWindow,
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

describe('threshold consistency of a whole organisation in one pass', () => {
  // A seeded crowd: 40 people in three teams, several answers each across the period and a round,
  // some repeated (the latest counts), some outside the period, some to a situation with no panel answer.
  const crowd = () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const decisions: Decision[] = ['strategy-discussion', 'care-and-support-assessment', 'information-and-advice', 'no-further-action'];
    const likelihoods: Likelihood[] = ['unlikely', 'possible', 'likely'];
    const people = Array.from({ length: 40 }, (_, i) => {
      const answers: RoundAnswer[] = Array.from({ length: 9 }, (_, k) => ({
        personId: `p${i}`,
        vignetteId: ['v1', 'v2', 'v3', 'v-no-panel'][Math.floor(random() * 4)]!,
        decision: decisions[Math.floor(random() * decisions.length)]!,
        likelihood: likelihoods[Math.floor(random() * likelihoods.length)]!,
        completedAt: Date.parse('2026-02-01T09:00:00Z') + Math.floor(random() * 300) * 86_400_000 + k,
        roundId: random() < 0.3 ? 'spring' : null,
      }));
      return { personId: `p${i}`, teamIds: i % 7 === 0 ? ['north', 'south'] : [['north', 'south', 'west'][i % 3]!], answers };
    });
    return people;
  };
  const rounds = [{ roundId: 'spring', endsAt: Date.parse('2026-06-01T16:00:00Z'), vignetteIds: ['v1', 'v2'] }];

  it('gives exactly the figures of the per-quarter, per-round and per-team functions', () => {
    const people = crowd();
    const all = people.flatMap((p) => p.answers);
    const inPeriod = all.filter((a) => a.completedAt >= Date.parse('2026-03-31T23:00:00Z'));
    const teamIds = ['north', 'south', 'west'];
    const result = thresholdConsistency(people, { panel, vignetteIds: ids, period, rounds, teamIds });
    expect(result.byQuarter).toEqual(consistencyByQuarter(inPeriod, panel, ids, period));
    expect(result.byRound).toEqual(consistencyByRound(rounds, all, panel, period));
    const teams = teamIds.map((teamId) => ({ teamId, answers: people.filter((p) => p.teamIds.includes(teamId)).flatMap((p) => p.answers) }));
    expect(result.byTeam).toEqual(consistencyByTeam(teams, panel, ids, period));
    // The crowd is big enough that the figures are shown, so the comparison is about numbers, not suppression.
    expect(result.byQuarter.some((q) => q.figure.value !== null)).toBe(true);
    expect(result.byTeam.every((t) => t.figure.value !== null)).toBe(true);
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
    expect(oneToOneShare(staff, sessions, quarter, '2026-12-06')).toEqual({ n: 6, value: { withSession: 3, percent: 50 }, suppressed: false });
  });

  it('ends the 8 weeks on the period’s last day when the period is past', () => {
    expect(oneToOneWindow(quarter, '2026-12-06')).toEqual({ from: '2026-05-06', to: '2026-06-30' });
  });

  it('ends the 8 weeks today while the period has not ended, so weeks still to come do not lower the share', () => {
    const year = { from: '2026-01-01', to: '2026-12-31' };
    expect(oneToOneWindow(year, '2026-12-06')).toEqual({ from: '2026-10-12', to: '2026-12-06' });
    const staff = ['s1', 's2', 's3', 's4', 's5'];
    const sessions = [
      session('s1', '2026-10-12'), // the first day of the 8 weeks up to today
      session('s2', '2026-10-11'), // one day too early
      session('s3', '2026-11-20'),
      session('s4', '2026-12-06'),
      session('s5', '2026-12-20', 'planned'), // still to come
    ];
    expect(oneToOneShare(staff, sessions, year, '2026-12-06')).toEqual({ n: 5, value: { withSession: 3, percent: 60 }, suppressed: false });
  });

  it('is suppressed for fewer than five staff', () => {
    expect(oneToOneShare(['s1', 's2', 's3', 's4'], [session('s1', '2026-06-01')], quarter, '2026-12-06')).toEqual({ n: 4, value: null, suppressed: true });
  });
});
