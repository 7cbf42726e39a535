// `npm run bench`: measures the production build with the demo data and writes the figures to
// docs/benchmarks.md. Benchmarks report; no test asserts a timing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { organisations, people, thresholdAttempts } from '../db/schema/index.ts';
import { assignments, markings, mentorLinks, personRoles, practiceTasks, submissions, taskAnswers } from '../db/schema/index.ts';
import { loadContent } from '../src/content/load.ts';
import { DECISIONS, LIKELIHOODS } from '../src/domain/thresholds/index.ts';
import { groupConsistency } from '../src/server/thresholds/index.ts';
import { conversationStructure } from '../src/server/simulations/index.ts';
import { conversationMachine } from '../src/machines/simulations/index.ts';
import type { ConversationScenario } from '../src/content/schemas.ts';
import { createActor } from 'xstate';
import { scopeFor, type Viewer } from '../src/server/people/index.ts';
import { percentile, seededRandom } from '../src/domain/common/index.ts';
import { tnaAtScale, tnaRowsMarkdown } from './bench-tna.ts';
import { mentoringAtScale } from './bench-mentoring.ts';
import { bookingRush, bookingRushRows } from './bench-training.ts';
import { rolloutAtScale } from './bench-training-rollout.ts';
import { evaluationAtScale, evaluationRowsMarkdown } from './bench-evaluation.ts';
import { prependBenchSection } from './bench-support.ts';
import { fetchOnce, fmt, freePort, load, signIn, startBenchServer, startSimulationAttempt, summarise, type Run } from './bench-http.ts';
import { BASELINE_COMMIT, MIX_PAGE_NAMES, mixBeforeAndAfter, mixRowsMarkdown, signedInMix } from './bench-signed-in.ts';
import { profileMarkdown, profileMix } from './bench-profile.ts';
import { lighthouseRowsMarkdown, lighthouseScores } from './bench-lighthouse.ts';

const PEAK_CONNECTIONS = 50;
const PEAK_SECONDS = 10;

/**
 * Server time to compute the consistency page's figures (query + statistics) for a large
 * authority: 5,000 practitioners × 24 vignettes in a fresh database file.
 */
async function consistencyAtScale(dir: string): Promise<{ median: number; p95: number; answers: number }> {
  const { db, client } = await openDatabase(`file:${join(dir, 'scale.db')}`);
  await migrateDatabase(db);
  const now = Date.now();
  await db.insert(organisations).values({ id: 'scale', nameEn: 'Scale', nameCy: 'Graddfa', defaultLocale: 'cy', createdAt: now });
  const base = loadContent(resolve('content')).vignettes;
  const vignettes = Array.from({ length: 24 }, (_, i) => ({ ...base[i % base.length]!, id: `${base[i % base.length]!.id}-${i}` }));
  const rnd = seededRandom(7);
  await db.transaction(async (tx) => {
    for (let p = 0; p < 5000; p += 250) {
      await tx.insert(people).values(Array.from({ length: 250 }, (_, i) => ({ id: `s${p + i}`, organisationId: 'scale', email: `s${p + i}@scale.example`, name: `S ${p + i}`, locale: 'cy' as const, status: 'active' as const, createdAt: now, updatedAt: now })));
    }
    const rows: (typeof thresholdAttempts.$inferInsert)[] = [];
    for (let p = 0; p < 5000; p++) {
      for (const v of vignettes) {
        rows.push({ id: `a${p}-${v.id}`, personId: `s${p}`, organisationId: 'scale', vignetteId: v.id, vignetteVersion: 1, snapshot: {}, revision: 4, status: 'complete', decision: rnd() < 0.7 ? v.panel.decision.answer : DECISIONS[Math.floor(rnd() * 5)]!, likelihood: LIKELIHOODS[Math.floor(rnd() * 4)]!, significant: 'no', startedAt: now, completedAt: now - Math.floor(rnd() * 365) * 86_400_000 });
        if (rows.length === 500) await tx.insert(thresholdAttempts).values(rows.splice(0));
      }
    }
    if (rows.length) await tx.insert(thresholdAttempts).values(rows);
  });
  const viewer = { id: 's0', organisationId: 'scale', roles: ['admin'], teamIds: [], managedTeamIds: [], menteeIds: [] } as unknown as Viewer;
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const start = performance.now();
    const report = await groupConsistency(scopeFor(db, viewer), { kind: 'organisation' }, vignettes);
    times.push(performance.now() - start);
    if (!report.enough) throw new Error('expected figures');
  }
  client.close();
  return { median: percentile(times, 50), p95: percentile(times, 95), answers: 5000 * 24 };
}

