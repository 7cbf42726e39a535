import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { and, eq, inArray } from 'drizzle-orm';
import { openDatabase, type Database } from '../../db/client.ts';
import { mentorLinks, people, personRoles, teamManagers, teamMemberships, teams } from '../../db/schema/index.ts';
import { DEMO_ORGANISATION_ID, DEMO_PASSWORD } from '../../db/seed/demo.ts';
import type { Role } from '../../src/domain/people/index.ts';
import type { Locale } from '../../src/domain/common/locale.ts';
import { hashPassword } from '../../src/server/auth/index.ts';
import { newId } from '../../src/server/platform/index.ts';

export { expect } from '@playwright/test';

/** An account made for one test: only that test signs in with it, so it may change anything about it. */
export type Account = { id: string; email: string; name: string; password: string; locale: Locale };

/** What a test asks of its account; teams are named in English, as the demo organisation names them. */
export type AccountWish = {
  /** Given and family name; a tag is added so the name is unique on every page that lists people. */
  name?: string;
  language?: Locale;
  roles?: Role[];
  teams?: string[];
  manages?: string[];
  mentor?: Account;
};

const DEFAULTS = { name: 'Sam Prys', language: 'en', roles: ['learner'], teams: ['Assessment and Safeguarding Team'] } as const;

type AccountFixtures = {
  /** A fresh, active learner in the Assessment and Safeguarding Team, working in English. */
  account: Account;
  /** Makes a fresh account in the demo organisation with what the test asks for. */
  newAccount: (wish?: AccountWish) => Promise<Account>;
};
type WorkerFixtures = { e2eDatabase: Database; passwordHash: string };

/** The team ids of the demo organisation for English team names; an unknown name is a mistake in the test. */
async function teamIds(database: Database, names: readonly string[]): Promise<string[]> {
  if (!names.length) return [];
  const found = await database.db
    .select({ id: teams.id, nameEn: teams.nameEn })
    .from(teams)
    .where(and(eq(teams.organisationId, DEMO_ORGANISATION_ID), inArray(teams.nameEn, [...names])));
  return names.map((name) => {
    const team = found.find((t) => t.nameEn === name);
    if (!team) throw new Error(`The demo organisation has no team called “${name}”.`);
    return team.id;
  });
}

/**
 * Specs run in parallel against the e2e server's one database, so a test that changes an
 * account (password, language, status, progress, failed sign-ins) makes its own here, written
 * straight into the database file the server uses (see playwright.config.ts).
 */
export const test = base.extend<AccountFixtures, WorkerFixtures>({
  e2eDatabase: [
    async ({}, use) => {
      const dir = process.env.CAMAU_E2E_DIR;
      if (!dir) throw new Error('CAMAU_E2E_DIR is not set: run the end-to-end tests through playwright.config.ts.');
      const database = await openDatabase(`file:${join(dir, 'e2e.db')}`);
      await use(database);
      database.client.close();
    },
    { scope: 'worker' },
  ],
  passwordHash: [async ({}, use) => use(await hashPassword(DEMO_PASSWORD)), { scope: 'worker' }],

  newAccount: async ({ e2eDatabase, passwordHash }, use) => {
    await use(async (wish = {}) => {
      const tag = randomBytes(4).toString('hex');
      const name = `${wish.name ?? DEFAULTS.name} ${tag}`;
      const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@e2e.camau.example`;
      const locale = wish.language ?? DEFAULTS.language;
      const member = await teamIds(e2eDatabase, wish.teams ?? DEFAULTS.teams);
      const managed = await teamIds(e2eDatabase, wish.manages ?? []);
      const id = newId();
      const now = Date.now();
      await e2eDatabase.db.transaction(async (tx) => {
        await tx.insert(people).values({ id, organisationId: DEMO_ORGANISATION_ID, email, name, locale, status: 'active', passwordHash, createdAt: now, updatedAt: now });
        await tx.insert(personRoles).values((wish.roles ?? DEFAULTS.roles).map((role) => ({ personId: id, role })));
        if (member.length) await tx.insert(teamMemberships).values(member.map((teamId) => ({ personId: id, teamId })));
        if (managed.length) await tx.insert(teamManagers).values(managed.map((teamId) => ({ personId: id, teamId })));
        if (wish.mentor) await tx.insert(mentorLinks).values({ menteeId: id, mentorId: wish.mentor.id, createdAt: now });
      });
      return { id, email, name, password: DEMO_PASSWORD, locale };
    });
  },
  account: async ({ newAccount }, use) => use(await newAccount()),
});
