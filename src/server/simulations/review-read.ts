// Reading a mentee's simulation attempt for review. The "own" readers in simulations.ts stay
// strict (viewer = learner); these ask the caller's policy check before anything is returned.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { ownResponseCodes, simulationAttempts, simulationOwnResponses, submissions } from '../../../db/schema/index.ts';
import { authoritativeCodes, selfMentorAgreement } from '../../domain/mentoring/index.ts';
import { toMiCode, type MiCode } from '../../domain/simulations/index.ts';
import type { TranscriptEntry } from '../../machines/simulations/conversation.machine.ts';
import type { Scope } from '../people/index.ts';
import type { SimulationAttempt } from './simulations.ts';

/** One response the learner wrote in their own words: their self-code, and the mentor's code once coded. */
export type OwnWordsResponse = { id: string; turnId: string; text: string; selfCode: string; mentorCode: MiCode | null };

/** A mentee's attempt as their reviewer reads it: the attempt (transcript and debrief come from it) and its own words. */
export type ReviewAttempt = { attempt: SimulationAttempt; ownResponses: OwnWordsResponse[] };

/** How a debrief counts a transcript once a mentor has coded some of its own-words responses. */
export type DebriefCoding = {
  /** Per transcript entry, the own-words response it is (null for a scripted option). */
  entries: (OwnWordsResponse | null)[];
  /** The codes the MITI figures count: the mentor's for each own-words response they coded. */
  codes: MiCode[];
  /** Whether any mentor code is counted (the figures are then the mentor-coded ones). */
  mentorCoded: boolean;
  agreement: { n: number; percent: number | null; kappa: number | null };
};


async function ownWordsOf(scope: Scope, attemptId: string, withMentorCodes: boolean): Promise<OwnWordsResponse[]> {
  const rows = await scope.db
    .select({ id: simulationOwnResponses.id, turnId: simulationOwnResponses.turnId, text: simulationOwnResponses.text, selfCode: simulationOwnResponses.code, mentorCode: ownResponseCodes.code })
    .from(simulationOwnResponses)
    .leftJoin(ownResponseCodes, eq(ownResponseCodes.responseId, simulationOwnResponses.id))
    .where(eq(simulationOwnResponses.attemptId, attemptId))
    // Insertion order breaks ties: two responses can share a millisecond.
    .orderBy(asc(simulationOwnResponses.createdAt), asc(sql`${simulationOwnResponses}.rowid`));
  return rows.map((r) => ({ ...r, mentorCode: withMentorCodes ? r.mentorCode : null }));
}

/** Learner-vs-mentor agreement over the own-words responses the mentor coded. */
export function ownWordsAgreement(responses: readonly OwnWordsResponse[]): DebriefCoding['agreement'] {
  return selfMentorAgreement(responses.flatMap((r) => { const self = toMiCode(r.selfCode); return r.mentorCode && self ? [{ self, mentor: r.mentorCode }] : []; }));
}

/**
 * Lines a transcript up with its stored own-words responses (each own-words entry takes the
 * earliest unused response on its turn) and gives the codes the figures count: the mentor's where coded.
 */
export function debriefCoding(transcript: readonly TranscriptEntry[], responses: readonly OwnWordsResponse[]): DebriefCoding {
  const used = new Set<string>();
  const entries = transcript.map((entry) => {
    if (!entry.own) return null;
    const response = responses.find((r) => r.turnId === entry.turn && !used.has(r.id)) ?? null;
    if (response) used.add(response.id);
    return response;
  });
  const mentorCodes = new Map(entries.flatMap((r) => (r?.mentorCode ? [[r.id, r.mentorCode] as const] : [])));
  const codes = authoritativeCodes(transcript.map((entry, i) => ({ id: entries[i]?.id ?? `entry-${i}`, code: entry.code, own: entry.own !== null })), mentorCodes);
  return { entries, codes, mentorCoded: mentorCodes.size > 0, agreement: ownWordsAgreement(responses) };
}

/**
 * A finished attempt for someone reviewing it: `may` is asked with the attempt's learner and
 * decides (the caller's policy check, e.g. through the submission); null when it refuses or the
 * attempt is not in the viewer's organisation, which the page shows as 404.
 */
export async function attemptForReview(scope: Scope, attemptId: string, may: (ownerId: string) => boolean): Promise<ReviewAttempt | null> {
  const [attempt] = await scope.db
    .select()
    .from(simulationAttempts)
    .where(and(eq(simulationAttempts.id, attemptId), eq(simulationAttempts.organisationId, scope.organisationId)));
  if (!attempt || !may(attempt.personId)) return null;
  return { attempt, ownResponses: await ownWordsOf(scope, attempt.id, true) };
}

/**
 * The viewer's own-words responses on their own attempt, for its debrief: the mentor's codes are
 * included only once feedback on a submission of this attempt has been released to them.
 */
export async function ownAttemptCoding(scope: Scope, attemptId: string): Promise<OwnWordsResponse[]> {
  const [attempt] = await scope.db
    .select({ id: simulationAttempts.id })
    .from(simulationAttempts)
    .where(and(eq(simulationAttempts.id, attemptId), eq(simulationAttempts.personId, scope.viewer.id)));
  if (!attempt) return [];
  const released = await scope.db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.workKind, 'simulation'), eq(submissions.workId, attempt.id), eq(submissions.menteeId, scope.viewer.id), isNotNull(submissions.releasedAt)))
    .limit(1);
  return ownWordsOf(scope, attempt.id, released.length > 0);
}
