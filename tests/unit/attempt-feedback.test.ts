import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { attemptFeedback } from '../../src/server/thresholds/attempt-feedback.ts';
import type { Assessment } from '../../src/domain/thresholds/thresholds.ts';
import { fixtureVignette } from '../fixtures/vignette.ts';

const t = translator('en');
const assessment: Assessment = {
  needs: { developmentalNeeds: 'does-not-meet', parentingCapacity: 'partly', familyAndEnvironment: 'meets' },
  childNeedsMet: 'does-not-meet',
  levelOfHarm: 'moderate',
  kindsOfHarm: ['neglect', 'emotional'],
  likelihood: 'likely',
  significant: 'yes',
  decision: 'strategy-discussion',
  followUp: [],
  summary: 'Neglect over months.',
};

describe('the feedback table of a completed threshold exercise', () => {
  const feedback = attemptFeedback(fixtureVignette(), { answer: 'yes', reason: 'Now.' }, assessment, t, 'en');

  it('has one row per judgement, screening first and decision last', () => {
    expect(feedback.rows.map((r) => r.judgement)).toEqual([
      t('practice.screeningQuestion'),
      t('practice.domain.developmentalNeeds'),
      t('practice.domain.parentingCapacity'),
      t('practice.domain.familyAndEnvironment'),
      t('practice.childNeedsMet'),
      t('practice.levelOfHarm'),
      t('practice.kindsOfHarm'),
      t('practice.likelihood'),
      t('practice.significant'),
      t('practice.decision'),
    ]);
  });

  it('puts the learner’s answer beside the panel’s, with the agreement in words', () => {
    expect(feedback.rows[0]).toMatchObject({ yours: t('practice.screening.yes'), panel: t('practice.screening.need-more-information'), agreement: t('practice.agreement.different') });
    expect(feedback.rows[3]).toMatchObject({ yours: t('practice.needs.meets'), panel: t('practice.needs.partly'), agreement: t('practice.agreement.one-step') });
    expect(feedback.rows[9]).toMatchObject({ yours: t('practice.decision.strategy-discussion'), agreement: t('practice.agreement.exact') });
  });

  it('lists kinds of harm in words and names the ones added beyond the panel’s', () => {
    expect(feedback.rows[6]!.yours).toBe(`${t('practice.kind.neglect')}, ${t('practice.kind.emotional')}`);
    expect(feedback).toMatchObject({ missed: [], added: ['emotional'] });
  });
});
