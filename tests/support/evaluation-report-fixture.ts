// A report's data built by hand for the model and component tests: one programme's reactions, a partial quarter, a calibration round.
import {
  actionsByQuarter,
  mitiFirstAndLatest,
  oneToOneShare,
  reactionsByProgramme,
  type DecisionConsistency,
  type Figure,
} from '../../src/domain/evaluation/index.ts';
import type { EvaluationLevels, EvaluationReportData, ReportScopeOption } from '../../src/server/evaluation/index.ts';

// The default period starts mid-quarter: 15 August 2025 to 31 December 2025.
export const PERIOD = { from: '2025-08-15', to: '2025-12-31' };
const GIVEN = Date.UTC(2025, 9, 10, 12);
const RATINGS = [1, 2, 4, 4, 5, 5];

const consistency = (over: Partial<DecisionConsistency> = {}): Figure<DecisionConsistency> => ({
  n: 6,
  suppressed: false,
  value: {
    decisionAlpha: { value: 0.7, reason: null, reading: 'reading.substantial' },
    likelihoodAlpha: { value: null, reason: 'no-variation', reading: 'reading.undefined' },
    decisionKappa: { n: 5, suppressed: false, value: { value: null, reason: 'no-variation', reading: 'reading.undefined' } },
    percentWithPanel: 80,
    ...over,
  },
});

export function levels(): EvaluationLevels {
  const staff = ['a', 'b', 'c', 'd', 'e'];
  return {
    reaction: {
      programmes: reactionsByProgramme(
        RATINGS.map((rating, i) => ({ personId: `p${i}`, programmeId: 'ecp', usefulness: rating, relevance: 3, confidence: 4, givenAt: GIVEN })),
        PERIOD,
      ),
      comments: [{ programmeId: 'ecp', text: 'More role play, please.' }],
    },
    learning: {
      firstAttempts: [{ moduleId: 'm1', figure: { n: 5, suppressed: false, value: { mean: 72, median: 75, distribution: [0, 0, 0, 0, 0, 0, 1, 2, 2, 0] } } }],
      confidence: [
        {
          programmeId: 'ecp',
          figure: { n: 5, suppressed: false, value: { change: { n: 5, meanBefore: 4.2, meanAfter: 6.1, meanDifference: 1.9, sdDifference: 1, ci95: [1.2, 2.6], effectSizeDz: null, wilcoxon: null }, reading: null } },
        },
      ],
      miti: mitiFirstAndLatest([], PERIOD),
    },
    behaviour: {
      byQuarter: [
        { quarter: '2025-Q3', figure: consistency() },
        { quarter: '2025-Q4', figure: { n: 2, suppressed: true, value: null } },
      ],
      byRound: [{ roundId: 'round-1', endsAt: GIVEN, figure: consistency({ decisionAlpha: { value: 0.55, reason: null, reading: 'reading.moderate' } }) }],
      rubricScores: [],
      actions: actionsByQuarter([], PERIOD),
      oneToOne: oneToOneShare(staff, staff.slice(0, 3).map((menteeId) => ({ menteeId, kind: 'one-to-one', state: 'recorded', date: '2025-12-01' })), PERIOD, PERIOD.to),
    },
    recommendations: [{ rule: 'team-decision-agreement-low', teamId: 't1', figures: { alpha: 0.6665, raters: 6 } }],
  };
}

export function data(kind: ReportScopeOption['kind'] = 'organisation'): EvaluationReportData {
  return {
    period: PERIOD,
    periodErrors: {},
    chosen: { key: kind === 'programme' ? 'programme:ecp' : 'organisation', kind, id: kind === 'programme' ? 'ecp' : null, name: 'Effective Child Protection', teamIds: [] },
    levels: levels(),
    computedAt: GIVEN,
    results: { quarters: [], phases: [] },
    notes: { current: null, earlier: [] },
    comparison: null,
    names: new Map([
      ['ecp', 'Effective Child Protection'],
      ['m1', 'Module one'],
      ['round-1', 'Autumn calibration'],
      ['t1', 'Team one'],
    ]),
  };
}

