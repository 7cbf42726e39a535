// The supervisor (server/platform/cluster) as real processes: scripts/serve.ts's superviseWorkers
// running tests/integration/cluster-worker.ts (the real serveWorker around a tiny handler), on a
// real database file. The built server under the same supervisor is tested in http.test.ts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { freePort, isAlive as alive } from '../support/processes.ts';

let dir = '';
let databaseUrl = '';
const started: ChildProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'camau-supervisor-'));
  databaseUrl = `file:${join(dir, 'camau.db')}`;
  const database = await openDatabase(databaseUrl);
  await migrateDatabase(database.db);
  database.client.close();
});
afterEach(() => {
  // A test that failed half-way must not leave its processes running.
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Running = { child: ChildProcess; base: string; output: () => string; waitFor(pattern: RegExp, what: string): Promise<RegExpMatchArray>; listening(): number[]; exited: Promise<number | null> };

/** Starts the test supervisor with `workers` workers and waits until every one is listening (or only until each has been started). */
async function startSupervisor(workers: number, until: 'listening' | 'starting' = 'listening'): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(import.meta.dirname, 'cluster-supervisor.ts')], {
    env: { ...process.env, WEB_CONCURRENCY: String(workers), PORT: String(port), DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, what: string) => {
    // Generous: a loaded 2-core machine may take many seconds to start a Node process.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(50)) {
      const match = output.match(pattern);
      if (match) return match;
      if (child.exitCode !== null) break;
    }
    throw new Error(`${what} did not happen. The supervisor wrote:\n${output}`);
  };
  if (until === 'listening') await waitFor(/\[test\] ready/, 'every worker listening');
  else await waitFor(new RegExp(`(?:worker \\d+ starting[^]*){${workers}}`), 'every worker starting');
  const listening = () => [...output.matchAll(/worker (\d+) listening/g)].map((m) => Number(m[1]));
  return { child, base: `http://127.0.0.1:${port}`, output: () => output, waitFor, listening, exited };
}

describe('the supervisor', () => {
  it('leaves no worker behind when it is sent SIGTERM', async () => {
    const server = await startSupervisor(2);
    const workers = server.listening();
    expect(workers).toHaveLength(2);
    expect(workers.every(alive)).toBe(true);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(workers.filter(alive)).toEqual([]);
    expect(server.output()).toMatch(/all workers have stopped/);
    expect(server.output()).not.toMatch(/restarting/);
  }, 120_000);

  it('leaves no worker behind when it is sent SIGTERM while its workers are still starting', async () => {
    const server = await startSupervisor(2, 'starting');
    const workers = [...server.output().matchAll(/worker (\d+) starting/g)].map((m) => Number(m[1]));
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(workers.filter(alive)).toEqual([]);
    expect(server.output()).not.toMatch(/restarting/);
  }, 120_000);

  it('leaves no worker behind even when the supervisor itself is killed', async () => {
    const server = await startSupervisor(2);
    const workers = server.listening();
    server.child.kill('SIGKILL');
    await server.exited;
    // Each worker notices its supervisor has gone and stops itself.
    for (const deadline = Date.now() + 60_000; workers.some(alive) && Date.now() < deadline; ) await sleep(100);
    expect(workers.filter(alive)).toEqual([]);
  }, 120_000);

  it('lets a request that is in flight when SIGTERM arrives finish with its whole answer', async () => {
    const server = await startSupervisor(2);
    const workers = server.listening();
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(`${server.base}/slow?ms=1500`, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          // The first line has arrived: the request is being served. Now stop the supervisor.
          if (!text) server.child.kill('SIGTERM');
          text += chunk;
        });
        res.on('end', () => resolve(text));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
    expect(body.startsWith('started\n')).toBe(true);
    expect(body).toContain('x'.repeat(100_000));
    expect(body).toMatch(/finished by \d+\n$/);
    expect(await server.exited).toBe(0);
    expect(workers.filter(alive)).toEqual([]);
  }, 120_000);

  it('replaces a worker that was killed, logs why, and keeps answering', async () => {
    const server = await startSupervisor(2);
    const [victim, survivor] = server.listening();
    process.kill(victim!, 'SIGKILL');
    await server.waitFor(new RegExp(`worker ${victim} died \\(signal SIGKILL\\); restarting it in 0.1 s`), 'the death logged');
    await server.waitFor(/(?:worker \d+ listening[^\n]*\n[^]*){3}/, 'a third worker listening');
    const replacement = server.listening().at(-1)!;
    expect([victim, survivor]).not.toContain(replacement);
    expect(alive(replacement)).toBe(true);
    const answered = new Set<number>();
    for (let n = 0; n < 20; n++) {
      const res = await fetch(`${server.base}/pid`, { headers: { connection: 'close' } });
      expect(res.status).toBe(200);
      answered.add(Number(await res.text()));
    }
    expect([...answered].every((pid) => pid === survivor || pid === replacement)).toBe(true);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect([survivor!, replacement].filter(alive)).toEqual([]);
  }, 120_000);

  it('takes a worker whose database will not take a write out of service, and restarts it until the database works', async () => {
    const server = await startSupervisor(1);
    const [first] = server.listening();
    // Another process holds the database's write lock: every health write waits busy_timeout, then fails.
    const holder = await openDatabase(databaseUrl);
    const tx = await holder.client.transaction('write');
    await tx.execute("INSERT INTO health_checks (id, checked_at) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET checked_at = 0");
    try {
      await server.waitFor(new RegExp(`worker ${first} died \\(exit code 75: its database stopped working, so it took itself out of service\\); restarting it in 0.1 s`), 'the worker leaving service');
    } finally {
      await tx.rollback();
      holder.client.close();
    }
    await server.waitFor(/(?:worker \d+ listening[^\n]*\n[^]*){2}/, 'a new worker listening');
    const replacement = server.listening().at(-1)!;
    expect(replacement).not.toBe(first);
    expect((await fetch(`${server.base}/pid`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(alive(replacement)).toBe(false);
  }, 180_000);
});

describe('npm run serve', () => {
  it('refuses to start, saying why, when WEB_CONCURRENCY is not a whole number of workers', () => {
    for (const value of ['0', 'two', '1.5', '-3']) {
      const run = spawnSync(process.execPath, ['scripts/serve.ts'], { env: { ...process.env, WEB_CONCURRENCY: value }, encoding: 'utf8', timeout: 60_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`WEB_CONCURRENCY must be a whole number of worker processes, 1 or more (it is "${value}")`);
    }
  }, 120_000);
});
