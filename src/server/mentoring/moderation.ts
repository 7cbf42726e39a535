import { and, asc, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../db/client.ts';
import { markings, people, personRoles, submissions } from '../../../db/schema/index.ts';
import { localePath, nameIn } from '../../domain/common/index.ts';
import { markingsVisibleToEachOther, rubricModeration, type MarkerRole } from '../../domain/mentoring/index.ts';
import { translator } from '../../i18n/index.ts';
import { mayOnSubmission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { sendNotice, type Mailer } from '../mail/index.ts';
import { getOrganisation, type Scope } from '../people/index.ts';
import { newId, type FieldErrors } from '../platform/index.ts';
import { markingsOf, markingView, submissionRow, targetFrom, type MarkingView } from './submission-records.ts';

/** A mentor who could second-mark: active, of the organisation, with the mentor role. */
export type MarkerChoice = { id: string; name: string };

/**
 * The mentors the reviewer may ask to second-mark a submission: active people of the same
 * organisation with the mentor role, neither the reviewer nor the mentee. Empty for anyone who
 * is not the submission's reviewer, or once a second marker has been asked.
 */
export async function secondMarkerChoices(scope: Scope, submissionId: string): Promise<MarkerChoice[]> {
  const s = await submissionRow(scope, submissionId);
  if (!s) return [];
  const marks = await markingsOf(scope, s.id);
  if (!mayOnSubmission(scope.viewer, 'submission.review', targetFrom(s, marks)) || marks.some((m) => m.role === 'second')) return [];
  return scope.db
    .selectDistinct({ id: people.id, name: people.name })
    .from(people)
    .innerJoin(personRoles, and(eq(personRoles.personId, people.id), eq(personRoles.role, 'mentor')))
    .where(and(eq(people.organisationId, scope.organisationId), eq(people.status, 'active'), notInArray(people.id, [scope.viewer.id, s.menteeId])))
    .orderBy(asc(people.name), asc(people.id));
}

export type AskSecondMarkerResult = { ok: true; asked: boolean } | { ok: false; refusal: 'not-found' } | { ok: false; errors: FieldErrors };

/**
 * The reviewer asks another mentor of the organisation to second-mark a submission: an empty
 * second marking is made for them (so it reaches their Review queue) and the request is audited.
 * One second marker per submission; asking the same mentor again changes nothing (`asked` false).
 */
export async function askSecondMarker(scope: Scope, submissionId: string, markerId: string, ip: string | null): Promise<AskSecondMarkerResult> {
  const s = await submissionRow(scope, submissionId);
  if (!s) return { ok: false, refusal: 'not-found' };
  const marks = await markingsOf(scope, s.id);
  if (!mayOnSubmission(scope.viewer, 'submission.review', targetFrom(s, marks))) return { ok: false, refusal: 'not-found' };
  const existing = marks.find((m) => m.role === 'second');
  if (existing) return existing.markerId === markerId ? { ok: true, asked: false } : { ok: false, errors: { secondMarker: { key: 'moderation.error.alreadyAsked' } } };
  if (!markerId) return { ok: false, errors: { secondMarker: { key: 'moderation.error.chooseMarker' } } };
  const choices = await secondMarkerChoices(scope, s.id);
  if (!choices.some((c) => c.id === markerId)) return { ok: false, errors: { secondMarker: { key: 'moderation.error.notEligible' } } };
  const now = scope.now.getTime();
  return scope.db.transaction(async (tx): Promise<AskSecondMarkerResult> => {
    // rubricVersion 0: nothing marked yet; the marker's first save records the version they marked with.
    const made = await tx
      .insert(markings)
      .values({ id: newId(), submissionId: s.id, markerId, role: 'second', requestedBy: scope.viewer.id, rubricId: s.rubricId, rubricVersion: 0, levels: {}, comments: {}, overall: '', total: null, revision: 0, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: markings.id });
    if (!made.length) return { ok: true, asked: false };
    await recordAudit(tx, { organisationId: scope.organisationId, actorId: scope.viewer.id, subjectId: markerId, action: 'second-marking.asked', detail: { submissionId: s.id, rubricId: s.rubricId }, ip }, now);
    return { ok: true, asked: true };
  });
}

/** How moderation of one submission stands for the viewer (the first or second marker). */
export type ModerationView = {
  /** The viewer's part in it. */
  role: MarkerRole;
  /** The other marker's name (null when no second marker has been asked). */
  otherName: string | null;
  /** Whether the viewer's own marking is released (to the mentee, or by a second marker to the first). */
  mineReleased: boolean;
  otherReleased: boolean;
  /** The other marking, only once both have released their scoring to each other. */
  other: MarkingView | null;
};

/**
 * The moderation of a submission as its first or second marker sees it; null for anyone else
 * (the mentee sees only their own mentor's feedback, elsewhere). Neither marker sees the other's
 * marking until both have released theirs.
 */
export async function moderationOf(scope: Scope, submissionId: string): Promise<ModerationView | null> {
  const s = await submissionRow(scope, submissionId);
  if (!s) return null;
  const marks = await markingsOf(scope, s.id);
  const target = targetFrom(s, marks);
  const second = marks.find((m) => m.role === 'second') ?? null;
  const first = marks.find((m) => m.role === 'first') ?? null;
  let role: MarkerRole;
  if (mayOnSubmission(scope.viewer, 'submission.second-mark', target)) role = 'second';
  else if (mayOnSubmission(scope.viewer, 'submission.review', target)) role = 'first';
  else return null;
  const mine = role === 'second' ? second : first;
  const theirs = role === 'second' ? first : second;
  const otherId = role === 'second' ? (second?.requestedBy ?? s.reviewerId) : (second?.markerId ?? null);
  const [other] = otherId ? await scope.db.select({ name: people.name }).from(people).where(eq(people.id, otherId)) : [];
  const visible = first !== null && second !== null && markingsVisibleToEachOther(first, second);
  return {
    role,
    otherName: other?.name ?? null,
    mineReleased: mine?.releasedAt != null,
    otherReleased: theirs?.releasedAt != null,
    other: visible && theirs ? markingView(theirs) : null,
  };
}

/** Agreement between mentors on one rubric. */
export type RubricAgreement = { rubricId: string; n: number; alpha: number | null };

/**
 * Agreement between mentors per rubric across the organisation: Krippendorff's alpha (interval)
 * over the totals of submissions both markers released; alpha stays null below the minimum
 * number of double-marked submissions. Rubrics with none double-marked are left out.
 */
export async function moderationByRubric(scope: Scope): Promise<RubricAgreement[]> {
  // Only submissions both markers released come back (one row each), never every marking of the organisation.
  const second = alias(markings, 'second_marking');
  const rows = await scope.db
    .select({ submissionId: submissions.id, rubricId: submissions.rubricId, first: markings.total, second: second.total })
    .from(submissions)
    .innerJoin(markings, and(eq(markings.submissionId, submissions.id), eq(markings.role, 'first'), isNotNull(markings.releasedAt), isNotNull(markings.total)))
    .innerJoin(second, and(eq(second.submissionId, submissions.id), eq(second.role, 'second'), isNotNull(second.releasedAt), isNotNull(second.total)))
    .where(eq(submissions.organisationId, scope.organisationId))
    .orderBy(asc(submissions.id));
  const byRubric = new Map<string, { first: number; second: number }[]>();
  // One pair per submission, however many markings a role has had.
  const bySubmission = new Map(rows.map((r) => [r.submissionId, r]));
  for (const { rubricId, first, second } of bySubmission.values()) byRubric.set(rubricId, [...(byRubric.get(rubricId) ?? []), { first: first!, second: second! }]);
  return [...byRubric.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([rubricId, pairs]) => ({ rubricId, ...rubricModeration(pairs) }));
}

/**
 * E-mails the second marker at once (not in a digest: someone is waiting on them), in their
 * language, with a link to the submission; nothing for a marker no longer active.
 */
export async function noticeSecondMarkingAsked(db: Db, mailer: Mailer, publicUrl: URL, submissionId: string, now: number): Promise<void> {
  const [marking] = await db.select().from(markings).where(and(eq(markings.submissionId, submissionId), eq(markings.role, 'second')));
  if (!marking) return;
  const ids = [marking.markerId, ...(marking.requestedBy ? [marking.requestedBy] : [])];
  const found = await db.select({ id: people.id, name: people.name, email: people.email, locale: people.locale, status: people.status, organisationId: people.organisationId }).from(people).where(inArray(people.id, ids));
  const marker = found.find((p) => p.id === marking.markerId);
  const asker = found.find((p) => p.id === marking.requestedBy);
  if (!marker || marker.status !== 'active') return;
  const organisation = await getOrganisation(db, marker.organisationId);
  const organisationName = organisation ? nameIn(marker.locale, organisation) : '';
  const t = translator(marker.locale);
  const params = { mentor: asker?.name ?? '', link: new URL(localePath(marker.locale, `/mentoring/queue/${submissionId}`), publicUrl).href };
  const text = [t('email.greeting', { name: marker.name }), t('moderation.email.body', params), t('email.signature', { organisation: organisationName })].join('\n\n');
  await sendNotice(db, mailer, { organisationId: marker.organisationId, personId: marker.id, to: marker.email, locale: marker.locale, subject: t('moderation.email.subject', params), text }, { digestible: false, now });
}
