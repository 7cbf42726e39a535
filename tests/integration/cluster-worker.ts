// A worker for the supervisor tests: the real serveWorker (database checks on the real database
// of DATABASE_URL, a real job runner) around a tiny handler instead of the built Astro server.
//   GET /pid          answers this worker's pid
//   GET /slow?ms=N    sends its headers and a first line at once, the rest N ms later
import { getDb, serveWorker, startJobRunner } from '../../src/server/platform/index.ts';

await serveWorker({
  port: Number(process.env.PORT),
  host: '127.0.0.1',
  // Quicker than in production, so the out-of-service test takes seconds, not a minute.
  checkEveryMs: Number(process.env.CAMAU_TEST_CHECK_EVERY_MS ?? 1000),
  failuresBeforeExit: 2,
  startJobs: async () => startJobRunner({ db: await getDb(), kinds: [], intervalMs: 1000 }),
  handler(req, res) {
    const url = new URL(req.url ?? '/', 'http://worker');
    if (url.pathname === '/slow') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('started\n');
      setTimeout(() => res.end(`${'x'.repeat(100_000)}\nfinished by ${process.pid}\n`), Number(url.searchParams.get('ms') ?? 1000));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(String(process.pid));
  },
});