/**
 * Mentoring at scale: gives the demo mentor 40 more mentees and 1,000 past (released) submissions
 * plus 20 waiting, in the running server's database, then measures the workspace home and the
 * Review queue at 10 connections (server time per request = 1 ÷ throughput). Reported, never asserted.
 */
async function mentorWorkspaceAtScale(base: string, cookie: string, databaseFile: string): Promise<{ name: string; path: string; run: Run }[]> {
  const { db, client } = await openDatabase(`file:${databaseFile}`);
  const now = Date.now();
  const DAY = 86_400_000;
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
  const mentees = Array.from({ length: 40 }, (_, i) => `bench-mentee-${i}`);
  await db.transaction(async (tx) => {
    await tx.insert(people).values(mentees.map((id, i) => ({ id, organisationId: 'demo-org', email: `${id}@camau.example`, name: `Mentorai ${i + 1}`, locale: 'cy' as const, status: 'active' as const, createdAt: now - 400 * DAY, updatedAt: now })));
    await tx.insert(personRoles).values(mentees.map((personId) => ({ personId, role: 'learner' as const })));
    await tx.insert(mentorLinks).values(mentees.map((menteeId) => ({ menteeId, mentorId: 'demo-mentor', createdAt: now - 400 * DAY })));
    await tx.insert(practiceTasks).values(Array.from({ length: 40 }, (_, i) => ({ id: `bench-task-${i}`, organisationId: 'demo-org', authorId: 'demo-mentor', title: `Practice task ${i + 1}`, instructions: 'Write it in your own words.', locale: 'en' as const, createdAt: now - 400 * DAY })));
    for (let n = 0; n < 1020; n += 255) {
      const batch = Array.from({ length: Math.min(255, 1020 - n) }, (_, k) => n + k);
      const past = (i: number) => i < 1000;
      const at = (i: number) => now - (past(i) ? 380 - Math.floor(i / 3) : 20 - (i - 1000)) * DAY;
      await tx.insert(assignments).values(batch.map((i) => ({ id: `bench-a${i}`, organisationId: 'demo-org', menteeId: mentees[i % 40]!, assignedBy: 'demo-mentor', ownerId: 'demo-mentor', activityKind: 'task' as const, activityId: `bench-task-${i % 40}`, dueDate: day(past(i) ? -370 + Math.floor(i / 3) : 10), note: null, askReview: true, requestKey: `bench-${i}`, createdAt: at(i) - 5 * DAY, updatedAt: at(i) })));
      await tx.insert(taskAnswers).values(batch.map((i) => ({ id: `bench-t${i}`, assignmentId: `bench-a${i}`, personId: mentees[i % 40]!, version: 1, text: 'An answer in my own words.', createdAt: at(i) })));
      await tx.insert(submissions).values(batch.map((i) => ({ id: `bench-s${i}`, organisationId: 'demo-org', assignmentId: `bench-a${i}`, menteeId: mentees[i % 40]!, version: 1, workKind: 'task' as const, workId: `bench-t${i}`, state: past(i) ? ('feedback-released' as const) : ('submitted' as const), reviewerId: 'demo-mentor', rubricId: 'reflective-practice', submittedAt: at(i), releasedAt: past(i) ? at(i) + 2 * DAY : null })));
      const marked = batch.filter(past);
      if (marked.length) await tx.insert(markings).values(marked.map((i) => ({ id: `bench-m${i}`, submissionId: `bench-s${i}`, markerId: 'demo-mentor', role: 'first' as const, rubricId: 'reflective-practice', rubricVersion: 1, levels: {}, comments: {}, overall: 'Feedback.', total: 10 + (i % 7), revision: 1, updatedAt: at(i) + 2 * DAY, releasedAt: at(i) + 2 * DAY })));
    }
  });
  client.close();
  const results: { name: string; path: string; run: Run }[] = [];
  for (const [name, path] of [['workspace home', '/mentoring'], ['Review queue', '/mentoring/queue']] as const) {
    console.log(`Mentoring ${name}: 10 connections for ${PEAK_SECONDS} s…`);
    results.push({ name, path, run: await load({ url: base, connections: 10, duration: PEAK_SECONDS, requests: [{ method: 'GET', path, headers: { cookie, accept: 'text/html' } }] }) });
  }
  return results;
}

