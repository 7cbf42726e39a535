import { and, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { confidencePrompts, registerRows, workshopReactions, workshops } from '../../../db/schema/index.ts';
import type { ConfidenceMoment } from '../../domain/training/index.ts';
import type { Scope } from '../people/index.ts';
import { jsonList, keptPerRequest } from '../platform/index.ts';

/** The register marks that count as having attended a workshop. */
export const ATTENDED = ['attended', 'attended-part'] as const;

/** What the viewer's training prompts (reactions to give, confidence ratings already answered or skipped) are read from. */
type PromptRecords = {
  /** Workshops attended in the last 60 days with no reaction yet, the latest first. */
  pendingReactions: { id: string; title: string; date: string }[];
  /** `programmeId/moment` of each confidence prompt answered or skipped. */
  closedConfidence: Set<string>;
};

async function readPrompts(scope: Scope): Promise<PromptRecords> {
  const now = scope.now.getTime();
  const pending = scope.db
    .select({ id: workshops.id, title: workshops.title, date: workshops.date, endAt: workshops.endAt })
    .from(registerRows)
    .innerJoin(workshops, eq(workshops.id, registerRows.workshopId))
    .leftJoin(workshopReactions, and(eq(workshopReactions.workshopId, registerRows.workshopId), eq(workshopReactions.personId, registerRows.personId)))
    .where(
      and(
        eq(registerRows.personId, scope.viewer.id),
        inArray(registerRows.mark, [...ATTENDED]),
        eq(workshops.organisationId, scope.organisationId),
        lte(workshops.endAt, now),
        gte(workshops.endAt, now - 60 * 86_400_000),
        isNull(workshopReactions.createdAt),
      ),
    )
    .orderBy(desc(workshops.endAt));
  const [row] = await scope.db.all<{ reactions: string; prompts: string }>(sql`select
    (select json_group_array(json_array(id, title, date) order by end_at desc) from (${pending})) as reactions,
    (select json_group_array(json_array(${confidencePrompts.programmeId}, ${confidencePrompts.moment})) from ${confidencePrompts} where ${confidencePrompts.personId} = ${scope.viewer.id}) as prompts`);
  return {
    pendingReactions: jsonList<[string, string, string]>(row?.reactions).map(([id, title, date]) => ({ id, title, date })),
    closedConfidence: new Set(jsonList<[string, ConfidenceMoment]>(row?.prompts).map(([programmeId, moment]) => `${programmeId}/${moment}`)),
  };
}

// Read once per request (the home and training pages ask for both prompts); a write through
// this capability that changes them forgets what was read.
const kept = keptPerRequest(readPrompts);

/** The viewer's prompt records, read in one statement at most once per request. */
export const promptRecords = (scope: Scope): Promise<PromptRecords> => kept.get(scope);

/** Forgets the request's prompt records after a write that changes them. */
export const forgetPromptRecords = (scope: Scope): void => kept.forget(scope);
