// Threshold answers for the evaluation report, one row per person: a whole organisation's two years
// arrive as a few thousand short strings instead of a hundred thousand rows (each row costs the client
// far more than the database), and are counted one person at a time (`thresholdConsistency`).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { thresholdAttempts } from '../../../db/schema/index.ts';
import type { RoundAnswer } from '../../domain/evaluation/index.ts';
import { DECISIONS, LIKELIHOODS } from '../../domain/thresholds/index.ts';

/** `CASE column WHEN values[0] THEN 0 … ELSE -1 END`: a value's position in a list, in SQL. */
const positionIn = (column: SQL, values: readonly string[]): SQL =>
  values.length ? sql`CASE ${column} ${sql.join(values.map((v, i) => sql`WHEN ${v} THEN ${sql.raw(String(i))}`), sql` `)} ELSE -1 END` : sql`-1`;

/**
 * Each person's finished answers (decision and likelihood given) to the situations in
 * `vignetteIds`, before `end`: those from `start` on, and earlier ones given in the calibration
 * rounds `roundIds`. `staff` limits the people (undefined: the whole organisation).
 */
export async function thresholdAnswersByPerson(
  db: Db,
  input: { organisationId: string; start: number; end: number; vignetteIds: readonly string[]; roundIds: readonly string[]; staff: SQL | undefined },
): Promise<{ personId: string; answers: RoundAnswer[] }[]> {
  const { vignetteIds, roundIds } = input;
  if (vignetteIds.length === 0) return [];
  const t = thresholdAttempts;
  const inRound = roundIds.length ? sql`${t.roundId} IN (${sql.join(roundIds.map((id) => sql`${id}`), sql`, `)})` : sql`0`;
  const code = sql`${positionIn(sql`${t.vignetteId}`, vignetteIds)} || ',' || ${positionIn(sql`${t.decision}`, DECISIONS)} || ',' || ${positionIn(sql`${t.likelihood}`, LIKELIHOODS)} || ',' || ${positionIn(sql`${t.roundId}`, roundIds)} || ',' || ${t.completedAt}`;
  const rows = await db.all<{ person_id: string; answers: string }>(sql`
    SELECT ${t.personId} AS person_id, group_concat(${code}, ';') AS answers
    FROM ${t}
    WHERE ${t.organisationId} = ${input.organisationId} AND ${t.status} = 'complete'
      AND ${t.decision} IS NOT NULL AND ${t.likelihood} IS NOT NULL
      AND ${t.vignetteId} IN (${sql.join(vignetteIds.map((id) => sql`${id}`), sql`, `)})
      AND ${t.completedAt} < ${input.end} AND (${t.completedAt} >= ${input.start} OR ${inRound})
      ${input.staff ? sql`AND ${input.staff}` : sql``}
    GROUP BY ${t.personId}`);
  return rows.map((row) => ({
    personId: row.person_id,
    answers: row.answers.split(';').map((answer) => {
      const [v, d, l, r, at] = answer.split(',').map(Number) as [number, number, number, number, number];
      return { personId: row.person_id, vignetteId: vignetteIds[v]!, decision: DECISIONS[d]!, likelihood: LIKELIHOODS[l]!, roundId: r >= 0 ? roundIds[r]! : null, completedAt: at };
    }),
  }));
}
