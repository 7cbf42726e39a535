// Level 1, reaction: what people thought of the workshops they attended.
import { reactionFigures, type ReactionFigures, type ReactionRow } from '../training/index.ts';
import { distinctPeople, groupBy } from './grouping.ts';
import { inPeriod, type Period } from './period.ts';
import { figure, type Figure } from './suppression.ts';

/** One person's reaction to one workshop of a programme (three ratings 1–5), given at `givenAt` (ms). */
export type ReactionRecord = ReactionRow & { personId: string; programmeId: string; givenAt: number };

export type ProgrammeReactions = { programmeId: string; figure: Figure<ReactionFigures> };

/**
 * Reaction figures (mean and count of each rating per item) per programme, from the reactions
 * given within the period; n counts reactions, and a programme's figure is suppressed while
 * fewer than five people gave them. Programmes in id order.
 */
export function reactionsByProgramme(records: readonly ReactionRecord[], period: Period): ProgrammeReactions[] {
  const inside = records.filter((r) => inPeriod(r.givenAt, period));
  return groupBy(inside, (r) => r.programmeId).map(([programmeId, rows]) => ({
    programmeId,
    // Computed only from five people, so never below reactionFigures' own minimum.
    figure: figure(rows.length, () => reactionFigures(rows)!, distinctPeople(rows)),
  }));
}
