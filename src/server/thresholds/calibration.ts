import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { calibrationRounds, mentorLinks, people, roundParticipants, teamMemberships, thresholdAttempts } from '../../../db/schema/index.ts';
import type { Vignette } from '../../content/schemas.ts';
import { consistencyReport, MIN_RESPONDENTS, type ThresholdAnswer } from '../../domain/thresholds/consistency.ts';
import type { Decision, Likelihood } from '../../domain/thresholds/thresholds.ts';
import { recordAudit } from '../audit/index.ts';
import { newId } from '../platform/index.ts';
import { fields, type FieldErrors } from '../platform/index.ts';
import { roundState } from '../../domain/thresholds/calibration.ts';
import { hasRole, mayInOrganisation } from '../access/index.ts';
import type { Scope, Viewer } from '../people/index.ts';
import { startAttempt } from './threshold-practice.ts';

export type CalibrationRound = typeof calibrationRounds.$inferSelect;
export { roundEndsAt, roundState, type RoundState } from '../../domain/thresholds/calibration.ts';

const DAY_MS = 86_400_000;

/** Practice mentors, team managers and administrators may open calibration rounds (see the policy module). */
export function mayOpenRounds(viewer: Viewer): boolean {
  return mayInOrganisation(viewer, 'rounds.open');
}

/** Who a person may invite: a mentor's mentees, a manager's teams, anyone active for an admin. */
export async function eligibleParticipants(scope: Scope) {
  const { db, viewer } = scope;
  const active = and(eq(people.organisationId, viewer.organisationId), eq(people.status, 'active'));
  if (hasRole(viewer, 'admin')) return db.select({ id: people.id, name: people.name }).from(people).where(active).orderBy(asc(people.name));
  const scopes = [];
  if (hasRole(viewer, 'mentor')) scopes.push(inArray(people.id, db.select({ id: mentorLinks.menteeId }).from(mentorLinks).where(eq(mentorLinks.mentorId, viewer.id))));
  if (hasRole(viewer, 'manager') && viewer.managedTeamIds.length) scopes.push(inArray(people.id, db.select({ id: teamMemberships.personId }).from(teamMemberships).where(inArray(teamMemberships.teamId, [...viewer.managedTeamIds]))));
  if (!scopes.length) return [];
  return db.select({ id: people.id, name: people.name }).from(people).where(and(active, or(...scopes))).orderBy(asc(people.name));
}

const dateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'errors.invalidChoice' });
export const roundSchema = z.object({
  title: fields.requiredText(200),
  vignetteIds: z.array(z.string().max(100)).min(1, { error: 'rounds.errorVignettes' }),
  // Results are shown only from MIN_RESPONDENTS people, so a smaller round could never show any.
  participantIds: z.array(z.string().max(64)).min(MIN_RESPONDENTS, { error: 'rounds.errorParticipants' }),
  opens: dateField,
  closes: dateField,
});

/** Opens a round: dates are whole days (opening at the start of the first, closing at the end of the last). */
export async function openRound(scope: Scope, input: z.infer<typeof roundSchema>, vignettes: readonly Vignette[]): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  const { db, viewer } = scope;
  const now = scope.now.getTime();
  const errors: FieldErrors = {};
  const known = new Set(vignettes.map((v) => v.id));
  if (input.vignetteIds.some((id) => !known.has(id))) errors.vignetteIds = { key: 'errors.invalidChoice' };
  const eligible = new Set((await eligibleParticipants(scope)).map((p) => p.id));
  if (input.participantIds.some((id) => !eligible.has(id))) errors.participantIds = { key: 'errors.invalidChoice' };
  const opensAt = Date.parse(`${input.opens}T00:00:00Z`);
  const closesAt = Date.parse(`${input.closes}T00:00:00Z`) + DAY_MS - 1;
  if (Number.isNaN(opensAt)) errors.opens = { key: 'errors.invalidChoice' };
  if (Number.isNaN(closesAt) || closesAt <= opensAt) errors.closes = { key: 'rounds.errorDates' };
  else if (closesAt < now) errors.closes = { key: 'rounds.errorPast' };
  if (Object.keys(errors).length) return { ok: false, errors };
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.insert(calibrationRounds).values({ id, organisationId: viewer.organisationId, createdBy: viewer.id, title: input.title, vignetteIds: [...new Set(input.vignetteIds)], opensAt, closesAt, createdAt: now });
    await tx.insert(roundParticipants).values([...new Set(input.participantIds)].map((personId) => ({ roundId: id, personId })));
  });
  return { ok: true, id };
}

/** Rounds a person organises (all of the organisation's, for an admin) or takes part in. */
export async function listRounds(scope: Scope) {
  const { db, viewer } = scope;
  const participating = db.select({ id: roundParticipants.roundId }).from(roundParticipants).where(eq(roundParticipants.personId, viewer.id));
  const mine = hasRole(viewer, 'admin') ? eq(calibrationRounds.organisationId, viewer.organisationId) : eq(calibrationRounds.createdBy, viewer.id);
  return db
    .select()
    .from(calibrationRounds)
    .where(and(eq(calibrationRounds.organisationId, viewer.organisationId), or(mine, inArray(calibrationRounds.id, participating))))
    .orderBy(desc(calibrationRounds.opensAt));
}

