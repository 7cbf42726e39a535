// The supervisor: starts one worker per slot with Node's cluster module, restarts a worker that
// dies (with back-off), and on SIGTERM/SIGINT has every worker finish its requests and exit.
import cluster, { type Worker } from 'node:cluster';
import { WRITE_LOCK_ENV, WRITE_LOCK_VIA_PARENT, writeLockCoordinator } from '../../../../db/write-lock.ts';
import { describeWorkerExit, nextRestartDelay, seconds } from './rules.ts';
import { STOP_MESSAGE } from './worker.ts';

export type SupervisorOptions = {
  /** How many workers to keep running. */
  workers: number;
  /** The script each worker runs (it calls `serveWorker`). */
  exec: string;
  args?: string[];
  /** How long workers get, after the word to stop, before any left are killed. */
  stopLimitMs?: number;
  log?: (line: string) => void;
};

export type Supervisor = {
  /** Resolves once every worker has listened for the first time. */
  ready: Promise<void>;
  /** Tells every worker to stop, and resolves when all have gone (those left after the limit are killed). */
  stop(): Promise<void>;
};

type Slot = { index: number; worker: Worker | null; startedAt: number; delayMs: number | null; restart: NodeJS.Timeout | null; listened: boolean };

/**
 * Runs `workers` copies of `exec` under this (primary) process. Each death outside a shutdown is
 * logged on one line (pid, exit code or signal, next delay) and the worker restarted after
 * `nextRestartDelay`. SIGTERM and SIGINT stop the workers, then end this process with code 0.
 */
export function superviseWorkers(options: SupervisorOptions): Supervisor {
  const log = options.log ?? console.log;
  cluster.setupPrimary({ exec: options.exec, args: options.args ?? [] });
  let stopping = false;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  // A worker still starting may not be listening for messages yet; it is sent SIGTERM instead.
  const listening = new WeakSet<Worker>();
  // The workers' writes to a local database file take turns here, so none waits in SQLite's busy handler.
  const writeLock = writeLockCoordinator();
  const slots: Slot[] = Array.from({ length: options.workers }, (_, index) => ({ index, worker: null, startedAt: 0, delayMs: null, restart: null, listened: false }));

  const start = (slot: Slot) => {
    slot.restart = null;
    const worker = cluster.fork({ [WRITE_LOCK_ENV]: WRITE_LOCK_VIA_PARENT });
    writeLock.serve(worker);
    slot.worker = worker;
    slot.startedAt = Date.now();
    log(`[camau] worker ${worker.process.pid} starting (${slot.index + 1} of ${slots.length})`);
    worker.once('listening', () => {
      log(`[camau] worker ${worker.process.pid} listening (${slot.index + 1} of ${slots.length})`);
      slot.listened = true;
      listening.add(worker);
      if (slots.every((s) => s.listened)) markReady();
    });
    worker.once('exit', (code, signal) => {
      slot.worker = null;
      const how = describeWorkerExit(code, signal);
      if (stopping) {
        log(`[camau] worker ${worker.process.pid} stopped (${how})`);
        return;
      }
      slot.delayMs = nextRestartDelay(slot.delayMs, Date.now() - slot.startedAt);
      log(`[camau] worker ${worker.process.pid} died (${how}); restarting it in ${seconds(slot.delayMs)}`);
      slot.restart = setTimeout(() => start(slot), slot.delayMs);
    });
  };

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= new Promise<void>((done) => {
      stopping = true;
      for (const slot of slots) if (slot.restart) clearTimeout(slot.restart);
      const live = slots.flatMap((slot) => (slot.worker ? [slot.worker] : []));
      if (!live.length) return done();
      log(`[camau] stopping: ${live.length} worker(s) finish their requests first`);
      let left = live.length;
      const limit = setTimeout(() => {
        for (const worker of live) {
          if (!worker.isDead()) {
            log(`[camau] worker ${worker.process.pid} did not stop in ${seconds(options.stopLimitMs ?? 20_000)}; killing it`);
            worker.process.kill('SIGKILL');
          }
        }
      }, options.stopLimitMs ?? 20_000);
      for (const worker of live) {
        worker.once('exit', () => {
          if (--left === 0) {
            clearTimeout(limit);
            done();
          }
        });
        if (listening.has(worker) && worker.isConnected()) worker.send(STOP_MESSAGE);
        else worker.process.kill('SIGTERM');
      }
    });
    return stopped;
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      void stop().then(() => {
        log('[camau] all workers have stopped');
        process.exit(0);
      });
    });
  }
  for (const slot of slots) start(slot);
  return { ready, stop };
}
