// Lighthouse (mobile) on signed-in pages of a running Camau server, for `npm run bench`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { percentile } from '../src/domain/common/index.ts';

export type LighthousePage = { name: string; path: string; cookie: string };

export type LighthouseScore = {
  name: string;
  path: string;
  /** Category scores, 0–100. */
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Scored audits of the two categories below full marks (accessibility) or below 0.9 (performance), by id. */
  shortfalls: string[];
  lighthouseVersion: string;
  /** Lighthouse's measure of this machine's speed during the run: below 1,000 Lighthouse itself warns that the CPU is too slow for its figures. */
  benchmarkIndex: number;
};

/** The browser: CHROME_PATH (Lighthouse's own variable), else CHROMIUM_PATH (the e2e tests'), else Debian's Chromium. */
function chromePath(): string {
  const path = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`No Chromium at ${path}: install it (apt-get install chromium) or set CHROME_PATH.`);
  return path;
}

/** Starts headless Chromium with a debugging port on a fresh profile and answers the port once it listens. */
async function launchChromium(profile: string): Promise<{ port: number; browser: ChildProcess }> {
  const flags = [
    '--headless=new',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    // The quiet-browser flags Lighthouse's own launcher uses, so background work does not skew the figures.
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-extensions',
    '--disable-component-update',
    '--disable-background-networking',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    '--disable-default-apps',
    '--disable-sync',
    '--metrics-recording-only',
    '--mute-audio',
    '--password-store=basic',
    '--use-mock-keychain',
    // Chromium refuses to start as root with its sandbox on (containers, CI).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    'about:blank',
  ];
  const browser = spawn(chromePath(), flags, { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start within 30 s:\n${output}`)), 30_000);
    browser.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before listening:\n${output}`)));
    browser.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  browser.stderr!.resume();
  return { port, browser };
}

/** Sends DevTools protocol commands to the browser, in order, over Node's own WebSocket. */
async function browserCommands(port: number, commands: [method: string, params?: object][]): Promise<void> {
  const { webSocketDebuggerUrl } = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const socket = new WebSocket(webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error('Could not reach Chromium over the DevTools protocol'));
  });
  const answers = new Map<number, (reply: { error?: { message: string } }) => void>();
  socket.onmessage = (message) => {
    const reply = JSON.parse(String(message.data)) as { id?: number; error?: { message: string } };
    if (reply.id !== undefined) answers.get(reply.id)?.(reply);
  };
  socket.onclose = () => answers.forEach((answer) => answer({ error: { message: 'the browser closed the connection' } }));
  try {
    for (const [id, [method, params = {}]] of commands.entries()) {
      await new Promise<void>((resolve, reject) => {
        answers.set(id, (reply) => (reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve()));
        socket.send(JSON.stringify({ id, method, params }));
      });
    }
  } finally {
    socket.close();
  }
}

/**
 * Empties the browser's cookie jar and puts the page's session cookie in it. Not Lighthouse's
 * extraHeaders: once a page has set a cookie of its own (the remembered language), Chromium sends
 * the jar's Cookie header instead and the session is lost.
 */
async function useCookie(port: number, base: string, cookie: string): Promise<void> {
  const [name, ...value] = cookie.split('=');
  await browserCommands(port, [
    ['Storage.clearCookies'],
    ['Storage.setCookies', { cookies: [{ name: name!.trim(), value: value.join('='), url: base, httpOnly: true, sameSite: 'Lax' }] }],
  ]);
}

/** Closes the browser and its helper processes, then removes its profile. */
async function closeChromium(port: number, browser: ChildProcess, profile: string): Promise<void> {
  const exited = new Promise((resolve) => (browser.exitCode === null ? browser.once('exit', resolve) : resolve(null)));
  // Browser.close ends the helpers too; a plain kill can leave them writing into the profile.
  await browserCommands(port, [['Browser.close']]).catch(() => browser.kill());
  const timer = setTimeout(() => browser.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    console.warn(`Could not remove Chromium's profile ${profile}: ${String(error)}`);
  }
}

