export { DATABASE_CHECK, describeWorkerExit, EXIT_DATABASE_UNREACHABLE, nextRestartDelay, parseWorkerCount, RESTART_BACK_OFF } from './rules.ts';
export { superviseWorkers, type Supervisor, type SupervisorOptions } from './supervisor.ts';
export { serveWorker, STOP_MESSAGE, type WorkerOptions } from './worker.ts';
