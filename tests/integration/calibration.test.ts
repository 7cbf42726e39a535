import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/domain/thresholds/thresholds.ts';
import { closeRound, eligibleParticipants, listRounds, openRound, roundFor, roundResults, roundState, startRoundAttempt } from '../../src/server/thresholds/calibration.ts';
import { applyAttemptEvent } from '../../src/server/thresholds/threshold-practice.ts';
import { fixtureVignette } from '../fixtures/vignette.ts';
import { scopeOf } from '../support/scope.ts';
import { freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const vignette = fixtureVignette();
const scopeAs = (id: string) => scopeOf(database.db, id);
const today = new Date().toISOString().slice(0, 10);
const later = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const mentees = ['demo-p01', 'demo-p02', 'demo-p04', 'demo-p07', 'demo-p08'];
const assessment: Assessment = {
  needs: { developmentalNeeds: 'partly', parentingCapacity: 'partly', familyAndEnvironment: 'meets' },
  childNeedsMet: 'partly', levelOfHarm: 'serious', kindsOfHarm: ['neglect'], likelihood: 'likely', significant: 'yes', decision: 'strategy-discussion', followUp: [], summary: 'A pattern.',
};

async function answer(personId: string, roundId: string) {
  const person = await scopeAs(personId);
  const access = (await roundFor(person, roundId))!;
  const started = await startRoundAttempt(person, access, vignette);
  if (!started.ok) throw new Error(started.reason);
  const steps = [{ type: 'SCREEN', screening: { answer: 'yes', reason: 'Because.' } }, { type: 'REVEAL_NEXT' }, { type: 'START_ASSESSMENT' }, { type: 'SUBMIT_ASSESSMENT', assessment }] as const;
  for (const [revision, event] of steps.entries()) {
    const result = await applyAttemptEvent(await scopeAs(personId), { attemptId: started.attemptId, revision, event, vignette });
    if (!result.ok) throw new Error(result.reason);
  }
  return started.attemptId;
}

describe('calibration rounds', () => {
  it('let a mentor invite only their own mentees', async () => {
    const mentor = await scopeAs('demo-mentor');
    expect((await eligibleParticipants(mentor)).map((p) => p.id).sort()).toEqual(['demo-learner', ...mentees].sort());
    const refused = await openRound(mentor, { title: 'Round', vignetteIds: [vignette.id], participantIds: ['demo-p01', 'demo-p15'], opens: today, closes: later }, [vignette]);
    expect(refused).toEqual({ ok: false, errors: { participantIds: { key: 'errors.invalidChoice' } } });
  });

  it('hide results until the round closes, then show group figures to all and answers to the organiser', async () => {
    const mentor = await scopeAs('demo-mentor');
    const opened = await openRound(mentor, { title: 'Autumn round', vignetteIds: [vignette.id], participantIds: mentees, opens: today, closes: later }, [vignette]);
    if (!opened.ok) throw new Error('not opened');
    for (const person of mentees) await answer(person, opened.id);

    const organiser = (await roundFor(mentor, opened.id))!;
    const p01 = await scopeAs('demo-p01');
    const participant = (await roundFor(p01, opened.id))!;
    expect(roundState(organiser.round)).toBe('open');
    expect(await roundResults(mentor, organiser, [vignette])).toBeNull();
    expect(await roundResults(p01, participant, [vignette])).toBeNull();

    expect(await closeRound(p01, participant)).toBe(false); // only the organiser closes it
    expect(await closeRound(mentor, organiser)).toBe(true);
    const closed = (await roundFor(mentor, opened.id))!;
    const forOrganiser = await roundResults(mentor, closed, [vignette]);
    expect(forOrganiser?.report).toMatchObject({ enough: true, respondents: 5, percentWithPanel: 100 });
    expect(forOrganiser?.individual.map((a) => a.personId).sort()).toEqual([...mentees].sort());
    const p02 = await scopeAs('demo-p02');
    const forParticipant = await roundResults(p02, (await roundFor(p02, opened.id))!, [vignette]);
    expect(forParticipant?.report).toMatchObject({ enough: true });
    expect(forParticipant?.individual).toEqual([]);
  });

  it('refuse answers, and new attempts, once the round has closed', async () => {
    const mentor = await scopeAs('demo-mentor');
    const opened = await openRound(mentor, { title: 'Short round', vignetteIds: [vignette.id], participantIds: mentees, opens: today, closes: later }, [vignette]);
    if (!opened.ok) throw new Error('not opened');
    const person = await scopeAs('demo-p01');
    const started = await startRoundAttempt(person, (await roundFor(person, opened.id))!, vignette);
    if (!started.ok) throw new Error('not started');
    await closeRound(mentor, (await roundFor(mentor, opened.id))!);
    const late = await applyAttemptEvent(await scopeAs('demo-p01'), { attemptId: started.attemptId, revision: 0, event: { type: 'SCREEN', screening: { answer: 'no', reason: 'Late.' } }, vignette });
    expect(late).toEqual({ ok: false, reason: 'round-closed' });
    expect(await startRoundAttempt(await scopeAs('demo-p02'), (await roundFor(await scopeAs('demo-p02'), opened.id))!, vignette)).toEqual({ ok: false, reason: 'round-closed' });
  });

  it('are invisible to people outside them, and to other organisations', async () => {
    const mentor = await scopeAs('demo-mentor');
    const opened = await openRound(mentor, { title: 'Private round', vignetteIds: [vignette.id], participantIds: mentees, opens: today, closes: later }, [vignette]);
    if (!opened.ok) throw new Error('not opened');
    expect(await roundFor(await scopeAs('demo-p15'), opened.id)).toBeNull();
    expect(await roundFor(await scopeAs('demo-other-admin'), opened.id)).toBeNull();
    expect(await listRounds(await scopeAs('demo-p15'))).toEqual([]);
    expect((await listRounds(await scopeAs('demo-p01'))).map((r) => r.id)).toEqual([opened.id]);
  });

  it('need a closing date after the opening date', async () => {
    const result = await openRound(await scopeAs('demo-mentor'), { title: 'Backwards', vignetteIds: [vignette.id], participantIds: mentees, opens: later, closes: today }, [vignette]);
    expect(result).toEqual({ ok: false, errors: { closes: { key: 'rounds.errorDates' } } });
  });
});
