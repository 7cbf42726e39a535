// One worker of `npm run serve` (started by scripts/serve.ts): the built Astro server behind the
// front door, and the scheduled jobs, until the supervisor says stop.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REQUEST_BODY_LIMIT } from '../src/domain/people/index.ts';
import { startMailJobs } from '../src/server/mail/index.ts';
import { compressResponses, guardRequests, logStatementCounts, readConfig, serveWorker } from '../src/server/platform/index.ts';

const config = readConfig();
// Astro's handler runs behind our front door (address rule, size limit, TRACE), so the
// adapter must not start a server of its own.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(pathToFileURL(resolve('dist/server/entry.mjs')).href)) as { handler: Parameters<typeof guardRequests>[0] };

// Scheduled jobs (mail retries, digests) run in every worker beside the pages: each job is
// claimed in the database before it runs, so two workers never run the same one.
await serveWorker({
  handler: guardRequests(compressResponses(logStatementCounts(handler)), { trustProxy: config.trustProxy, bodyLimit: REQUEST_BODY_LIMIT }),
  port: Number(process.env.PORT),
  host: process.env.HOST ?? 'localhost',
  startJobs: () => startMailJobs(),
});
