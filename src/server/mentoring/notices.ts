import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { assignments, people, personRoles, practiceTasks, submissions } from '../../../db/schema/index.ts';
import { formatDay, localePath, londonDate, nameIn } from '../../domain/common/index.ts';
import { assignmentStatus, type AssignmentStatus, type SubmissionState } from '../../domain/mentoring/index.ts';
import type { NoticeKind } from '../../domain/mail/index.ts';
import { translator } from '../../i18n/index.ts';
import { sendNotice, type Mailer } from '../mail/index.ts';
import { getOrganisation } from '../people/index.ts';
import { defineJobKind, type JobKind } from '../platform/index.ts';
import { catalogueEntry, loadContentCatalogue, type ContentCatalogue } from './activity-catalogue.ts';
import { activityProgressOf, asksReview } from './assignments.ts';
import { ASSIGNMENT_OVERDUE_JOB, ASSIGNMENT_REMINDER_JOB, type AssignmentNoticePayload } from './notice-schedule.ts';

type AssignmentRow = typeof assignments.$inferSelect;
type Recipient = { id: string; name: string; email: string; locale: 'cy' | 'en'; organisationId: string };

async function activeRecipients(db: Db, ids: readonly string[]): Promise<Recipient[]> {
  if (!ids.length) return [];
  return db
    .select({ id: people.id, name: people.name, email: people.email, locale: people.locale, organisationId: people.organisationId })
    .from(people)
    .where(and(inArray(people.id, [...ids]), eq(people.status, 'active')));
}

/** The assignment's title in both languages: the content's title, the practice task's, or null once removed. */
async function titleOf(db: Db, row: AssignmentRow, catalogue: ContentCatalogue): Promise<{ en: string; cy: string } | null> {
  if (row.activityKind === 'task') {
    const [task] = await db.select({ title: practiceTasks.title }).from(practiceTasks).where(eq(practiceTasks.id, row.activityId));
    return task ? { en: task.title, cy: task.title } : null;
  }
  return catalogueEntry(catalogue, { kind: row.activityKind, id: row.activityId })?.title ?? null;
}

/** The assignment's status now, from the same records the pages read. */
async function statusNow(db: Db, row: AssignmentRow, catalogue: ContentCatalogue, now: number): Promise<AssignmentStatus> {
  const progress = await activityProgressOf(db, row.menteeId, { kind: row.activityKind, id: row.activityId }, row.createdAt, catalogue, row.id);
  const versions = await db.select({ state: submissions.state, version: submissions.version }).from(submissions).where(eq(submissions.assignmentId, row.id));
  const latest = versions.sort((a, b) => b.version - a.version)[0];
  const submission: { state: SubmissionState } | null = latest ? { state: latest.state } : null;
  return assignmentStatus({ dueDate: row.dueDate, withdrawn: row.withdrawnAt !== null, askReview: asksReview(row), progress, submission }, londonDate(now));
}

/** Sends one digestible notice of `kind` to one person, in their language. */
async function notify(db: Db, mailer: Mailer, person: Recipient, kind: NoticeKind, message: (t: ReturnType<typeof translator>, organisation: string) => { subject: string; body: string }, now: number) {
  const organisation = await getOrganisation(db, person.organisationId);
  const t = translator(person.locale);
  const organisationName = organisation ? nameIn(person.locale, organisation) : '';
  const { subject, body } = message(t, organisationName);
  const text = [t('email.greeting', { name: person.name }), body, t('email.signature', { organisation: organisationName })].join('\n\n');
  return sendNotice(db, mailer, { organisationId: person.organisationId, personId: person.id, to: person.email, locale: person.locale, subject, text }, { digestible: true, kind, now });
}

/** Tells each mentee about the work just assigned to them (digestible, kind 'assignment-set'). */
export async function noticeAssignmentSet(db: Db, mailer: Mailer, publicUrl: URL, assignmentIds: readonly string[], now: number, catalogue?: ContentCatalogue): Promise<void> {
  if (!assignmentIds.length) return;
  const rows = await db.select().from(assignments).where(inArray(assignments.id, [...assignmentIds]));
  const content = catalogue ?? (await loadContentCatalogue());
  for (const row of rows) {
    const [mentee] = await activeRecipients(db, [row.menteeId]);
    const [mentor] = await activeRecipients(db, [row.assignedBy]);
    if (!mentee || row.withdrawnAt !== null) continue;
    const title = await titleOf(db, row, content);
    await notify(db, mailer, mentee, 'assignment-set', (t) => {
      const params = { mentor: mentor?.name ?? '', title: title ? title[mentee.locale] : '', due: formatDay(mentee.locale, row.dueDate), link: new URL(localePath(mentee.locale, `/assigned/${row.id}`), publicUrl).href };
      return { subject: t('email.assignment.set.subject', params), body: t('email.assignment.set.body', params) };
    }, now);
  }
}

/** Whether a reminder or overdue notice still applies: the work stands, its date is unchanged and it is not finished. */
async function stillOutstanding(db: Db, { assignmentId, dueDate }: AssignmentNoticePayload, catalogue: ContentCatalogue, now: number): Promise<AssignmentRow | null> {
  const [row] = await db.select().from(assignments).where(eq(assignments.id, assignmentId));
  if (!row || row.withdrawnAt !== null || row.dueDate !== dueDate) return null;
  const status = await statusNow(db, row, catalogue, now);
  return status === 'not-started' || status === 'in-progress' || status === 'overdue' ? row : null;
}

