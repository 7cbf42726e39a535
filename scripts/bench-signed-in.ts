// The signed-in mix of #19: the pages people use most, measured on this checkout and, in the same
// run, on the commit before the performance work, so the speed-up is a like-for-like figure.
// On its own: `npx node scripts/bench-signed-in.ts` prints the figures without writing them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../src/content/load.ts';
import { fmt, load, signIn, startSimulationAttempt, steadyLoad, withBenchServer, type Run } from './bench-http.ts';

/** The last commit before the work of #19: the mix's "before". */
export const BASELINE_COMMIT = '903b8c547e3662068c26c0f9cf0faf544e4dda64';

export const MIX_CONNECTIONS = 50;
export const MIX_SECONDS = 10;
export const STEADY_RATE = 100; // requests per second
export const STEADY_SECONDS = 20;

/** The names of the mix's pages, for the report. */
export const MIX_PAGE_NAMES = 'home, catalogue, module section, simulation step page, mentor workspace, training needs (a manager in Welsh, an admin in English)';

export type MixPage = { name: string; who: string; path: string };
type Request = { method: 'GET'; path: string; headers: Record<string, string> };

// Each page in both languages, each read by demo people who use that language (a person's
// language is remembered when it changes, so one person flipping on every request is not a real load).
const PEOPLE = {
  cy: { learner: 'learner@camau.example', mentor: 'iwan.jones@camau.example', manager: 'manager@camau.example' },
  en: { learner: 'cai.pritchard@camau.example', mentor: 'mentor@camau.example', manager: 'admin@camau.example' },
} as const;

/** Signs in the demo people and answers the mix: six pages, each in English and Welsh. */
export async function signedInMix(base: string): Promise<{ pages: MixPage[]; requests: Request[] }> {
  const content = loadContent(resolve('content'));
  const pages: MixPage[] = [];
  const cookies: Record<string, string> = {};
  for (const locale of ['en', 'cy'] as const) {
    const who = PEOPLE[locale];
    for (const email of Object.values(who)) cookies[email] = await signIn(base, email);
    const simulationPage = await startSimulationAttempt(base, cookies[who.learner]!, content.conversations[0]!.id);
    if (!simulationPage) throw new Error('could not start a simulation attempt');
    const prefix = locale === 'cy' ? '/cy' : '';
    pages.push(
      { name: 'home', who: who.learner, path: `${prefix}/home` },
      { name: 'catalogue', who: who.learner, path: `${prefix}/learn` },
      { name: 'module section', who: who.learner, path: `${prefix}/learn/risk-model/rm-threshold/two-duties` },
      { name: 'simulation step page', who: who.learner, path: `${prefix}${simulationPage}` },
      { name: 'mentor workspace', who: who.mentor, path: `${prefix}/mentoring` },
      { name: 'training needs', who: who.manager, path: `${prefix}/training/needs` },
    );
  }
  const requests = pages.map(({ who, path }) => ({ method: 'GET' as const, path, headers: { cookie: cookies[who]!, accept: 'text/html' } }));
  return { pages, requests };
}

export type MixFigures = { peak: Run; steady: Run };

/** Warms up, then the mix as fast as it goes at 50 connections, then evenly at 100 requests/s. */
export async function measureMix(base: string, label: string): Promise<MixFigures> {
  const { requests } = await signedInMix(base);
  for (const request of requests) {
    const response = await fetch(`${base}${request.path}`, { headers: request.headers });
    if (response.status !== 200) throw new Error(`${label}: ${request.path} answered ${response.status}`);
    await response.arrayBuffer();
  }
  console.log(`${label}: warming up…`);
  await load({ url: base, connections: 10, duration: 3, requests });
  console.log(`${label}: peak, ${MIX_CONNECTIONS} connections for ${MIX_SECONDS} s…`);
  const peak = await load({ url: base, connections: MIX_CONNECTIONS, duration: MIX_SECONDS, requests });
  console.log(`${label}: steady ${STEADY_RATE} requests/s for ${STEADY_SECONDS} s…`);
  const steady = await steadyLoad(base, requests, STEADY_RATE, STEADY_SECONDS);
  return { peak, steady };
}