/**
 * 50 learners at once, each working through threshold exercises step after step (each step a
 * form post the server applies to the stored machine); every step's time is recorded.
 */
async function exerciseSteps(base: string, cookie: string, vignette: { id: string; stages: unknown[] }, seconds: number): Promise<Run> {
  const times: number[] = [];
  let errors = 0;
  const stop = performance.now() + seconds * 1000;
  const post = async (path: string, form: Record<string, string>) => {
    const start = performance.now();
    const response = await fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
    await response.arrayBuffer();
    times.push(performance.now() - start);
    if (response.status !== 303) errors += 1;
    return response.headers.get('location');
  };
  const worker = async () => {
    while (performance.now() < stop) {
      const location = await post('/practice', { vignette: vignette.id });
      if (!location) continue;
      const path = new URL(location, base).pathname;
      const steps: Record<string, string>[] = [
        { event: 'SCREEN', answer: 'yes', reason: 'Benchmark reason.' },
        ...Array.from({ length: vignette.stages.length - 2 }, () => ({ event: 'REVEAL_NEXT' })),
        { event: 'START_ASSESSMENT' },
        { event: 'SUBMIT_ASSESSMENT', 'needs.developmentalNeeds': 'partly', 'needs.parentingCapacity': 'partly', 'needs.familyAndEnvironment': 'meets', childNeedsMet: 'partly', levelOfHarm: 'moderate', kindsOfHarm: 'neglect', likelihood: 'likely', significant: 'yes', decision: 'strategy-discussion', followUp: '', summary: 'Benchmark summary.' },
      ];
      for (const [revision, step] of steps.entries()) await post(path, { ...step, revision: String(revision) });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: 50 }, worker));
  return summarise(times, times.length, errors, errors, started);
}

/**
 * 50 learners at once, each playing Collaborative Conversation practices through the island's
 * endpoint (one JSON event per step, applied to the stored machine); every step is timed.
 */
