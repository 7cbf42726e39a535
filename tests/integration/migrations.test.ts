import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase, MIGRATIONS_FOLDER } from '../../db/migrate.ts';
import { createActor } from 'xstate';
import { LEGACY_MI_CODES, MI_CODES, toMiCode } from '../../src/domain/simulations/conversation.ts';
import { toHarmKinds } from '../../src/domain/thresholds/thresholds.ts';
import { conversationMachine } from '../../src/machines/simulations/conversation.machine.ts';
import { thresholdExerciseMachine } from '../../src/machines/thresholds/threshold-exercise.machine.ts';
import { conversationStructure, getOwnSimulationAttempt, listSimulationEvents, simulationResult, simulationState } from '../../src/server/simulations/simulations.ts';
import { attemptState, getOwnThresholdAttempt } from '../../src/server/thresholds/threshold-practice.ts';
import { fixtureConversation } from '../fixtures/simulations.ts';
import { fixtureVignette } from '../fixtures/vignette.ts';
import { scopeOf } from '../support/scope.ts';

const dir = mkdtempSync(join(tmpdir(), 'camau-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations folder that stops before `tag`, as a database made before it would have seen. */
function migrationsBefore(tag: string): string {
  const folder = join(dir, `before-${tag}`);
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag}`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

describe('the migration that gives learning records their organisation', () => {
  it('fills each existing row with its person’s organisation and keeps every row', async () => {
    const database = await openDatabase(`file:${join(dir, 'learning.db')}`);
    try {
      await migrateDatabase(database.db, migrationsBefore('0009_learning_organisation'));
      await database.db.run(sql`INSERT INTO organisations (id, name_en, name_cy, default_locale, created_at) VALUES ('org-a', 'A', 'A', 'cy', 0), ('org-b', 'B', 'B', 'en', 0)`);
      await database.db.run(sql`INSERT INTO people (id, organisation_id, email, name, locale, status, created_at, updated_at) VALUES ('p-a', 'org-a', 'a@example.org', 'A', 'cy', 'active', 0, 0), ('p-b', 'org-b', 'b@example.org', 'B', 'en', 'active', 0, 0)`);
      await database.db.run(sql`INSERT INTO section_visits (person_id, module_id, section_id, first_visited_at, last_visited_at) VALUES ('p-a', 'm', 's', 1, 1), ('p-b', 'm', 's', 1, 1)`);
      await database.db.run(sql`INSERT INTO knowledge_check_attempts (id, person_id, module_id, module_version, answers, score, total, passed, submitted_at) VALUES ('k-a', 'p-a', 'm', 1, '{}', 5, 5, 1, 2)`);
      await database.db.run(sql`INSERT INTO reflective_entries (id, person_id, prompt, text, created_at, updated_at) VALUES ('r-b', 'p-b', 'Why?', 'Because.', 3, 3)`);
      await database.db.run(sql`INSERT INTO cpd_entries (id, person_id, kind, source_id, activity_id, title_en, title_cy, minutes, completed_at) VALUES ('c-a', 'p-a', 'module', 'm@v1', 'm', 'M', 'M', 20, 4)`);

      await migrateDatabase(database.db);

      const rows = await database.db.all<{ t: string; person_id: string; organisation_id: string }>(sql`
        SELECT 'visit' AS t, person_id, organisation_id FROM section_visits
        UNION ALL SELECT 'check', person_id, organisation_id FROM knowledge_check_attempts
        UNION ALL SELECT 'reflection', person_id, organisation_id FROM reflective_entries
        UNION ALL SELECT 'cpd', person_id, organisation_id FROM cpd_entries ORDER BY 1, 2`);
      expect(rows.map((r) => [r.t, r.person_id, r.organisation_id])).toEqual([
        ['check', 'p-a', 'org-a'],
        ['cpd', 'p-a', 'org-a'],
        ['reflection', 'p-b', 'org-b'],
        ['visit', 'p-a', 'org-a'],
        ['visit', 'p-b', 'org-b'],
      ]);
      // The rebuilt tables keep their cascade: a person's records go with them.
      await database.db.run(sql`DELETE FROM people WHERE id = 'p-a'`);
      expect(await database.db.all(sql`SELECT person_id FROM section_visits`)).toEqual([{ person_id: 'p-b' }]);
    } finally {
      database.client.close();
    }
  });
});

describe('the migration to MITI 4.2.1 codes and the Wales kinds of harm', () => {
  const legacyCodes = Object.keys(LEGACY_MI_CODES);

  /** A finished conversation's saved machine as the product stored it before: every code one of the earlier ones, own words moved by their code. */
  function oldConversationSnapshot() {
    const current = conversationStructure(fixtureConversation());
    const structure = { ...current, turns: current.turns.map(({ ownWords: _none, ...turn }) => turn) };
    const actor = createActor(conversationMachine, { input: { structure } }).start();
    actor.send({ type: 'CHOOSE', optionId: 'ask' });
    actor.send({ type: 'RESPOND_OWN', text: 'You will have to stop this.', code: 'confront' });
    const snapshot = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const before: Record<string, string> = { question: 'open-question', confront: 'warning', affirm: 'affirmation', 'complex-reflection': 'summary', 'giving-information': 'giving-information-with-permission', persuade: 'persuading-without-permission' };
    for (const turn of snapshot.context.structure.turns) for (const option of turn.options) option.code = before[option.code] ?? option.code;
    snapshot.context.structure.turns[1].options[2].code = 'closed-question';
    snapshot.context.transcript[0].code = 'open-question';
    snapshot.context.transcript[1].code = 'warning';
    snapshot.context.transcript[1].own.code = 'warning';
    return snapshot;
  }

  /** A finished threshold exercise whose answer named these kinds of harm. */
  function thresholdSnapshot(kindsOfHarm: string[]) {
    const actor = createActor(thresholdExerciseMachine, { input: { stageCount: 3 } }).start();
    const assessment = { ...fixtureVignette().panel, summary: 'A pattern.' };
    actor.send({ type: 'SCREEN', screening: { answer: 'yes', reason: 'Police report.' } });
    actor.send({ type: 'REVEAL_NEXT' });
    actor.send({ type: 'REVEAL_NEXT' });
    actor.send({ type: 'START_ASSESSMENT' });
    actor.send({
      type: 'SUBMIT_ASSESSMENT',
      assessment: {
        needs: { developmentalNeeds: assessment.needs.developmentalNeeds.answer, parentingCapacity: assessment.needs.parentingCapacity.answer, familyAndEnvironment: assessment.needs.familyAndEnvironment.answer },
        childNeedsMet: assessment.childNeedsMet.answer,
        levelOfHarm: assessment.levelOfHarm.answer,
        kindsOfHarm: ['emotional'],
        likelihood: assessment.likelihood.answer,
        significant: assessment.significant.answer,
        decision: assessment.decision.answer,
        followUp: [],
        summary: 'A pattern.',
      },
    });
    const snapshot = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    snapshot.context.assessment.kindsOfHarm = kindsOfHarm;
    return snapshot;
  }

  it('re-codes stored conversations, own words and events, and maps domestic abuse to emotional abuse once', async () => {
    const database = await openDatabase(`file:${join(dir, 'codes.db')}`);
    const { db } = database;
    try {
      await migrateDatabase(db, migrationsBefore('0011_miti_codes_harm_kinds'));
      await db.run(sql`INSERT INTO organisations (id, name_en, name_cy, default_locale, created_at) VALUES ('org-a', 'A', 'A', 'cy', 0)`);
      await db.run(sql`INSERT INTO people (id, organisation_id, email, name, locale, status, created_at, updated_at) VALUES ('p-a', 'org-a', 'a@example.org', 'A', 'cy', 'active', 0, 0)`);

      // A finished conversation, one own-words response and one event for every earlier code.
      await db.run(sql`INSERT INTO simulation_attempts (id, person_id, organisation_id, kind, scenario_id, scenario_version, snapshot, revision, status, started_at, updated_at) VALUES ('s-1', 'p-a', 'org-a', 'conversation', 'cc-fixture', 1, ${JSON.stringify(oldConversationSnapshot())}, ${legacyCodes.length}, 'complete', 0, 0)`);
      for (const [i, code] of legacyCodes.entries()) {
        await db.run(sql`INSERT INTO simulation_events (attempt_id, revision, event, at) VALUES ('s-1', ${i + 1}, ${JSON.stringify({ type: 'RESPOND_OWN', text: `Words ${i}`, code })}, ${i})`);
        await db.run(sql`INSERT INTO simulation_own_responses (id, attempt_id, person_id, organisation_id, scenario_id, turn_id, text, code, created_at) VALUES (${`o-${i}`}, 's-1', 'p-a', 'org-a', 'cc-fixture', 'opening', ${`Words ${i}`}, ${code}, ${i})`);
      }
      await db.run(sql`INSERT INTO simulation_events (attempt_id, revision, event, at) VALUES ('s-1', 100, ${JSON.stringify({ type: 'CHOOSE', optionId: 'ask' })}, 100)`);

      const kinds = { 't-both': ['domestic-abuse', 'emotional'], 't-mixed': ['neglect', 'domestic-abuse', 'physical'], 't-current': ['sexual', 'emotional'] };
      for (const [id, list] of Object.entries(kinds)) {
        await db.run(sql`INSERT INTO threshold_attempts (id, person_id, organisation_id, vignette_id, vignette_version, snapshot, revision, status, started_at) VALUES (${id}, 'p-a', 'org-a', 'v-fixture', 1, ${JSON.stringify(thresholdSnapshot(list))}, 5, 'complete', 0)`);
        await db.run(sql`INSERT INTO threshold_events (attempt_id, revision, event, at) VALUES (${id}, 5, ${JSON.stringify({ type: 'SUBMIT_ASSESSMENT', assessment: { kindsOfHarm: list, summary: 'A pattern.' } })}, 5)`);
      }

      await migrateDatabase(db);
      const learner = await scopeOf(db, 'p-a');

      // Own words and events: each earlier code as the one domain mapping reads it.
      const own = await db.all<{ id: string; code: string }>(sql`SELECT id, code FROM simulation_own_responses ORDER BY created_at`);
      expect(own.map((r) => r.code)).toEqual(legacyCodes.map((c) => toMiCode(c)));
      const events = await listSimulationEvents(learner, 's-1');
      expect(events.slice(0, legacyCodes.length).map((e) => (e.event as unknown as { code: string }).code)).toEqual(legacyCodes.map((c) => toMiCode(c)));
      expect(events.at(-1)!.event).toEqual({ type: 'CHOOSE', optionId: 'ask' });

      // The saved conversation: the stored JSON itself is re-coded, and the app restores it.
      const attempt = (await getOwnSimulationAttempt(learner, 's-1'))!;
      const stored = attempt.snapshot as ReturnType<typeof oldConversationSnapshot>;
      expect(stored.context.transcript.map((e: { code: string; own: { code: string } | null }) => [e.code, e.own?.code ?? null])).toEqual([['question', null], ['confront', 'confront']]);
      const storedCodes = stored.context.structure.turns.flatMap((t: { options: { code: string }[] }) => t.options.map((o) => o.code));
      expect(storedCodes.every((c: string) => (MI_CODES as readonly string[]).includes(c))).toBe(true);
      expect(stored.context.structure.turns.map((t: { id: string }) => t.id)).toEqual(['opening', 'guarded', 'opening-up']);
      const state = simulationState(attempt, fixtureConversation());
      expect(state).toMatchObject({ done: true, context: { ending: 'walks-out' } });
      expect(state.context.transcript.map((e) => e.code)).toEqual(['question', 'confront']);
      const result = simulationResult(fixtureConversation(), state.context);
      expect(result.kind === 'conversation' && result.counts).toEqual({ questions: 1, simpleReflections: 0, complexReflections: 0, miAdherent: 0, miNonAdherent: 1 });

      // Threshold answers: domestic abuse read as emotional abuse, counted once, in the order chosen.
      const expected = { 't-both': ['emotional'], 't-mixed': ['neglect', 'emotional', 'physical'], 't-current': ['sexual', 'emotional'] };
      for (const [id, list] of Object.entries(kinds)) {
        expect(toHarmKinds(list)).toEqual(expected[id as keyof typeof expected]);
        const thresholdAttempt = (await getOwnThresholdAttempt(learner, id))!;
        expect((thresholdAttempt.snapshot as ReturnType<typeof thresholdSnapshot>).context.assessment.kindsOfHarm).toEqual(expected[id as keyof typeof expected]);
        expect(attemptState(thresholdAttempt, fixtureVignette()).context.assessment?.kindsOfHarm).toEqual(expected[id as keyof typeof expected]);
      }
      const submitted = await db.all<{ attempt_id: string; event: string }>(sql`SELECT attempt_id, event FROM threshold_events ORDER BY attempt_id`);
      expect(submitted.map((e) => [e.attempt_id, JSON.parse(e.event).assessment.kindsOfHarm])).toEqual([
        ['t-both', ['emotional']],
        ['t-current', ['sexual', 'emotional']],
        ['t-mixed', ['neglect', 'emotional', 'physical']],
      ]);
    } finally {
      database.client.close();
    }
  });
});

describe('the mentoring and training migrations (0013–0016)', () => {
  it('apply to a database holding the records made before them, and keep every row', async () => {
    const database = await openDatabase(`file:${join(dir, 'mentoring-training.db')}`);
    try {
      await migrateDatabase(database.db, migrationsBefore('0013_mentoring_work'));
      await database.db.run(sql`INSERT INTO organisations (id, name_en, name_cy, default_locale, created_at) VALUES ('org-a', 'A', 'A', 'cy', 0)`);
      await database.db.run(sql`INSERT INTO people (id, organisation_id, email, name, locale, status, created_at, updated_at) VALUES ('p-a', 'org-a', 'a@example.org', 'A', 'cy', 'active', 0, 0)`);
      await database.db.run(sql`INSERT INTO module_completions (person_id, module_id, module_version, programme_id, completed_at) VALUES ('p-a', 'm', 1, 'prog', 5)`);
      await database.db.run(sql`INSERT INTO mail_outbox (id, organisation_id, person_id, to_address, locale, subject, text, status, created_at) VALUES ('mail-1', 'org-a', 'p-a', 'a@example.org', 'cy', 'Pwnc', 'Testun', 'kept', 6)`);

      await migrateDatabase(database.db);

      // Older completions keep their row; the language they were done in is "not recorded".
      expect(await database.db.all(sql`SELECT person_id, module_id, locale FROM module_completions`)).toEqual([{ person_id: 'p-a', module_id: 'm', locale: null }]);
      expect(await database.db.all(sql`SELECT id, calendar FROM mail_outbox`)).toEqual([{ id: 'mail-1', calendar: null }]);
      const tables = (await database.db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining([
        'notice_preferences', 'practice_tasks', 'assignments', 'task_answers', 'submissions', 'markings', 'own_response_codes', 'comment_bank',
        'mentoring_groups', 'group_members', 'mentoring_sessions', 'session_private_notes', 'session_attendance', 'session_takeaways', 'agreed_actions',
        'workshops', 'workshop_teams', 'workshop_facilitators', 'bookings', 'register_rows', 'workshop_reactions',
        'need_rules', 'need_overrides', 'confidence_ratings', 'confidence_prompts', 'rollout_phases', 'phase_teams',
      ]));
    } finally {
      database.client.close();
    }
  });

  it('hold one live booking per person and one person per seat, whatever the callers do', async () => {
    const database = await openDatabase(`file:${join(dir, 'bookings.db')}`);
    try {
      await migrateDatabase(database.db);
      await database.db.run(sql`INSERT INTO organisations (id, name_en, name_cy, default_locale, created_at) VALUES ('org-a', 'A', 'A', 'cy', 0)`);
      await database.db.run(sql`INSERT INTO people (id, organisation_id, email, name, locale, status, created_at, updated_at) VALUES ('p-a', 'org-a', 'a@example.org', 'A', 'cy', 'active', 0, 0), ('p-b', 'org-a', 'b@example.org', 'B', 'en', 'active', 0, 0)`);
      await database.db.run(sql`INSERT INTO workshops (id, organisation_id, programme_id, title, date, start_at, end_at, delivery_language, places, booking_closes_on, created_at, updated_at) VALUES ('w', 'org-a', 'risk-model', 'W', '2027-01-10', 1, 2, 'cy', 2, '2027-01-09', 0, 0)`);
      const book = (id: string, person: string, state: string, seq: number, seat: number | null) =>
        database.db.run(sql`INSERT INTO bookings (id, organisation_id, workshop_id, person_id, state, seq, seat, queued_at, updated_at) VALUES (${id}, 'org-a', 'w', ${person}, ${state}, ${seq}, ${seat}, 0, 0)`);
      await book('b1', 'p-a', 'booked', 1, 1);
      await expect(book('b2', 'p-a', 'waiting', 2, null)).rejects.toThrow();
      await expect(book('b3', 'p-b', 'booked', 3, 1)).rejects.toThrow();
      // A cancelled place frees the person and the seat: history stays beside the new booking.
      await database.db.run(sql`UPDATE bookings SET state = 'cancelled' WHERE id = 'b1'`);
      await book('b4', 'p-a', 'booked', 4, 1);
      expect((await database.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM bookings`))[0]!.n).toBe(2);
    } finally {
      database.client.close();
    }
  });
});