/** Each mix page's SQL statements, counted at the database client of a server started to log them (the second view of each). */
export async function statementsPerPage(dir: string): Promise<{ page: MixPage; statements: number }[]> {
  return withBenchServer(resolve('.'), dir, { CAMAU_SQL_LOG: 'on' }, async (server) => {
    const { pages, requests } = await signedInMix(server.base);
    const counts = [];
    for (const [i, page] of pages.entries()) {
      // The first view may remember the person's language; the second is an ordinary view.
      await (await fetch(`${server.base}${page.path}`, { headers: requests[i]!.headers })).arrayBuffer();
      const before = server.statementLines.length;
      await (await fetch(`${server.base}${page.path}`, { headers: requests[i]!.headers })).arrayBuffer();
      // The line is written when the response has finished; give the log a moment to arrive.
      const find = () => server.statementLines.slice(before).find((l) => l.startsWith(`[sql] GET ${page.path} `));
      for (let wait = 0; !find() && wait < 100; wait++) await new Promise((r) => setTimeout(r, 20));
      counts.push({ page, statements: Number(find()?.split(' ').pop() ?? NaN) });
    }
    return counts;
  });
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

/** The mix on the baseline commit, then on this checkout (already built), in one run; then this checkout's statements per page. */
export async function mixBeforeAndAfter(dir: string): Promise<MixComparison> {
  console.log(`Building the baseline (${BASELINE_COMMIT.slice(0, 7)})…`);
  const root = baselineCheckout(BASELINE_COMMIT, dir);
  const measureAt = (at: string, label: string) => withBenchServer(at, dir, {}, (server) => measureMix(server.base, label));
  const before = await measureAt(root, 'before');
  const after = await measureAt(resolve('.'), 'now');
  return { before, after, statements: await statementsPerPage(dir) };
}

export type MixComparison = { before: MixFigures; after: MixFigures; statements: { page: MixPage; statements: number }[] };

/** The mix's rows for docs/benchmarks.md. */
export function mixRowsMarkdown({ before, after, statements }: MixComparison): string[] {
  const most = Math.max(...statements.map((s) => s.statements));
  return [
    `| mix at ${MIX_CONNECTIONS} connections: throughput now / before (${BASELINE_COMMIT.slice(0, 7)}), same run | ${after.peak.rps.toFixed(0)} / ${before.peak.rps.toFixed(0)} req/s = **${(after.peak.rps / before.peak.rps).toFixed(2)}×** (errors ${after.peak.errors}, non-2xx ${after.peak.non2xx}) | ≥ 4×, 0 errors |`,
    `| mix, steady ${STEADY_RATE} req/s for ${STEADY_SECONDS} s: p50 / p95 / p99 now | ${fmt(after.steady.p50)} / **${fmt(after.steady.p95)}** / ${fmt(after.steady.p99)} (errors ${after.steady.errors}, non-2xx ${after.steady.non2xx}) | p95 < 20 ms |`,
    `| the same, before | ${fmt(before.steady.p50)} / ${fmt(before.steady.p95)} / ${fmt(before.steady.p99)} (errors ${before.steady.errors}) | reported |`,
    `| SQL statements per request, counted at the database client: the most any page of the mix sends | **${most}** | ≤ 8 |`,
    `| SQL statements per page (second view) | ${statements.map(({ page, statements: n }) => `${page.name}${page.path.startsWith('/cy/') ? ' (cy)' : ''} ${n}`).join('; ')} | reported |`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), 'camau-mix-'));
  try {
    const figures = await mixBeforeAndAfter(dir);
    console.log(`Machine: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
    console.log(mixRowsMarkdown(figures).join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
