// The signed-in mix of #19: the pages people use most, measured on this checkout and, in the same
// run, on the commit before the performance work, so the speed-up is a like-for-like figure.
// On its own: `npx node scripts/bench-signed-in.ts` prints the figures without writing them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../src/content/load.ts';
import { fmt, load, signIn, startBenchServer, startSimulationAttempt, steadyLoad, type BenchServer, type Run } from './bench-http.ts';

/** The last commit before the work of #19: the mix's "before". */
export const BASELINE_COMMIT = '903b8c547e3662068c26c0f9cf0faf544e4dda64';

export const MIX_CONNECTIONS = 50;
export const MIX_SECONDS = 10;
export const STEADY_RATE = 100; // requests per second
export const STEADY_SECONDS = 20;

export type MixPage = { name: string; role: 'learner' | 'mentor' | 'manager'; path: string };
type Request = { method: 'GET'; path: string; headers: Record<string, string> };

/** Signs in the demo roles and answers the mix: six pages, each in English and Welsh. */
export async function signedInMix(base: string): Promise<{ pages: MixPage[]; requests: Request[]; cookies: Record<string, string> }> {
  const cookies: Record<string, string> = {};
  for (const role of ['learner', 'mentor', 'manager'] as const) cookies[role] = await signIn(base, `${role}@camau.example`);
  const content = loadContent(resolve('content'));
  const simulationPage = await startSimulationAttempt(base, cookies.learner!, content.conversations[0]!.id);
  if (!simulationPage) throw new Error('could not start a simulation attempt');
  const english: MixPage[] = [
    { name: 'home', role: 'learner', path: '/home' },
    { name: 'catalogue', role: 'learner', path: '/learn' },
    { name: 'module section', role: 'learner', path: '/learn/risk-model/rm-threshold/two-duties' },
    { name: 'simulation step page', role: 'learner', path: simulationPage },
    { name: 'mentor workspace', role: 'mentor', path: '/mentoring' },
    { name: 'training needs', role: 'manager', path: '/training/needs' },
  ];
  const pages = english.flatMap((page) => [page, { ...page, path: `/cy${page.path}` }]);
  const requests = pages.map(({ role, path }) => ({ method: 'GET' as const, path, headers: { cookie: cookies[role]!, accept: 'text/html' } }));
  return { pages, requests, cookies };
}

export type MixFigures = { peak: Run; steady: Run; statements: { page: MixPage; statements: number }[] };

/** Warms up, then the mix as fast as it goes at 50 connections, then evenly at 100 requests/s; then each page's SQL statements. */
export async function measureMix(server: BenchServer, label: string): Promise<MixFigures> {
  const { pages, requests } = await signedInMix(server.base);
  for (const request of requests) {
    const response = await fetch(`${server.base}${request.path}`, { headers: request.headers });
    if (response.status !== 200) throw new Error(`${label}: ${request.path} answered ${response.status}`);
    await response.arrayBuffer();
  }
  console.log(`${label}: warming up…`);
  await load({ url: server.base, connections: 10, duration: 3, requests });
  console.log(`${label}: peak, ${MIX_CONNECTIONS} connections for ${MIX_SECONDS} s…`);
  const peak = await load({ url: server.base, connections: MIX_CONNECTIONS, duration: MIX_SECONDS, requests });
  console.log(`${label}: steady ${STEADY_RATE} requests/s for ${STEADY_SECONDS} s…`);
  const steady = await steadyLoad(server.base, requests, STEADY_RATE, STEADY_SECONDS);
  const statements = [];
  for (const [i, page] of pages.entries()) {
    const before = server.statementLines.length;
    await (await fetch(`${server.base}${page.path}`, { headers: requests[i]!.headers })).arrayBuffer();
    // The line is written when the response has finished; give the log a moment to arrive.
    const find = () => server.statementLines.slice(before).find((l) => l.startsWith(`[sql] GET ${page.path} `));
    for (let wait = 0; !find() && wait < 100; wait++) await new Promise((r) => setTimeout(r, 20));
    const line = find();
    statements.push({ page, statements: line ? Number(line.split(' ').pop()) : NaN });
  }
  return { peak, steady, statements };
}

