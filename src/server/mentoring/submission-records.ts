import { and, eq } from 'drizzle-orm';
import { markings, submissions } from '../../../db/schema/index.ts';
import type { RubricMark } from '../../domain/mentoring/index.ts';
import type { SubmissionTarget } from '../access/index.ts';
import type { Scope } from '../people/index.ts';

// The submission and marking readers the review and moderation modules share (not part of the capability's index).

export type SubmissionRow = typeof submissions.$inferSelect;
export type MarkingRow = typeof markings.$inferSelect;

/** A marking as the form shows it. */
export type MarkingView = { levels: Record<string, RubricMark>; comments: Record<string, string>; overall: string; total: number | null; revision: number; releasedAt: number | null };

/** One submission of the scope's organisation, or null. */
export async function submissionRow(scope: Scope, id: string): Promise<SubmissionRow | null> {
  const [row] = await scope.db.select().from(submissions).where(and(eq(submissions.id, id), eq(submissions.organisationId, scope.organisationId)));
  return row ?? null;
}

/** A submission's markings (first and second). */
export function markingsOf(scope: Scope, submissionId: string): Promise<MarkingRow[]> {
  return scope.db.select().from(markings).where(eq(markings.submissionId, submissionId));
}

/** What the policy needs to know of a submission, from its markings already read. */
export function targetFrom(s: SubmissionRow, marks: readonly Pick<MarkingRow, 'markerId' | 'role'>[]): SubmissionTarget {
  return { organisationId: s.organisationId, menteeId: s.menteeId, reviewerId: s.reviewerId, secondMarkerIds: marks.filter((m) => m.role === 'second').map((m) => m.markerId), released: s.releasedAt !== null };
}

/** What the policy needs to know of a submission, reading who was asked to second-mark it. */
export async function targetOf(scope: Scope, s: SubmissionRow): Promise<SubmissionTarget> {
  const seconds = await scope.db.select({ markerId: markings.markerId, role: markings.role }).from(markings).where(and(eq(markings.submissionId, s.id), eq(markings.role, 'second')));
  return targetFrom(s, seconds);
}

/** A marking row as the pages show it. */
export const markingView = (m: MarkingRow): MarkingView => ({ levels: m.levels, comments: m.comments, overall: m.overall, total: m.total, revision: m.revision, releasedAt: m.releasedAt });