/** One Lighthouse run of one page: performance and accessibility only, Lighthouse's default (mobile) settings. */
async function audit(port: number, base: string, page: LighthousePage): Promise<LighthouseScore> {
  await useCookie(port, base, page.cookie);
  const result = await lighthouse(new URL(page.path, base).href, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (lhr.finalDisplayedUrl !== new URL(page.path, base).href) throw new Error(`${page.path} ended at ${lhr.finalDisplayedUrl}: is the cookie signed in?`);
  const category = (id: string) => lhr.categories[id]!;
  const shortfalls = (['performance', 'accessibility'] as const).flatMap((id) =>
    category(id)
      .auditRefs.filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id]!)
      .filter((a) => a.score !== null && a.score < (id === 'accessibility' ? 1 : 0.9))
      .map((a) => a.id),
  );
  return {
    name: page.name,
    path: page.path,
    performance: Math.round((category('performance').score ?? 0) * 100),
    accessibility: Math.round((category('accessibility').score ?? 0) * 100),
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    shortfalls,
    lighthouseVersion: lhr.lighthouseVersion,
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

/**
 * Lighthouse's mobile scores for signed-in pages of a server already running at `base`.
 * Needs: the `lighthouse` dev dependency (13.x, which wants Node 22: run through `npm run` or
 * `npx node`), and Chromium at CHROME_PATH, CHROMIUM_PATH or /usr/bin/chromium (headless;
 * `--no-sandbox` when run as root). Each page's `cookie` is a `name=value` session cookie, put
 * in the browser's otherwise empty cookie jar before each run. Lighthouse's defaults stand:
 * mobile form factor and screen, simulated throttling. Pages run one after another in one
 * browser, `runs` times each, and the run with the median performance score is kept, as
 * Lighthouse advises for noisy machines. Run it while nothing else loads the machine: the
 * blocking time it scores is the page's main-thread time multiplied by four.
 */
export async function lighthouseScores(base: string, pages: LighthousePage[], runs = 3): Promise<LighthouseScore[]> {
  const profile = mkdtempSync(join(tmpdir(), 'camau-lighthouse-'));
  const { port, browser } = await launchChromium(profile);
  try {
    const scores: LighthouseScore[] = [];
    for (const page of pages) {
      const results: LighthouseScore[] = [];
      for (let i = 0; i < runs; i++) {
        // Lighthouse now and then loses a trace (NO_NAVSTART) on a busy machine: one more try, then fail.
        const run = await audit(port, base, page).catch((error: unknown) => {
          console.warn(`Lighthouse run of ${page.path} failed (${error instanceof Error ? error.message : String(error)}); trying once more.`);
          return audit(port, base, page);
        });
        results.push(run);
      }
      // percentile() answers one of the values, so one run has exactly the median score.
      const median = percentile(results.map((r) => r.performance), 50);
      scores.push(results.find((r) => r.performance === median)!);
    }
    return scores;
  } finally {
    await closeChromium(port, browser, profile);
  }
}

/** The bench's table rows (`| measure | figure | target |`) for the scores. */
export function lighthouseRowsMarkdown(scores: LighthouseScore[]): string[] {
  return scores.map((s) => {
    const below = s.shortfalls.length ? `; below full marks: ${s.shortfalls.map((id) => `\`${id}\``).join(', ')}` : '';
    return `| Lighthouse ${s.lighthouseVersion} mobile, ${s.name} (${s.path}): performance / accessibility (LCP, TBT, CLS) | ${s.performance} / ${s.accessibility} (${(s.lcpMs / 1000).toFixed(1)} s, ${s.tbtMs.toFixed(0)} ms, ${s.cls.toFixed(3)}; machine benchmark index ${s.benchmarkIndex.toFixed(0)}${below}) | ≥ 95 / 100 |`;
  });
}
