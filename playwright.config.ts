import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, defineConfig } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * End-to-end tests run against the production build (`astro build` + scripts/serve.ts) on a
 * free port with a fresh database. The port and the database directory are chosen once, by
 * the first process that loads this file, and handed to worker processes (which load it
 * again) through the environment, so everyone talks to the same server.
 */

/** Asks the system for a free loopback port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('No free port was given'))));
    });
  });
}

/** CHROMIUM_PATH, else Debian's Chromium, else Playwright's own: Playwright cannot download browsers here. */
function chromiumExecutable(): string {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH is set to ${chosen}, but there is no file there.`);
    return chosen;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright has no browser of its own for this platform.
  }
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found for the end-to-end tests. Install it with `apt-get install chromium` (Debian/Ubuntu), ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable, or run `npx playwright install chromium` where downloads are allowed.',
  );
}

if (!process.env.CAMAU_E2E_PORT) process.env.CAMAU_E2E_PORT = String(await freePort());
if (!process.env.CAMAU_E2E_DIR) {
  const dir = mkdtempSync(join(tmpdir(), 'camau-e2e-'));
  process.env.CAMAU_E2E_DIR = dir;
  // Only the process that made the directory removes it, after the server has been stopped.
  process.on('exit', () => {
    if (!process.env.CAMAU_E2E_KEEP) rmSync(dir, { recursive: true, force: true });
  });
}
/**
 * A real SMTP server for the app under test: every message it receives is written as JSON to
 * CAMAU_E2E_DIR/mail, where specs read it as the person it was sent to (tests/e2e/support.ts).
 */
async function startMailCatcher(dir: string): Promise<number> {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    disableReverseLookup: true, // a reverse DNS lookup per connection only slows tests down
    async onData(stream, session, callback) {
      const mail = await simpleParser(stream);
      const to = session.envelope.rcptTo.map((r) => r.address);
      writeFileSync(join(dir, `${String(++count).padStart(5, '0')}.json`), JSON.stringify({ to, subject: mail.subject ?? '', text: mail.text ?? '' }));
      callback();
    },
  });
  const smtpPort = await freePort();
  await new Promise<void>((resolve) => server.listen(smtpPort, '127.0.0.1', resolve));
  server.server.unref(); // it lives as long as the test run, and never keeps it alive
  return smtpPort;
}
if (!process.env.CAMAU_E2E_SMTP_PORT) process.env.CAMAU_E2E_SMTP_PORT = String(await startMailCatcher(join(process.env.CAMAU_E2E_DIR, 'mail')));

const port = process.env.CAMAU_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 2,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  // Whole journeys (read every section, fail and pass a check, reflect, read the CPD record)
  // run ~30 s on a busy 2-core machine: the limit is for hangs, not speed.
  timeout: 90_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    browserName: 'chromium',
    screenshot: 'off',
    video: 'off',
    trace: 'off',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'npm run start',
    url: `${baseURL}/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      DATABASE_URL: `file:${join(process.env.CAMAU_E2E_DIR, 'e2e.db')}`,
      PORT: port,
      HOST: '127.0.0.1',
      CAMAU_DEMO: 'on',
      PUBLIC_URL: baseURL,
      SMTP_URL: `smtp://127.0.0.1:${process.env.CAMAU_E2E_SMTP_PORT}`,
      MAIL_FROM: 'Camau <no-reply@camau.test>',
      ASTRO_TELEMETRY_DISABLED: '1',
      // One worker: specs share the demo's state, and a process's in-memory caches with it.
      WEB_CONCURRENCY: '1',
    },
  },
});