export type RoundAccess = { round: CalibrationRound; organiser: boolean; participant: boolean; participantIds: string[] };

/** A round and the viewer's relation to it, or null when they have none (it then looks like no round). */
export async function roundFor(scope: Scope, roundId: string): Promise<RoundAccess | null> {
  const { db, viewer } = scope;
  const [round] = await db.select().from(calibrationRounds).where(and(eq(calibrationRounds.id, roundId), eq(calibrationRounds.organisationId, viewer.organisationId)));
  if (!round) return null;
  const participantIds = (await db.select({ id: roundParticipants.personId }).from(roundParticipants).where(eq(roundParticipants.roundId, roundId))).map((r) => r.id);
  const organiser = round.createdBy === viewer.id || hasRole(viewer, 'admin');
  const participant = participantIds.includes(viewer.id);
  return organiser || participant ? { round, organiser, participant, participantIds } : null;
}

/** Starts (or returns the unfinished) attempt of a participant at a vignette of an open round. */
export async function startRoundAttempt(scope: Scope, access: RoundAccess, vignette: Vignette): Promise<{ ok: true; attemptId: string } | { ok: false; reason: 'round-closed' | 'not-allowed' }> {
  const { db, viewer } = scope;
  const now = scope.now.getTime();
  if (!access.participant || !access.round.vignetteIds.includes(vignette.id)) return { ok: false, reason: 'not-allowed' };
  if (roundState(access.round, now) !== 'open') return { ok: false, reason: 'round-closed' };
  const [existing] = await db
    .select({ id: thresholdAttempts.id })
    .from(thresholdAttempts)
    .where(and(eq(thresholdAttempts.roundId, access.round.id), eq(thresholdAttempts.personId, viewer.id), eq(thresholdAttempts.vignetteId, vignette.id)));
  if (existing) return { ok: true, attemptId: existing.id };
  return { ok: true, attemptId: await startAttempt(scope, { vignette, roundId: access.round.id }) };
}

/** Closes a round early, if the viewer organises it and it is not closed already. */
export async function closeRound(scope: Scope, access: RoundAccess): Promise<boolean> {
  const { db } = scope;
  const now = scope.now.getTime();
  if (!access.organiser || roundState(access.round, now) === 'closed') return false;
  await db.update(calibrationRounds).set({ closedAt: now }).where(eq(calibrationRounds.id, access.round.id));
  return true;
}

/** The round's attempts: who has finished what (for progress while open; answers once closed). */
export async function roundAttempts(scope: Scope, roundId: string) {
  const { db } = scope;
  return db
    .select({ personId: thresholdAttempts.personId, name: people.name, vignetteId: thresholdAttempts.vignetteId, status: thresholdAttempts.status, decision: thresholdAttempts.decision, likelihood: thresholdAttempts.likelihood, completedAt: thresholdAttempts.completedAt })
    .from(thresholdAttempts)
    .innerJoin(people, eq(people.id, thresholdAttempts.personId))
    .where(and(eq(thresholdAttempts.roundId, roundId), eq(thresholdAttempts.organisationId, scope.organisationId)))
    .orderBy(asc(people.name));
}

/**
 * Results, revealed only once the round has closed so that nobody anchors on others: the group
 * figures for everyone in the round, and individual answers for the organiser.
 */
export async function roundResults(scope: Scope, access: RoundAccess, vignettes: readonly Vignette[]) {
  const now = scope.now.getTime();
  if (roundState(access.round, now) !== 'closed') return null;
  const inRound = vignettes.filter((v) => access.round.vignetteIds.includes(v.id));
  type Answered = Awaited<ReturnType<typeof roundAttempts>>[number] & { decision: Decision; likelihood: Likelihood; completedAt: number };
  const attempts = (await roundAttempts(scope, access.round.id)).filter((a): a is Answered => a.status === 'complete' && !!a.decision && !!a.likelihood && !!a.completedAt);
  const answers: ThresholdAnswer[] = attempts.map((a) => ({ personId: a.personId, vignetteId: a.vignetteId, decision: a.decision, likelihood: a.likelihood, completedAt: a.completedAt }));
  const panel = new Map(inRound.map((v) => [v.id, { decision: v.panel.decision.answer, likelihood: v.panel.likelihood.answer }]));
  const individual = attempts.map((a) => ({ ...a, agreesWithPanel: a.decision === panel.get(a.vignetteId)?.decision }));
  return { report: consistencyReport(answers, panel, inRound.map((v) => v.id)), individual: access.organiser ? individual : [] };
}

/** Records that someone exported a round's results. */
export async function auditRoundExport(scope: Scope, roundId: string, rows: number, ip: string) {
  const { db, viewer } = scope;
  await recordAudit(db, { organisationId: viewer.organisationId, actorId: viewer.id, action: 'export.created', detail: { export: 'calibration-round', roundId, rows }, ip }, scope.now.getTime());
}
