// What the HTTP bench blocks share: a free port, a server started from a checkout, signing in,
// and the two ways of loading it (as fast as it goes, and evenly paced).
import { spawn } from 'node:child_process';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../db/seed/demo.ts';
import { percentile } from '../src/domain/common/index.ts';

export type Run = { requests: number; errors: number; non2xx: number; rps: number; p50: number; p95: number; p99: number };

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export type BenchServer = { base: string; statementLines: string[]; stop: () => Promise<void> };

/**
 * Serves the built app of the checkout at `root` (dist/ must exist) with the demo data on a fresh
 * database in `dir`; resolves once /health answers. With CAMAU_SQL_LOG=on in `env`, each request's
 * SQL statement count arrives in `statementLines`.
 */
export async function startBenchServer(root: string, dir: string, env: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['scripts/serve.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${join(dir, 'bench.db')}`, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, CAMAU_DEMO: 'on', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const statementLines: string[] = [];
  let pending = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('[sql] ')) statementLines.push(line);
      else process.stderr.write(line + '\n');
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitFor(`${base}/health`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, statementLines, stop };
}

/** Runs `work` against a fresh server of the checkout at `root` (its database in a new folder under `dir`), stopping it after. */
export async function withBenchServer<T>(root: string, dir: string, env: Record<string, string>, work: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await startBenchServer(root, mkdtempSync(join(dir, 'server-')), env);
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

export async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 303 || !cookie) throw new Error(`could not sign in as ${email} (HTTP ${response.status})`);
  return cookie;
}

/** Starts a simulation attempt as the learner would (the list page's form) and returns its page path. */
export async function startSimulationAttempt(base: string, cookie: string, scenarioId: string): Promise<string | null> {
  const response = await fetch(`${base}/simulations`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ scenario: scenarioId }) });
  await response.arrayBuffer();
  const location = response.headers.get('location');
  return location ? new URL(location, base).pathname : null;
}

/** Runs autocannon, recording every response time so that p95 can be reported exactly. */
export function load(options: autocannon.Options): Promise<Run> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      resolve({
        requests: result.requests.total,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        rps: result.requests.average,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        p99: percentile(times, 99),
      });
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  });
}

/** A run's figures from each request's time (ms), counted from `started`. */
export function summarise(times: number[], requests: number, errors: number, non2xx: number, started: number): Run {
  return { requests, errors, non2xx, rps: requests / ((performance.now() - started) / 1000), p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

/**
 * An evenly paced load: one request every 1000/rate ms, on keep-alive connections, each timed
 * from send to last byte. (autocannon's overallRate fires all its connections on the same timer
 * tick, which measures its own bursts rather than a steady rate.)
 */
export async function steadyLoad(base: string, requests: { path: string; headers: Record<string, string> }[], rate: number, seconds: number): Promise<Run> {
  const times: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const total = rate * seconds;
  const interval = 1000 / rate;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const request = requests[i % requests.length]!;
    const sent = performance.now();
    inFlight.push(
      fetch(`${base}${request.path}`, { headers: request.headers })
        .then(async (response) => {
          await response.arrayBuffer();
          if (response.status < 200 || response.status >= 300) non2xx += 1;
          times.push(performance.now() - sent);
        })
        .catch(() => {
          errors += 1;
        }),
    );
  }
  await Promise.all(inFlight);
  return summarise(times, total, errors, non2xx, start);
}

/** fetch, tried once more if the server closed an idle keep-alive socket just as it was reused. */
export async function fetchOnce(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}
