// Two worker processes writing to one SQLite file at once, each through the project's openDatabase
// (its write queue, WAL) and drizzle transactions, with this test process in the supervisor's
// place handing out the write lock (db/write-lock.ts) as the supervisor does for its workers:
// nothing is lost, and neither event loop is ever blocked for longer than the longest transaction,
// because no process waits for the other's lock in SQLite's busy handler. The figures are printed.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { WRITE_LOCK_ENV, WRITE_LOCK_VIA_PARENT, writeLockCoordinator } from '../../db/write-lock.ts';

type Report = { writer: string; failures: number; elapsedMs: number; longestHeldMs: number; longestBlockMs: number; p99BlockMs: number; samples: number };

const PER_WRITER = 400;
/** Transactions each process has queued at once, as a busy worker has requests waiting to write. */
const AT_ONCE = 4;
/** Room for the timer's own lateness and garbage collection on a loaded machine. */
const MARGIN_MS = 50;

let dir = '';
let database: Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'camau-writers-'));
  database = await openDatabase(`file:${join(dir, 'camau.db')}`);
  await database.client.execute('CREATE TABLE test_entries (id TEXT PRIMARY KEY, writer TEXT NOT NULL, n INTEGER NOT NULL)');
  await database.client.execute('CREATE TABLE test_counters (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)');
  await database.client.execute('INSERT INTO test_counters (id, value) VALUES (1, 0)');
});
afterAll(() => {
  database?.client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('two processes writing to one database file', () => {
  it('lose nothing, and never block an event loop for longer than the longest transaction', async () => {
    const url = `file:${join(dir, 'camau.db')}`;
    const lock = writeLockCoordinator();
    const writers = ['a', 'b'].map((name) => fork(join(import.meta.dirname, 'concurrent-writer.ts'), [url, name, String(PER_WRITER), String(AT_ONCE)], { execPath: process.execPath, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, [WRITE_LOCK_ENV]: WRITE_LOCK_VIA_PARENT } }));
    for (const child of writers) lock.serve(child);
    const reports = writers.map((child) => new Promise<Report>((resolve, reject) => {
      child.on('message', (message) => typeof message === 'object' && message !== null && 'writer' in message && resolve(message as Report));
      child.once('exit', (code) => reject(new Error(`writer exited with ${code} before reporting`)));
    }));
    // Both are started and have their database open before either writes.
    await Promise.all(writers.map((child) => new Promise<void>((resolve) => child.on('message', (m) => m === 'ready' && resolve()))));
    for (const child of writers) child.send('go');
    const [a, b] = await Promise.all(reports);
    console.log(`concurrent writers: ${JSON.stringify([a, b])}`);

    expect([a!.failures, b!.failures]).toEqual([0, 0]);
    const rows = await database.client.execute('SELECT writer, count(*) AS n FROM test_entries GROUP BY writer ORDER BY writer');
    expect(rows.rows.map((r) => [r.writer, Number(r.n)])).toEqual([['a', PER_WRITER], ['b', PER_WRITER]]);
    const counter = await database.client.execute('SELECT value FROM test_counters WHERE id = 1');
    expect(Number(counter.rows[0]!.value)).toBe(2 * PER_WRITER);
    const longestTransaction = Math.max(a!.longestHeldMs, b!.longestHeldMs);
    expect(Math.max(a!.longestBlockMs, b!.longestBlockMs)).toBeLessThanOrEqual(longestTransaction + MARGIN_MS);
  }, 180_000);
});
