// Run as a child process by tests/integration/read-only-database.test.ts: opens an existing
// database file read-only (SQLite's mode=ro) and reports what still works.
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';

import { serialiseWrites } from '../../db/client.ts';
import * as schema from '../../db/schema/index.ts';
import { setPreferredLocale } from '../../src/server/auth/account.ts';
import { validateSessionToken } from '../../src/server/auth/sessions.ts';
import { databaseWorks } from '../../src/server/platform/health.ts';
import { passingWrite } from '../../src/server/platform/passing-write.ts';
import { loadViewer } from '../../src/server/people/people-repo.ts';
import { scopeFor } from '../../src/server/people/scope.ts';

const [path, token, personId] = process.argv.slice(2) as [string, string, string];
// libSQL passes a "file:" path on to SQLite, which reads URI parameters from it; the "?" must be escaped.
const client = serialiseWrites(createClient({ url: `file:file:${path}%3Fmode=ro`, timeout: 5000 }));
const db = drizzle(client, { schema });
const lines: string[] = [];
const log = console.error;
console.error = (...args: unknown[]) => void lines.push(args.map(String).join(' '));

const viewer = await loadViewer(db, personId);
const report = {
  session: (await validateSessionToken(db, token)) !== null,
  sessionAgain: (await validateSessionToken(db, token)) !== null,
  viewer: viewer?.id ?? null,
  language: viewer ? await passingWrite('remembered language', () => setPreferredLocale(scopeFor(db, viewer), 'cy')) : null,
  health: await databaseWorks(db),
  logLines: lines,
};
console.error = log;
client.close();
process.stdout.write(JSON.stringify(report));