/** The reminder two working days before work is due, to the mentee; dropped once the day has passed. */
function reminderKind(mailer: Mailer, publicUrl: URL, content: () => Promise<ContentCatalogue>) {
  return defineJobKind<AssignmentNoticePayload>({
    kind: ASSIGNMENT_REMINDER_JOB,
    async isStillRelevant(payload, { db, now }) {
      return londonDate(now()) <= payload.dueDate && (await stillOutstanding(db, payload, await content(), now())) !== null;
    },
    async run(payload, { db, now }) {
      const catalogue = await content();
      const row = await stillOutstanding(db, payload, catalogue, now());
      const [mentee] = row ? await activeRecipients(db, [row.menteeId]) : [];
      if (!row || !mentee) return { ok: true };
      const title = await titleOf(db, row, catalogue);
      await notify(db, mailer, mentee, 'assignment-reminder', (t) => {
        const params = { title: title ? title[mentee.locale] : '', due: formatDay(mentee.locale, row.dueDate), link: new URL(localePath(mentee.locale, `/assigned/${row.id}`), publicUrl).href };
        return { subject: t('email.assignment.reminder.subject', params), body: t('email.assignment.reminder.body', params) };
      }, now());
      return { ok: true };
    },
  });
}

/** The overdue notice the day after the due date, to the mentee and to whoever holds the work (or the admins). */
function overdueKind(mailer: Mailer, publicUrl: URL, content: () => Promise<ContentCatalogue>) {
  return defineJobKind<AssignmentNoticePayload>({
    kind: ASSIGNMENT_OVERDUE_JOB,
    async isStillRelevant(payload, { db, now }) {
      return (await stillOutstanding(db, payload, await content(), now())) !== null;
    },
    async run(payload, { db, now }) {
      const catalogue = await content();
      const row = await stillOutstanding(db, payload, catalogue, now());
      if (!row) return { ok: true };
      const title = await titleOf(db, row, catalogue);
      const [mentee] = await activeRecipients(db, [row.menteeId]);
      if (mentee) {
        await notify(db, mailer, mentee, 'assignment-overdue', (t) => {
          const params = { title: title ? title[mentee.locale] : '', due: formatDay(mentee.locale, row.dueDate), link: new URL(localePath(mentee.locale, `/assigned/${row.id}`), publicUrl).href };
          return { subject: t('email.assignment.overdue.subject', params), body: t('email.assignment.overdue.body', params) };
        }, now());
      }
      const holderIds = row.ownerId
        ? [row.ownerId]
        : (await db.select({ id: people.id }).from(people).innerJoin(personRoles, eq(personRoles.personId, people.id)).where(and(eq(people.organisationId, row.organisationId), eq(personRoles.role, 'admin')))).map((a) => a.id);
      for (const holder of await activeRecipients(db, holderIds)) {
        await notify(db, mailer, holder, 'assignment-overdue', (t) => {
          const params = { mentee: mentee?.name ?? '', title: title ? title[holder.locale] : '', due: formatDay(holder.locale, row.dueDate), link: new URL(localePath(holder.locale, `/mentoring/assignments/${row.id}`), publicUrl).href };
          return { subject: t('email.assignment.overdueMentor.subject', params), body: t('email.assignment.overdueMentor.body', params) };
        }, now());
      }
      return { ok: true };
    },
  });
}

/** The mentoring job kinds the server runs beside the mail jobs; `content` gives the assignable content (tests pass their own). */
export function mentoringJobKinds(mailer: Mailer, publicUrl: URL, content: () => Promise<ContentCatalogue> = loadContentCatalogue): JobKind[] {
  return [reminderKind(mailer, publicUrl, content), overdueKind(mailer, publicUrl, content)];
}

/**
 * Tells the mentee their mentor's feedback on one version is ready (digestible, kind
 * 'feedback-released'); nothing for a submission not released, or a mentee no longer active.
 */
export async function noticeFeedbackReleased(db: Db, mailer: Mailer, publicUrl: URL, submissionId: string, now: number, catalogue?: ContentCatalogue): Promise<void> {
  const [submission] = await db.select().from(submissions).where(eq(submissions.id, submissionId));
  if (!submission?.assignmentId || submission.releasedAt === null) return;
  const [row] = await db.select().from(assignments).where(eq(assignments.id, submission.assignmentId));
  const [mentee] = await activeRecipients(db, [submission.menteeId]);
  if (!row || !mentee) return;
  const [mentor] = submission.reviewerId ? await activeRecipients(db, [submission.reviewerId]) : [];
  const title = await titleOf(db, row, catalogue ?? (await loadContentCatalogue()));
  await notify(db, mailer, mentee, 'feedback-released', (t) => {
    const params = { mentor: mentor?.name ?? '', title: title ? title[mentee.locale] : '', link: new URL(localePath(mentee.locale, `/assigned/${row.id}/feedback/${submission.version}`), publicUrl).href };
    return { subject: t('review.email.subject', params), body: t('review.email.body', params) };
  }, now);
}
