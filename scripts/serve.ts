// Prepares the database, prints where Camau is and how to sign in, then starts the built server.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { DEMO_PASSWORD, DEMO_SIGN_INS } from '../db/seed/demo.ts';
import { DEMO_OPERATOR_SIGN_IN } from '../db/seed/demo-operator.ts';
import { REQUEST_BODY_LIMIT } from '../src/domain/people/index.ts';
import { startMailJobs } from '../src/server/mail/index.ts';
import { guardRequests, logStatementCounts, readConfig } from '../src/server/platform/index.ts';
import { startBanner } from './banner.ts';
import { prepareDatabase, StartupError } from './prepare-database.ts';

const entry = resolve('dist/server/entry.mjs');
if (!existsSync(entry)) {
  console.error('Camau has not been built yet. Run `npm run build` first (or `npm start`, which builds and serves).');
  process.exit(1);
}

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

// Astro's handler runs behind our front door (address rule, size limit, TRACE), so the
// adapter must not start a server of its own.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(pathToFileURL(entry).href)) as { handler: Parameters<typeof guardRequests>[0] };
const server = createServer(guardRequests(logStatementCounts(handler), { trustProxy: config.trustProxy, bodyLimit: REQUEST_BODY_LIMIT }));
await new Promise<void>((listening) => server.listen(Number(process.env.PORT), process.env.HOST, listening));

// Scheduled jobs (mail retries, digests) run in this process beside the pages, on the same
// database connection; on shutdown the job in progress finishes before the process ends.
const jobs = await startMailJobs();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void jobs.stop().finally(() => process.exit(0));
  });
}

// Last, so the address and sign-ins are what is left on screen.
console.log(
  startBanner({
    publicUrl: config.publicUrl,
    listen: { host: process.env.HOST, port: process.env.PORT },
    demo: config.demo ? { password: DEMO_PASSWORD, signIns: [...DEMO_SIGN_INS, DEMO_OPERATOR_SIGN_IN] } : null,
    smtp: Boolean(config.smtpUrl),
  }),
);