/** The commit's files in a temporary folder, built, sharing this checkout's node_modules. */
export function baselineCheckout(commit: string, dir: string): string {
  const root = join(dir, 'baseline');
  mkdirSync(root);
  const archive = spawnSync('sh', ['-c', `git archive ${commit} | tar -x -C "${root}"`], { stdio: 'inherit' });
  if (archive.status !== 0) throw new Error(`could not check out ${commit} (is this a git clone with its history?)`);
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  const build = spawnSync(process.execPath, ['scripts/astro.ts', 'build'], { cwd: root, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error(`could not build ${commit}`);
  return root;
}

/** The mix on the baseline commit, then on this checkout (already built), in one run. */
export async function mixBeforeAndAfter(dir: string, env: Record<string, string> = {}): Promise<{ before: MixFigures; after: MixFigures }> {
  console.log(`Building the baseline (${BASELINE_COMMIT.slice(0, 7)})…`);
  const root = baselineCheckout(BASELINE_COMMIT, dir);
  const beforeDir = mkdtempSync(join(dir, 'before-'));
  let server = await startBenchServer(root, beforeDir);
  let before: MixFigures;
  try {
    before = await measureMix(server, 'before');
  } finally {
    await server.stop();
  }
  const afterDir = mkdtempSync(join(dir, 'after-'));
  server = await startBenchServer(resolve('.'), afterDir, env);
  try {
    return { before, after: await measureMix(server, 'now') };
  } finally {
    await server.stop();
  }
}

/** The mix's rows for docs/benchmarks.md. */
export function mixRowsMarkdown({ before, after }: { before: MixFigures; after: MixFigures }): string[] {
  const counts = after.statements.map(({ page, statements }, i) => `${page.name}${page.path.startsWith('/cy/') ? ' (cy)' : ''} ${statements} (was ${before.statements[i]?.statements ?? '?'})`);
  const most = Math.max(...after.statements.map((s) => s.statements));
  return [
    `| mix at ${MIX_CONNECTIONS} connections: throughput now / before (${BASELINE_COMMIT.slice(0, 7)}), same run | ${after.peak.rps.toFixed(0)} / ${before.peak.rps.toFixed(0)} req/s = **${(after.peak.rps / before.peak.rps).toFixed(2)}×** (errors ${after.peak.errors}, non-2xx ${after.peak.non2xx}) | ≥ 4× , 0 errors |`,
    `| mix, steady ${STEADY_RATE} req/s for ${STEADY_SECONDS} s: p50 / p95 / p99 now | ${fmt(after.steady.p50)} / **${fmt(after.steady.p95)}** / ${fmt(after.steady.p99)} (errors ${after.steady.errors}, non-2xx ${after.steady.non2xx}) | p95 < 20 ms |`,
    `| the same, before | ${fmt(before.steady.p50)} / ${fmt(before.steady.p95)} / ${fmt(before.steady.p99)} | reported |`,
    `| SQL statements per request, counted at the client: most of any page | **${most}** | ≤ 8 |`,
    `| SQL statements per page, now (before) | ${counts.join('; ')} | reported |`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), 'camau-mix-'));
  try {
    const figures = process.env.BENCH_BASELINE === 'off'
      ? { before: undefined, after: await (async () => { const s = await startBenchServer(resolve('.'), dir); try { return await measureMix(s, 'now'); } finally { await s.stop(); } })() }
      : await mixBeforeAndAfter(dir);
    console.log(`Machine: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
    console.log(figures.before ? mixRowsMarkdown(figures as { before: MixFigures; after: MixFigures }).join('\n') : JSON.stringify(figures.after, null, 1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
