// The supervisor: prepares the database once, starts one worker per core (WEB_CONCURRENCY to
// choose) running scripts/serve-worker.ts, and prints where Camau is and how to sign in.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { DEMO_PASSWORD, DEMO_SIGN_INS } from '../db/seed/demo.ts';
import { DEMO_OPERATOR_SIGN_IN } from '../db/seed/demo-operator.ts';
import { parseWorkerCount, readConfig, superviseWorkers } from '../src/server/platform/index.ts';
import { startBanner } from './banner.ts';
import { prepareDatabase, StartupError } from './prepare-database.ts';

const workers = parseWorkerCount(process.env.WEB_CONCURRENCY, availableParallelism());
if (!workers.ok) {
  console.error(workers.error);
  process.exit(1);
}

if (!existsSync(resolve('dist/server/entry.mjs'))) {
  console.error('Camau has not been built yet. Run `npm run build` first (or `npm start`, which builds and serves).');
  process.exit(1);
}

// What must happen once (migrations, the demo seed) happens here, before any worker starts.
const config = readConfig();
try {
  const { database } = await prepareDatabase(config);
  database.client.close();
} catch (error) {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
}

process.env.HOST ??= 'localhost';
// React and other libraries check this: without it they run their slower development builds.
process.env.NODE_ENV ??= 'production';
process.env.PORT ??= '4321';

const supervisor = superviseWorkers({ workers: workers.count, exec: resolve('scripts/serve-worker.ts') });
await supervisor.ready;

// Last, so the address and sign-ins are what is left on screen.
console.log(
  startBanner({
    publicUrl: config.publicUrl,
    listen: { host: process.env.HOST, port: process.env.PORT },
    demo: config.demo ? { password: DEMO_PASSWORD, signIns: [...DEMO_SIGN_INS, DEMO_OPERATOR_SIGN_IN] } : null,
    smtp: Boolean(config.smtpUrl),
  }),
);