async function simulationSteps(base: string, cookie: string, scenario: ConversationScenario, seconds: number): Promise<Run> {
  const times: number[] = [];
  let errors = 0;
  const stop = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < stop) {
      const path = await startSimulationAttempt(base, cookie, scenario.id);
      if (!path) {
        errors += 1;
        continue;
      }
      const api = path.replace('/simulations/attempts/', '/api/simulations/');
      const actor = createActor(conversationMachine, { input: { structure: conversationStructure(scenario) } }).start();
      for (let revision = 0; actor.getSnapshot().status !== 'done'; revision++) {
        const turn = scenario.turns.find((t) => t.id === actor.getSnapshot().context.turn)!;
        const event = { type: 'CHOOSE' as const, optionId: turn.options[revision % turn.options.length]!.id };
        const start = performance.now();
        const response = await fetch(`${base}${api}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ revision, event }) });
        await response.arrayBuffer();
        times.push(performance.now() - start);
        if (response.status !== 200) {
          errors += 1;
          break;
        }
        actor.send(event);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: 50 }, worker));
  return summarise(times, times.length, errors, errors, started);
}

/** Compressed size of every script a page loads (module scripts and their imports, followed). */
async function compressedScriptBytes(base: string, path: string, cookie: string): Promise<number> {
  const html = await (await fetchOnce(`${base}${path}`, { headers: { cookie } })).text();
  const queue = [...html.matchAll(/<script[^>]+src="([^"]+)"|(?:component-url|renderer-url|before-hydration-url)="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? m[3]!).filter(Boolean);
  // Inline scripts (Astro's island loader) count too.
  let bytes = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + gzipSync(m[1]!).length, 0);
  const seen = new Set<string>();
  while (queue.length) {
    const url = new URL(queue.shift()!, `${base}${path}`).href;
    if (seen.has(url)) continue;
    seen.add(url);
    const js = await (await fetchOnce(url)).text();
    bytes += gzipSync(js).length;
    for (const m of js.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) queue.push(new URL(m[1]!, url).href);
  }
  return bytes;
}

console.log('Building the production server…');
const build = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
if (build.status !== 0) process.exit(build.status ?? 1);

const dir = mkdtempSync(join(tmpdir(), 'camau-bench-'));
// First the signed-in mix of #19, before and after, each on a fresh server of its own.
const mix = await mixBeforeAndAfter(dir);
const serverDir = mkdtempSync(join(dir, 'main-'));
const server = await startBenchServer(resolve('.'), serverDir);
const base = server.base;
let staticServer: Server | undefined;
try {
  const cookies = Object.fromEntries(await Promise.all(['learner', 'mentor', 'manager', 'admin'].map(async (role) => [role, await signIn(base, `${role}@camau.example`)])));
  const content = loadContent(resolve('content'));
  const simulationPage = (await startSimulationAttempt(base, cookies.learner!, content.conversations[0]!.id))!;
  const conferencePage = (await startSimulationAttempt(base, cookies.learner!, content.conferences[0]!.id))!;

  // A signed-in module section against a bare Node server returning the same HTML, in this run.
  const moduleSection = '/learn/risk-model/rm-threshold/two-duties';
  const sectionRequest = { method: 'GET' as const, path: moduleSection, headers: { cookie: cookies.learner!, accept: 'text/html' } };
  console.log(`Module section: warming up, then ${PEAK_CONNECTIONS} connections for ${PEAK_SECONDS} s…`);
  await load({ url: base, connections: 10, duration: 3, requests: [sectionRequest] });
  const sectionRun = await load({ url: base, connections: PEAK_CONNECTIONS, duration: PEAK_SECONDS, requests: [sectionRequest] });
  const sectionHtml = await (await fetchOnce(`${base}${moduleSection}`, { headers: sectionRequest.headers })).text();
  const staticPort = await freePort();
  staticServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(sectionHtml);
  });
  await new Promise<void>((resolve) => staticServer!.listen(staticPort, '127.0.0.1', resolve));
  console.log(`Bare server, same HTML: ${PEAK_CONNECTIONS} connections for ${PEAK_SECONDS} s…`);
  const bare = await load({ url: `http://127.0.0.1:${staticPort}/`, connections: PEAK_CONNECTIONS, duration: PEAK_SECONDS });
  staticServer.close();

  console.log('Lighthouse (mobile) on four pages…');
  const { pages: mixPages, requests: mixRequests } = await signedInMix(base);
  const lighthousePages = ['module section', 'simulation step page', 'mentor workspace', 'training needs'].map((name) => {
    const i = mixPages.findIndex((p) => p.name === name && !p.path.startsWith('/cy/'));
    return { name, path: mixPages[i]!.path, cookie: mixRequests[i]!.headers.cookie! };
  });
  const lighthouse = await lighthouseScores(base, lighthousePages);
  console.log('CPU profile of the mix…');
  const profile = await profileMix(dir);

  const learnerPages = [['catalogue', '/learn']] as const;
  const learning: { name: string; run: Run }[] = [];
  for (const [name, path] of learnerPages) {
    console.log(`${name}: ${PEAK_CONNECTIONS} connections for ${PEAK_SECONDS} s…`);
    learning.push({ name, run: await load({ url: base, connections: PEAK_CONNECTIONS, duration: PEAK_SECONDS, requests: [{ method: 'GET', path, headers: { cookie: cookies.learner!, accept: 'text/html' } }] }) });
  }
  const sectionJs = await compressedScriptBytes(base, moduleSection, cookies.learner!);
  const checkJs = await compressedScriptBytes(base, '/learn/risk-model/rm-threshold/check', cookies.learner!);
  console.log('Threshold exercise steps: 50 concurrent learners for 10 s…');
  const practiceVignette = content.vignettes[0]!;
  const steps = await exerciseSteps(base, cookies.learner!, practiceVignette, PEAK_SECONDS);
  console.log('Simulation steps: 50 concurrent learners for 10 s…');
  const simulation = await simulationSteps(base, cookies.learner!, content.conversations[0]!, PEAK_SECONDS);
  const conversationJs = await compressedScriptBytes(base, simulationPage, cookies.learner!);
  const conferenceJs = await compressedScriptBytes(base, conferencePage, cookies.learner!);
  console.log('Consistency figures for 5,000 practitioners × 24 vignettes…');
  const scale = await consistencyAtScale(dir);
  console.log('Training needs analysis for a manager of 300 and an admin of 5,000…');
  const tna = await tnaAtScale(dir);

  // Mentoring (#14): the person page with its Progress section and the overview, as the demo mentor; then at 40 mentees.
  const mentoringPages: { name: string; run: Run }[] = [];
  for (const [name, path] of [['person page with Progress (/people/demo-learner)', '/people/demo-learner'], ['overview (/mentoring/overview, 6 mentees)', '/mentoring/overview']] as const) {
    console.log(`${name}: ${PEAK_CONNECTIONS} connections for ${PEAK_SECONDS} s…`);
    mentoringPages.push({ name, run: await load({ url: base, connections: PEAK_CONNECTIONS, duration: PEAK_SECONDS, requests: [{ method: 'GET', path, headers: { cookie: cookies.mentor!, accept: 'text/html' } }] }) });
  }
  console.log('Mentor overview for 40 mentees and one progress section…');
  const mentoring = await mentoringAtScale(dir, content);
  console.log('Workshop booking: 50 simultaneous bookers on one workshop…');
  const rush = await bookingRush(dir);
  const workspacePages = await mentorWorkspaceAtScale(base, cookies.mentor!, join(serverDir, 'bench.db'));
  console.log('Rollout and Welsh-medium figures for 5,000 staff…');
  const rolloutScale = await rolloutAtScale(dir);
  console.log('Evaluation report for 5,000 staff with two years of history…');
  const evaluation = await evaluationAtScale(dir);

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`;
  const date = new Date().toISOString().slice(0, 10);
  const reportPages = [
    ['consistency (5,000 practitioners × 24 vignettes)', scale.median],
    ['training needs, admin of 5,000', tna.admin.median],
    ['evaluation report, admin of 5,000, two years (kept figures, as a page view reads them)', evaluation.admin.kept.median],
  ] as const;
  const section = [
    `## Signed-in pages (${date})`,
    '',
    `Machine: ${machine}; load average ${loadavg()[0]!.toFixed(1)} at the end. Command: \`npm run bench\` (production build, demo data, a fresh SQLite file per server; the load generator and the server share the machine). The server runs as \`npm start\` does: ${process.env.WEB_CONCURRENCY ?? cpus().length} worker(s) under the supervisor.`,
    `Mix (each page in English and Welsh, each read by demo people who use that language): ${MIX_PAGE_NAMES}. The "before" figures are the same mix on ${BASELINE_COMMIT.slice(0, 7)} (the commit before this work), built and measured in this run.`,
    '',
    '| measure | figure | target |',
    '|---|---|---|',
    `| module section (${moduleSection}), signed-in learner, ${PEAK_CONNECTIONS} connections: throughput ÷ a bare Node server returning the same HTML, same run | ${sectionRun.rps.toFixed(0)} ÷ ${bare.rps.toFixed(0)} req/s = **${(sectionRun.rps / bare.rps).toFixed(3)}** (errors ${sectionRun.errors}, non-2xx ${sectionRun.non2xx}) | ≥ 0.10 |`,
    ...mixRowsMarkdown(mix),
    ...reportPages.map(([name, ms]) => `| report page server time: ${name}, median of 9 | ${fmt(ms)} | < 300 ms |`),
    ...lighthouseRowsMarkdown(lighthouse),
    '',
    profileMarkdown(profile),
    '',
    `### E-learning pages at ${PEAK_CONNECTIONS} concurrent users (signed-in learner)`,
    '',
    '| page | latency p50 / p95 / p99 (incl. queueing) | throughput | server time per request (1 ÷ throughput) | errors, non-2xx |',
    '|---|---|---|---|---|',
    ...learning.map(({ name, run }) => `| ${name} | ${fmt(run.p50)} / ${fmt(run.p95)} / ${fmt(run.p99)} | ${run.rps.toFixed(0)} req/s | ${fmt(1000 / run.rps)} | ${run.errors}, ${run.non2xx} |`),
    '',
    '| page | compressed JavaScript (gzip) | target |',
    '|---|---|---|',
    `| module section (${moduleSection}) | ${(sectionJs / 1024).toFixed(1)} KB | no JS beyond islands; ≤ 100 KB |`,
    `| knowledge check (the page with the island) | ${(checkJs / 1024).toFixed(1)} KB | ≤ 100 KB |`,
    '',
    'At 50 connections with no think time, latency is mostly waiting in line behind the other 49 requests (one Node process); the server time per request is the work each page costs.',
    '',
    '### Threshold practice',
    '',
    '| measure | figure | target |',
    '|---|---|---|',
    `| exercise step (a form post applied to the stored machine), 50 concurrent learners: p50 / p95 / p99 | ${fmt(steps.p50)} / ${fmt(steps.p95)} / ${fmt(steps.p99)} (${steps.requests} steps, ${steps.rps.toFixed(0)} steps/s, ${steps.errors} errors) | p95 reported |`,
    `| consistency figures (query + statistics) for 5,000 practitioners × 24 vignettes (${scale.answers} answers): median / p95 of 9 runs | ${fmt(scale.median)} / ${fmt(scale.p95)} | < 300 ms |`,
    '',
    '### Training needs analysis',
    '',
    '| measure | figure | target |',
    '|---|---|---|',
    ...tnaRowsMarkdown(tna),
    '',
    '### Simulations',
    '',
    '| measure | figure | target |',
    '|---|---|---|',
    `| simulation step (a JSON event applied to the stored machine), 50 concurrent learners: p50 / p95 / p99 incl. queueing | ${fmt(simulation.p50)} / ${fmt(simulation.p95)} / ${fmt(simulation.p99)} (${simulation.requests} steps, ${simulation.rps.toFixed(0)} steps/s, ${simulation.errors} errors) | p95 reported |`,
    `| simulation step: server time per step (1 ÷ throughput) | ${fmt(1000 / simulation.rps)} | reported |`,
    `| conversation step page: compressed JavaScript (gzip) | ${(conversationJs / 1024).toFixed(1)} KB | ≤ 100 KB |`,
    `| case conference step page: compressed JavaScript (gzip) | ${(conferenceJs / 1024).toFixed(1)} KB | ≤ 100 KB |`,
    '',
    '### Mentoring: progress and overview',
    '',
    '| measure | figure | target |',
    '|---|---|---|',
    ...mentoringPages.map(({ name, run }) => `| ${name}, ${PEAK_CONNECTIONS} connections: server time per request (1 ÷ throughput); p95 incl. queueing | ${fmt(1000 / run.rps)}; ${fmt(run.p95)} (${run.errors} errors, ${run.non2xx} non-2xx) | reported |`),
    `| overview figures for a mentor of ${mentoring.mentees} mentees, a year of activity each (queries + figures, in process): median / p95 of 9 runs | ${fmt(mentoring.overview.median)} / ${fmt(mentoring.overview.p95)} | reported |`,
    `| one mentee's Progress section readers (same data): median / p95 of 9 runs | ${fmt(mentoring.progress.median)} / ${fmt(mentoring.progress.p95)} | reported |`,
    '',
    '### Workshop booking',
    '',
    '| measure | figure | target |',
    '|---|---|---|',
    ...bookingRushRows(rush),
    '',
    '### Mentoring: a mentor with 40 more mentees, 1,000 past submissions and 20 waiting',
    '',
    '| page | latency p50 / p95 / p99 at 10 connections | throughput | server time per request (1 ÷ throughput) | errors, non-2xx |',
    '|---|---|---|---|---|',
    ...workspacePages.map(({ name, path, run }) => `| ${name} (${path}) | ${fmt(run.p50)} / ${fmt(run.p95)} / ${fmt(run.p99)} | ${run.rps.toFixed(0)} req/s | ${fmt(1000 / run.rps)} | ${run.errors}, ${run.non2xx} |`),
    '',
    '### Training rollout',
    '',
    '| measure | figure | target |',
    '|---|---|---|',
    `| rollout page figures (5 phases, completion curves, confidence before/after) for ${rolloutScale.staff} staff (${rolloutScale.completions} module completions), admin: median / p95 of 9 runs | ${fmt(rolloutScale.rollout.median)} / ${fmt(rolloutScale.rollout.p95)} | < 300 ms |`,
    `| Welsh-medium share for the last financial year, ${rolloutScale.staff} staff: median / p95 of 9 runs | ${fmt(rolloutScale.welshMedium.median)} / ${fmt(rolloutScale.welshMedium.p95)} | < 300 ms |`,
    '',
    '### Evaluation report',
    '',
    '| measure | figure | target |',
    '|---|---|---|',
    ...evaluationRowsMarkdown(evaluation),
    '',
  ].join('\n');
  const file = prependBenchSection(section);
  console.log(`\n${section}\nWritten to ${file}.`);
} finally {
  staticServer?.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
