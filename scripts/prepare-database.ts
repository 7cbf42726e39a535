import { openDatabase, type Database } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { DEMO_COUNCILS, seedDemoCouncils } from '../db/seed/demo-councils.ts';
import { seedDemoSessions } from '../db/seed/demo-sessions.ts';
import { seedDemoTraining } from '../db/seed/demo-training.ts';
import { databaseIsEmpty, DEMO_ORGANISATION_ID, DEMO_PASSWORD, seedDemo, seedDemoIndicators, seedDemoMentoring, seedDemoRollout } from '../db/seed/demo.ts';
import { hashPassword } from '../src/server/auth/index.ts';
import { pruneSignInFailures } from '../src/server/auth/index.ts';
import { deleteExpiredSessions } from '../src/server/auth/index.ts';
import type { Config } from '../src/server/platform/index.ts';
import { loadContent } from '../src/content/load.ts';
import { indexContent } from '../src/server/learning/index.ts';
import { seedSyntheticAnswers } from '../src/server/thresholds/index.ts';
import { seedDemoHistory } from '../src/server/evaluation/index.ts';
import { resolve } from 'node:path';

/** Hides a password or token that may be part of a database URL before it is printed. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@').replace(/(authToken=)[^&]+/i, '$1***');
}

export class StartupError extends Error {}

/**
 * Opens and migrates the database, and seeds the demo organisation into an empty one when
 * demo mode is on. Throws a StartupError with a message for people when anything fails.
 */
export async function prepareDatabase(config: Config, log: (line: string) => void = console.log): Promise<{ database: Database; seeded: boolean }> {
  let database: Database;
  try {
    database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  } catch (error) {
    throw new StartupError(
      `Camau cannot open the database at ${redactUrl(config.databaseUrl)}: ${error instanceof Error ? error.message : String(error)}\n` +
        'Check DATABASE_URL (and DATABASE_AUTH_TOKEN for a libSQL server).',
    );
  }
  try {
    await migrateDatabase(database.db);
  } catch (error) {
    database.client.close();
    throw new StartupError(
      `Camau could not bring the database up to date, so it has not started. No change was made to the database.\n${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let seeded = false;
  let passwordHash = '';
  if (config.demo && (await databaseIsEmpty(database.db))) {
    log('Empty database: adding the fictional demo organisation (set CAMAU_DEMO=off to prevent this)…');
    passwordHash = await hashPassword(DEMO_PASSWORD);
    await seedDemo(database.db, passwordHash);
    seeded = true;
  }
  const content = loadContent(resolve('content'));
  // Synthetic threshold answers make the demo's consistency analytics show real figures.
  if (seeded) await seedSyntheticAnswers(database.db, DEMO_ORGANISATION_ID, content.vignettes);
  // The demo mentor's sessions, group and a mentee's finished simulations, so the progress trends draw.
  if (seeded) await seedDemoSessions(database.db);
  // Workshops past and to come, with registers and reactions (kept out of seedDemo, which tests share).
  if (seeded) await seedDemoTraining(database.db);
  // The demo mentor's assignments, review queue, feedback and a moderation in progress.
  if (seeded) await seedDemoMentoring(database.db);
  // Rollout phases, completions in each language and confidence ratings (kept out of seedDemo, which tests share).
  if (seeded) await seedDemoRollout(database.db, Date.now());
  // Two years of history, so the evaluation report shows trends from the first start.
  if (seeded) await seedDemoHistory(database.db, content);
  // Two more demo councils with histories of their own, taking part in the anonymous comparison with the demo organisation.
  if (seeded) {
    await seedDemoCouncils(database.db, passwordHash, Date.now());
    for (const c of DEMO_COUNCILS) {
      await seedDemoHistory(database.db, content, Date.now(), { organisationId: c.id, people: c.staffIds, mentorOf: c.mentorOf, adminId: c.adminId, registerMarkerId: c.mentorIds[0], idPrefix: `${c.id}-hist-`, seed: c.seed, venue: c.venue });
      await seedSyntheticAnswers(database.db, c.id, content.vignettes);
    }
  }
  // Eight ended quarters of service indicators for the evaluation report's Results level.
  if (seeded) await seedDemoIndicators(database.db, Date.now());
  // The search index always mirrors content/ as deployed.
  await indexContent(database.db, content);
  await deleteExpiredSessions(database.db);
  await pruneSignInFailures(database.db);
  return { database, seeded };
}
