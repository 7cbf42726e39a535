import { createActor } from 'xstate';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { people, personRoles, thresholdAttempts } from '../../../db/schema/index.ts';
import type { Vignette } from '../../content/schemas.ts';
import { DECISIONS, LIKELIHOODS, type Assessment, type Decision, type Likelihood } from '../../domain/thresholds/thresholds.ts';
import { thresholdExerciseMachine } from '../../machines/thresholds/threshold-exercise.machine.ts';
import { newId } from '../platform/index.ts';
import { seededRandom } from '../../domain/common/index.ts';

const DAY_MS = 86_400_000;

const near = <T>(scale: readonly T[], value: T, roll: number): T => {
  const i = scale.indexOf(value);
  const step = roll < 0.5 ? -1 : 1;
  return scale[Math.min(scale.length - 1, Math.max(0, i + step))]!;
};

/**
 * A finished attempt at a vignette made by running the real exercise machine, answering as the
 * panel did except for the decision and likelihood given: demo data, marked as synthetic.
 */
export function syntheticAttempt(a: {
  vignette: Vignette;
  personId: string;
  organisationId: string;
  decision: Decision;
  likelihood: Likelihood;
  completedAt: number;
  roundId: string | null;
}): typeof thresholdAttempts.$inferInsert {
  const { vignette, decision, likelihood } = a;
  const significant = likelihood === 'likely' || likelihood === 'very-likely' ? 'yes' : 'no';
  const assessment: Assessment = {
    needs: { developmentalNeeds: vignette.panel.needs.developmentalNeeds.answer, parentingCapacity: vignette.panel.needs.parentingCapacity.answer, familyAndEnvironment: vignette.panel.needs.familyAndEnvironment.answer },
    childNeedsMet: vignette.panel.childNeedsMet.answer,
    levelOfHarm: vignette.panel.levelOfHarm.answer,
    kindsOfHarm: vignette.panel.kindsOfHarm.answer,
    likelihood,
    significant,
    decision,
    followUp: [],
    summary: 'Demo answer (synthetic).',
  };
  const actor = createActor(thresholdExerciseMachine, { input: { stageCount: vignette.stages.length } }).start();
  actor.send({ type: 'SCREEN', screening: { answer: vignette.panel.screening.answer, reason: 'Demo answer (synthetic).' } });
  for (let s = 2; s < vignette.stages.length; s++) actor.send({ type: 'REVEAL_NEXT' });
  actor.send({ type: 'START_ASSESSMENT' });
  actor.send({ type: 'SUBMIT_ASSESSMENT', assessment });
  return {
    id: newId(),
    personId: a.personId,
    organisationId: a.organisationId,
    vignetteId: vignette.id,
    vignetteVersion: vignette.version,
    roundId: a.roundId,
    snapshot: actor.getPersistedSnapshot(),
    revision: vignette.stages.length + 1,
    status: 'complete',
    screening: vignette.panel.screening.answer,
    decision,
    likelihood,
    significant,
    startedAt: a.completedAt - 20 * 60_000,
    completedAt: a.completedAt,
  };
}

/**
 * Synthetic, clearly demo-only answers from the demo organisation's active learners, made by
 * running the real exercise machine, so the consistency analytics show figures from the first
 * start. Most answers follow the panel; some are a step away; borderline vignettes vary most.
 */
export async function seedSyntheticAnswers(db: Db, organisationId: string, vignettes: readonly Vignette[], now = Date.now()): Promise<number> {
  const learners = await db
    .select({ id: people.id })
    .from(people)
    .innerJoin(personRoles, eq(personRoles.personId, people.id))
    .where(and(eq(people.organisationId, organisationId), eq(personRoles.role, 'learner'), eq(people.status, 'active')));
  const ids = [...new Set(learners.map((l) => l.id))].filter((id) => !['demo-learner', 'demo-mentor', 'demo-manager', 'demo-admin'].includes(id));
  const roll = seededRandom(2026);
  const rows: (typeof thresholdAttempts.$inferInsert)[] = [];
  for (const [p, personId] of ids.entries()) {
    for (const [v, vignette] of vignettes.entries()) {
      // Most have done every vignette (so Fleiss' kappa has complete sets); every third person skips some.
      if (p % 3 === 2 && (p + v) % 5 === 4) continue;
      const spread = vignette.borderline ? 0.45 : 0.2;
      const decision: Decision = roll() < spread ? near(DECISIONS, vignette.panel.decision.answer, roll()) : vignette.panel.decision.answer;
      const likelihood: Likelihood = roll() < spread ? near(LIKELIHOODS, vignette.panel.likelihood.answer, roll()) : vignette.panel.likelihood.answer;
      // Spread over the last six months, so the trend by month has something to show.
      const completedAt = now - Math.floor(roll() * 180) * DAY_MS;
      rows.push(syntheticAttempt({ vignette, personId, organisationId, decision, likelihood, completedAt, roundId: null }));
    }
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 200) await tx.insert(thresholdAttempts).values(rows.slice(i, i + 200));
    // A consistent history: whoever answered signed in then, and was there before their first answer.
    await tx.run(sql`
      UPDATE people SET
        last_sign_in_at = max(coalesce(last_sign_in_at, 0), (SELECT max(completed_at) FROM threshold_attempts WHERE person_id = people.id)),
        created_at = min(created_at, (SELECT min(started_at) FROM threshold_attempts WHERE person_id = people.id) - ${DAY_MS})
      WHERE organisation_id = ${organisationId} AND id IN (SELECT person_id FROM threshold_attempts WHERE organisation_id = ${organisationId})`);
  });
  return rows.length;
}
