// One worker of the supervisor: serves HTTP on the shared port, runs the scheduled jobs, watches
// its database, and on the word to stop finishes what it is doing before it exits.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeDb } from '../db.ts';
import { databaseWorks } from '../health.ts';
import type { JobRunner } from '../jobs/index.ts';
import { DATABASE_CHECK, EXIT_DATABASE_UNREACHABLE } from './rules.ts';

/** The message the supervisor sends a worker to make it stop after its requests in flight. */
export const STOP_MESSAGE = { camau: 'stop' } as const;

export type WorkerOptions = {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  port: number;
  host: string;
  /** Starts this worker's scheduled jobs (each job is claimed in the database, so workers never run one twice). */
  startJobs?: () => Promise<JobRunner>;
  /** The /health rule; by default `databaseWorks` on the server's shared connection. */
  databaseWorks?: () => Promise<boolean>;
  checkEveryMs?: number;
  failuresBeforeExit?: number;
  /** How long requests in flight get to finish after the word to stop, before their connections are cut. */
  drainLimitMs?: number;
  log?: (line: string) => void;
};

/**
 * Serves `handler` in this process until told to stop (the supervisor's message, SIGTERM, SIGINT,
 * or the supervisor going away), then stops accepting, lets requests in flight finish (at most
 * `drainLimitMs`), stops the jobs, closes the database and exits 0. After `failuresBeforeExit`
 * failed database checks in a row it does the same, but exits EXIT_DATABASE_UNREACHABLE.
 */
export async function serveWorker(options: WorkerOptions): Promise<void> {
  const log = options.log ?? console.error;
  const works = options.databaseWorks ?? (() => databaseWorks());
  // Listened for from the start: a word to stop that comes while this worker is still starting
  // is kept, and acted on as soon as there is something to stop.
  let stop: ((code: number) => Promise<void>) | null = null;
  let requested: number | null = null;
  const request = (code: number) => {
    if (stop) void stop(code);
    else requested ??= code;
  };
  process.on('message', (message: unknown) => {
    if (typeof message === 'object' && message !== null && (message as { camau?: unknown }).camau === STOP_MESSAGE.camau) request(0);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => request(0));
  // A supervisor that died without a word must not leave this worker behind.
  process.on('disconnect', () => request(0));

  const server = createServer(options.handler);
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port, options.host, () => {
      server.off('error', failed);
      listening();
    });
  });
  const jobs = options.startJobs ? await options.startJobs() : null;

  let stopping = false;
  stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    clearInterval(checks);
    const closed = new Promise<void>((done) => server.close(() => done()));
    // Keep-alive connections go as soon as they are idle, so a finished request frees its socket.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    const cut = setTimeout(() => server.closeAllConnections(), options.drainLimitMs ?? 10_000);
    await closed;
    clearInterval(idle);
    clearTimeout(cut);
    try {
      await jobs?.stop();
      await closeDb();
    } catch (error) {
      log(`[camau] worker ${process.pid}: ${error instanceof Error ? error.message : String(error)} while stopping`);
    }
    process.exit(code);
  };

  let failures = 0;
  let checking = false;
  const checks = setInterval(() => {
    if (checking || stopping) return;
    checking = true;
    void works()
      .then((ok) => {
        failures = ok ? 0 : failures + 1;
        if (failures >= (options.failuresBeforeExit ?? DATABASE_CHECK.failuresBeforeExit) && !stopping) {
          log(`[camau] worker ${process.pid}: the database failed ${failures} checks in a row; taking this worker out of service`);
          request(EXIT_DATABASE_UNREACHABLE);
        }
      })
      .finally(() => (checking = false));
  }, options.checkEveryMs ?? DATABASE_CHECK.everyMs);
  checks.unref();
  if (requested !== null) void stop(requested);
}
