import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../src/server/auth/sessions.ts';
import { databaseWorks } from '../../src/server/platform/health.ts';
import { freshDatabase } from './support.ts';

const run = promisify(execFile);
let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeEach(async () => {
  database = await freshDatabase({ demo: true });
});
afterEach(() => database.cleanup());

describe('a database that refuses writes', () => {
  it('still lets pages read: passing writes are skipped and logged once, and the health check fails', async () => {
    // A session last seen five minutes ago, so checking it wants to write last-seen.
    const { token } = await createSession(database.db, 'demo-learner', Date.now() - 5 * 60_000);
    const child = await run(process.execPath, ['tests/support/read-only-child.ts', join(database.dir, 'camau.db'), token, 'demo-learner']);
    const report = JSON.parse(child.stdout);
    expect(report).toMatchObject({ session: true, sessionAgain: true, viewer: 'demo-learner', language: false, health: false });
    // One line for the last-seen write (not two for two page views), one for the language.
    expect(report.logLines).toHaveLength(2);
    expect(report.logLines[0]).toMatch(/Skipped a passing write \(last seen\).*SQLITE_READONLY/);
  });

  it('passes the health check while writes work', async () => {
    expect(await databaseWorks(database.db, Date.now() + 60_000)).toBe(true);
    const row = await database.client.execute('SELECT checked_at FROM health_checks WHERE id = 1');
    expect(row.rows).toHaveLength(1);
  });
});

describe('SQLite settings', () => {
  it('never memory-maps the database file, keeps WAL and syncs every commit', async () => {
    const pragma = async (name: string) => Object.values((await database.client.execute(`PRAGMA ${name}`)).rows[0]!)[0];
    expect(await pragma('mmap_size')).toBe(0);
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2); // FULL
  });
});
