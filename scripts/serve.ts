// Prepares the database, prints where Camau is and how to sign in, then starts the built server.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { DEMO_PASSWORD, DEMO_SIGN_INS } from '../db/seed/demo.ts';
import { REQUEST_BODY_LIMIT } from '../src/domain/people/index.ts';
import { startMailJobs } from '../src/server/mail/index.ts';
import { guardRequests, readConfig } from '../src/server/platform/index.ts';
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
process.env.PORT ??= '4321';
const shownHost = ['0.0.0.0', '::'].includes(process.env.HOST) ? 'localhost' : process.env.HOST;
console.log(`\nCamau is running at http://${shownHost}:${process.env.PORT}/  (Cymraeg: http://${shownHost}:${process.env.PORT}/cy/)`);
if (config.demo) {
  console.log(`Demo sign-ins, all with the password ${DEMO_PASSWORD}:`);
  for (const { email, role } of DEMO_SIGN_INS) console.log(`  ${role.padEnd(8)} ${email}`);
}
if (!config.smtpUrl) console.log('No SMTP_URL: e-mails are kept in the outbox (Admin › Email outbox) and printed here.');
console.log('');

// Astro's handler runs behind our front door (address rule, size limit, TRACE), so the
// adapter must not start a server of its own.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(pathToFileURL(entry).href)) as { handler: Parameters<typeof guardRequests>[0] };
const server = createServer(guardRequests(handler, { trustProxy: config.trustProxy, bodyLimit: REQUEST_BODY_LIMIT }));
server.listen(Number(process.env.PORT), process.env.HOST);

// Scheduled jobs (mail retries, digests) run in this process beside the pages, on the same
// database connection; on shutdown the job in progress finishes before the process ends.
const jobs = await startMailJobs();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void jobs.stop().finally(() => process.exit(0));
  });
}
