import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/domain/thresholds/thresholds.ts';
import { closeRound, eligibleParticipants, listRounds, openRound, roundFor, roundResults, roundState, startRoundAttempt } from '../../src/server/thresholds/calibration.ts';
import { loadViewer } from '../../src/server/people/people-repo.ts';
import { applyAttemptEvent } from '../../src/server/thresholds/threshold-practice.ts';
import { fixtureVignette } from '../fixtures/vignette.ts';
import { freshDatabase } from './support.ts';

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

const vignette = fixtureVignette();
const viewer = async (id: string) => (await loadViewer(database.db, id))!;
const today = new Date().toISOString().slice(0, 10);
const later = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const mentees = ['demo-p01', 'demo-p02', 'demo-p04', 'demo-p07', 'demo-p08'];
const assessment: Assessment = {
  needs: { developmentalNeeds: 'partly', parentingCapacity: 'partly', familyAndEnvironment: 'meets' },
  childNeedsMet: 'partly', levelOfHarm: 'serious', kindsOfHarm: ['neglect'], likelihood: 'likely', significant: 'yes', decision: 'strategy-discussion', followUp: [], summary: 'A pattern.',
};

async function answer(personId: string, roundId: string) {
  const person = await viewer(personId);
  const access = (await roundFor(database.db, person, roundId))!;
  const started = await startRoundAttempt(database.db, person, access, vignette);
  if (!started.ok) throw new Error(started.reason);
  const steps = [{ type: 'SCREEN', screening: { answer: 'yes', reason: 'Because.' } }, { type: 'REVEAL_NEXT' }, { type: 'START_ASSESSMENT' }, { type: 'SUBMIT_ASSESSMENT', assessment }] as const;
  for (const [revision, event] of steps.entries()) {
    const result = await applyAttemptEvent(database.db, { personId, attemptId: started.attemptId, revision, event, vignette });
    if (!result.ok) throw new Error(result.reason);
  }
  return started.attemptId;
}

describe('calibration rounds', () => {
  it('let a mentor invite only their own mentees', async () => {
    const mentor = await viewer('demo-mentor');
    expect((await eligibleParticipants(database.db, mentor)).map((p) => p.id).sort()).toEqual(['demo-learner', ...mentees].sort());
    const refused = await openRound(database.db, mentor, { title: 'Round', vignetteIds: [vignette.id], participantIds: ['demo-p01', 'demo-p15'], opens: today, closes: later }, [vignette]);
    expect(refused).toEqual({ ok: false, errors: { participantIds: { key: 'errors.invalidChoice' } } });
  });

  it('hide results until the round closes, then show group figures to all and answers to the organiser', async () => {
    const mentor = await viewer('demo-mentor');
    const opened = await openRound(database.db, mentor, { title: 'Autumn round', vignetteIds: [vignette.id], participantIds: mentees, opens: today, closes: later }, [vignette]);
    if (!opened.ok) throw new Error('not opened');
    for (const person of mentees) await answer(person, opened.id);

    const organiser = (await roundFor(database.db, mentor, opened.id))!;
    const participant = (await roundFor(database.db, await viewer('demo-p01'), opened.id))!;
    expect(roundState(organiser.round)).toBe('open');
    expect(await roundResults(database.db, organiser, [vignette])).toBeNull();
    expect(await roundResults(database.db, participant, [vignette])).toBeNull();

    expect(await closeRound(database.db, participant)).toBe(false); // only the organiser closes it
    expect(await closeRound(database.db, organiser)).toBe(true);
    const closed = (await roundFor(database.db, mentor, opened.id))!;
    const forOrganiser = await roundResults(database.db, closed, [vignette]);
    expect(forOrganiser?.report).toMatchObject({ enough: true, respondents: 5, percentWithPanel: 100 });
    expect(forOrganiser?.individual.map((a) => a.personId).sort()).toEqual([...mentees].sort());
    const forParticipant = await roundResults(database.db, (await roundFor(database.db, await viewer('demo-p02'), opened.id))!, [vignette]);
    expect(forParticipant?.report).toMatchObject({ enough: true });
    expect(forParticipant?.individual).toEqual([]);
  });

  it('refuse answers, and new attempts, once the round has closed', async () => {
    const mentor = await viewer('demo-mentor');
    const opened = await openRound(database.db, mentor, { title: 'Short round', vignetteIds: [vignette.id], participantIds: mentees, opens: today, closes: later }, [vignette]);
    if (!opened.ok) throw new Error('not opened');
    const person = await viewer('demo-p01');
    const started = await startRoundAttempt(database.db, person, (await roundFor(database.db, person, opened.id))!, vignette);
    if (!started.ok) throw new Error('not started');
    await closeRound(database.db, (await roundFor(database.db, mentor, opened.id))!);
    const late = await applyAttemptEvent(database.db, { personId: 'demo-p01', attemptId: started.attemptId, revision: 0, event: { type: 'SCREEN', screening: { answer: 'no', reason: 'Late.' } }, vignette });
    expect(late).toEqual({ ok: false, reason: 'round-closed' });
    expect(await startRoundAttempt(database.db, await viewer('demo-p02'), (await roundFor(database.db, await viewer('demo-p02'), opened.id))!, vignette)).toEqual({ ok: false, reason: 'round-closed' });
  });

  it('are invisible to people outside them, and to other organisations', async () => {
    const mentor = await viewer('demo-mentor');
    const opened = await openRound(database.db, mentor, { title: 'Private round', vignetteIds: [vignette.id], participantIds: mentees, opens: today, closes: later }, [vignette]);
    if (!opened.ok) throw new Error('not opened');
    expect(await roundFor(database.db, await viewer('demo-p15'), opened.id)).toBeNull();
    expect(await roundFor(database.db, await viewer('demo-other-admin'), opened.id)).toBeNull();
    expect(await listRounds(database.db, await viewer('demo-p15'))).toEqual([]);
    expect((await listRounds(database.db, await viewer('demo-p01'))).map((r) => r.id)).toEqual([opened.id]);
  });

  it('need a closing date after the opening date', async () => {
    const result = await openRound(database.db, await viewer('demo-mentor'), { title: 'Backwards', vignetteIds: [vignette.id], participantIds: mentees, opens: later, closes: today }, [vignette]);
    expect(result).toEqual({ ok: false, errors: { closes: { key: 'rounds.errorDates' } } });
  });
});
