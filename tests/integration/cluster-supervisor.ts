// The supervisor of the supervisor tests: the real superviseWorkers, running
// tests/integration/cluster-worker.ts instead of the built Astro server (which needs `npm run build`).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseWorkerCount, superviseWorkers } from '../../src/server/platform/index.ts';

const workers = parseWorkerCount(process.env.WEB_CONCURRENCY, availableParallelism());
if (!workers.ok) {
  console.error(workers.error);
  process.exit(1);
}
const supervisor = superviseWorkers({ workers: workers.count, exec: join(import.meta.dirname, 'cluster-worker.ts') });
await supervisor.ready;
console.log('[test] ready');
