// The production server (astro build + scripts/serve.ts) in a child process, spoken to over HTTP:
// what must hold before, around and after Astro renders a page.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { REQUEST_BODY_LIMIT } from '../../src/domain/people/index.ts';
import { LONGEST_TEXT_FIELD } from '../../src/server/platform/forms.ts';
import { freePort, isAlive } from '../support/processes.ts';

let server: ChildProcess;
let output = '';
let base = '';
let dir = '';
let database: Database;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // PUBLIC_URL is read at build time too (Astro then trusts that Host, and X-Forwarded-For with it).
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'ignore', env: { ...process.env, PUBLIC_URL: base, ASTRO_TELEMETRY_DISABLED: '1' } });
  dir = mkdtempSync(join(tmpdir(), 'camau-http-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${join(dir, 'camau.db')}`, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, CAMAU_DEMO: 'on', ASTRO_TELEMETRY_DISABLED: '1', WEB_CONCURRENCY: '2' };
  delete env.TRUST_PROXY;
  delete env.SMTP_URL;
  server = spawn(process.execPath, ['scripts/serve.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (tries > 240 || server.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  database = await openDatabase(env.DATABASE_URL!);
}, 240_000);

afterAll(() => {
  database?.client.close();
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Sent = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A raw HTTP request: exact headers and Content-Length, nothing added by a fetch implementation. */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers: { ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    // The server may answer and close before it has read an oversized body: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => (['EPIPE', 'ECONNRESET'].includes(error.code ?? '') ? undefined : reject(error)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** The first line of the server's answer to a raw request, exactly as it came over the wire. */
function statusLine(method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<string> {
  const url = new URL(base);
  const head = [`${method} ${path} HTTP/1.1`, `Host: ${url.host}`, 'Connection: close', ...Object.entries({ ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers }).map(([k, v]) => `${k}: ${v}`)];
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(Number(url.port), url.hostname, () => socket.write(`${head.join('\r\n')}\r\n\r\n${body}`));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      const end = received.indexOf('\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(received.slice(0, end));
      }
    });
    socket.on('error', reject);
  });
}

const form = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) params.append(k, one);
  return params.toString();
};
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const ours = () => ({ origin: base });

async function signIn(email: string): Promise<string> {
  const res = await send('POST', '/sign-in', { ...FORM, ...ours() }, form({ email, password: DEMO_PASSWORD }));
  expect(res.status).toBe(303);
  const cookie = [res.headers['set-cookie']].flat().find((c) => c?.includes('session'));
  if (!cookie) throw new Error(`no session cookie: ${JSON.stringify(res.headers)}`);
  return cookie.split(';')[0]!;
}

describe('the production server', () => {
  it('answers TRACE with 405, not 500', async () => {
    const res = await send('TRACE', '/');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
  });

  it('sends nosniff and a referrer policy with static files too', async () => {
    const res = await send('GET', '/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('compresses a page for a client that accepts gzip, and sends it plain to one that does not', async () => {
    const plain = await send('GET', '/sign-in');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const compressed = await fetch(`${base}/sign-in`, { headers: { 'accept-encoding': 'gzip' } });
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    expect(await compressed.text()).toBe(plain.body);
  });

  it('lets a browser keep a hashed asset for a year, and never a page', async () => {
    const page = await send('GET', '/sign-in');
    expect(page.headers['cache-control']).toBe('no-store');
    const stylesheet = /href="(\/_astro\/[^"]+\.css)"/.exec(page.body)?.[1];
    if (!stylesheet) throw new Error('the sign-in page links no hashed stylesheet');
    const asset = await send('GET', stylesheet);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('without TRUST_PROXY, records the socket’s address, not an X-Forwarded-For the client made up', async () => {
    const res = await send('POST', '/sign-in', { ...FORM, ...ours(), 'x-forwarded-for': '203.0.113.77' }, form({ email: 'nobody-spoofed@example.org', password: 'wrong password' }));
    expect(res.status).toBe(401);
    const rows = await database.client.execute("SELECT ip FROM sign_in_failures WHERE ip = '203.0.113.77' OR ip LIKE '%127.0.0.1'");
    expect(rows.rows.map((r) => String(r.ip).replace(/^::ffff:/, ''))).toEqual(['127.0.0.1']);
  });

  it('refuses a body one byte over the limit with the translated 413 page, in English and in Welsh', async () => {
    const body = `email=a&password=${'x'.repeat(REQUEST_BODY_LIMIT + 1 - 'email=a&password='.length)}`;
    expect(Buffer.byteLength(body)).toBe(REQUEST_BODY_LIMIT + 1);
    const en = await send('POST', '/sign-in', { ...FORM, ...ours() }, body);
    expect(en.status).toBe(413);
    expect(en.body).toContain('What you sent is too large');
    const cy = await send('POST', '/cy/sign-in', { ...FORM, ...ours() }, body);
    expect(cy.status).toBe(413);
    expect(cy.body).toContain('Mae’r hyn a anfonoch yn rhy fawr');
  });

  it('reads a body exactly at the limit and answers with the form’s own message', async () => {
    const body = `email=a&password=${'x'.repeat(REQUEST_BODY_LIMIT - 'email=a&password='.length)}`;
    const res = await send('POST', '/sign-in', { ...FORM, ...ours() }, body);
    expect(res.status).toBe(422);
    expect(res.body).toContain('Use 128 characters or fewer.');
  });

  it('refuses a write from another site whatever its content type, and one that says nothing of where it came from', async () => {
    const cookie = await signIn('learner@camau.example');
    const json = { cookie, 'content-type': 'application/json' };
    expect((await send('POST', '/sign-out', { ...json, origin: 'https://evil.example' }, '{}')).status).toBe(403);
    expect((await send('POST', '/api/simulations/anything', { ...json, 'sec-fetch-site': 'cross-site' }, '{}')).status).toBe(403);
    expect((await send('POST', '/sign-out', { cookie, 'content-type': 'text/plain' }, 'x')).status).toBe(403);
    // Still signed in: none of those did anything.
    expect((await send('GET', '/home', { cookie, accept: 'text/html' })).status).toBe(200);
    expect((await send('POST', '/sign-out', { ...json, 'sec-fetch-site': 'same-origin' }, '{}')).status).toBe(303);
  });

  it('writes an unknown id sent in a form to the log short and escaped, if at all', async () => {
    const cookie = await signIn('manager@camau.example');
    const hostile = `v-\u202e\u001b[31m${'A'.repeat(50_000)}\nFAKE LOG LINE`;
    const res = await send('POST', '/practice', { ...FORM, ...ours(), cookie }, form({ vignette: hostile }));
    expect(res.status).toBe(422);
    expect(output).not.toContain('\u202e');
    expect(output).not.toContain('A'.repeat(200));
    expect(output).not.toContain('FAKE LOG LINE');
  });

  it('sends the standard reason phrase with every status, not "OK"', async () => {
    const cookie = await signIn('learner@camau.example');
    expect(await statusLine('GET', '/health')).toBe('HTTP/1.1 200 OK');
    expect(await statusLine('POST', '/sign-in', { ...FORM, ...ours() }, form({ email: 'nobody-phrase@example.org', password: 'wrong password' }))).toBe('HTTP/1.1 401 Unauthorized');
    expect(await statusLine('POST', '/sign-out', { cookie, 'content-type': 'application/json', origin: 'https://evil.example' }, '{}')).toBe('HTTP/1.1 403 Forbidden');
    expect(await statusLine('GET', '/no-such-page', { cookie, accept: 'text/html' })).toBe('HTTP/1.1 404 Not Found');
    expect(await statusLine('GET', '/cy/no-such-page', { cookie, accept: 'text/html' })).toBe('HTTP/1.1 404 Not Found');
    expect(await statusLine('POST', '/sign-in', { ...FORM, ...ours(), 'content-length': String(REQUEST_BODY_LIMIT + 1) })).toBe('HTTP/1.1 413 Payload Too Large');
    expect(await statusLine('POST', '/sign-in', { ...FORM, ...ours() }, form({ email: '', password: '' }))).toBe('HTTP/1.1 422 Unprocessable Entity');
    expect(await statusLine('TRACE', '/')).toBe('HTTP/1.1 405 Method Not Allowed');
  });

  it('says on its 500 page that what was being sent may not have been saved', async () => {
    const res = await send('GET', '/500', { accept: 'text/html' });
    expect(res.body).toContain('may not have been saved');
    expect(res.body).not.toContain('Nothing you entered has been lost');
  });
});

/** Every form of the app, with plausible values (not necessarily valid ones). */
const FORMS: { who: 'manager' | 'admin' | null; path: string; fields: Record<string, string | string[]> }[] = [
  { who: null, path: '/sign-in', fields: { email: 'nobody-form@example.org', password: 'not the password', next: '/home' } },
  { who: null, path: '/forgot-password', fields: { email: 'nobody-form@example.org' } },
  { who: null, path: '/set-password', fields: { token: 'aaaa.bbbb', username: 'x', password: 'tair afon a dwy bont', confirm: 'tair afon a dwy bont' } },
  { who: 'manager', path: '/account', fields: { action: 'language', locale: 'en' } },
  { who: 'manager', path: '/account', fields: { action: 'password', current: 'not the password', password: 'tair afon a dwy bont', confirm: 'tair afon a dwy bont', signOutOthers: 'on' } },
  { who: 'manager', path: '/practice', fields: { vignette: 'v-neglect-chronic' } },
  { who: 'manager', path: '/practice/attempts/ATTEMPT', fields: { revision: '0', event: 'SCREEN', answer: 'yes', childNeedsMet: 'no', significant: 'yes', reason: 'A reason.', decision: 'section-47', kindsOfHarm: ['neglect'], levelOfHarm: 'high', likelihood: 'likely', followUp: 'Visit', summary: 'Summary.' } },
  { who: 'manager', path: '/practice/rounds/new', fields: { title: 'Round', vignetteIds: ['v-neglect-chronic'], participantIds: ['demo-learner'], opens: '2030-01-01', closes: '2030-02-01' } },
  { who: 'manager', path: '/practice/rounds/no-such-round', fields: { action: 'start', vignette: 'v-neglect-chronic' } },
  { who: 'manager', path: '/simulations', fields: { scenario: 'cc-alcohol-review-parent' } },
  { who: 'manager', path: '/simulations/attempts/SIMULATION', fields: { revision: '0', event: 'CHOOSE', optionId: 'o1', text: 'What I would say.', code: 'open', decision: 'yes', date: '2030-01-01', checked: 'on', moved: 'x', actions: 'a', areas: 'b', reasons: 'c' } },
  { who: 'manager', path: '/api/simulations/SIMULATION', fields: {} },
  { who: 'manager', path: '/learn/risk-model/rm-threshold/check', fields: { version: '1', startedAt: '0', 'q:one': 'a' } },
  { who: 'manager', path: '/learn/risk-model/rm-threshold/reflect', fields: { text: 'What I learnt.' } },
  { who: 'admin', path: '/admin/people/invite', fields: { name: 'Form Person', email: 'form.person@example.org', locale: 'cy', roles: ['learner'], teamIds: ['demo-team-coast'] } },
  { who: 'admin', path: '/admin/people/demo-learner', fields: { action: 'details', name: 'Elin Hughes', locale: 'cy' } },
  { who: 'admin', path: '/admin/people/demo-learner', fields: { action: 'access', roles: ['learner'], teamIds: ['demo-team-coast'], managedTeamIds: [], mentorId: 'demo-mentor' } },
  { who: 'admin', path: '/admin/people/demo-learner', fields: { action: 'resend' } },
  { who: 'admin', path: '/admin/people/import', fields: { file: 'name,email' } },
  { who: 'admin', path: '/admin/teams', fields: { teamId: 'demo-team-coast', nameEn: 'Team', nameCy: 'Tîm' } },
];

/** Each field missing, empty and oversized, plus the whole body as JSON and as plain text. */
function variants(fields: Record<string, string | string[]>): { label: string; headers: Record<string, string>; body: string }[] {
  const out = [
    { label: 'as JSON', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) },
    { label: 'as plain text', headers: { 'content-type': 'text/plain' }, body: 'vignette=' },
    { label: 'with nothing', headers: FORM, body: '' },
  ];
  for (const name of Object.keys(fields)) {
    const { [name]: _, ...rest } = fields;
    out.push({ label: `without ${name}`, headers: FORM, body: form(rest) });
    out.push({ label: `with ${name} empty`, headers: FORM, body: form({ ...fields, [name]: '' }) });
    out.push({ label: `with ${name} oversized`, headers: FORM, body: form({ ...fields, [name]: `${'x'.repeat(LONGEST_TEXT_FIELD * 2)}\u202e` }) });
  }
  return out;
}

describe('every form of the app', () => {
  it('answers each field missing, empty or oversized, and other content types, with a 4xx or a redirect, never a 5xx', async () => {
    const manager = await signIn('manager@camau.example');
    const admin = await signIn('admin@camau.example');
    const location = async (path: string, fields: Record<string, string>) => {
      const res = await send('POST', path, { ...FORM, ...ours(), cookie: manager }, form(fields));
      expect(res.status).toBe(303);
      return String(res.headers.location).split('/').at(-1)!.split('#')[0]!;
    };
    const attempt = await location('/practice', { vignette: 'v-neglect-chronic' });
    const simulation = await location('/simulations', { scenario: 'cc-alcohol-review-parent' });

    const failures: string[] = [];
    for (const { who, path, fields } of FORMS) {
      const target = path.replace('ATTEMPT', attempt).replace('SIMULATION', simulation);
      for (const variant of variants(fields)) {
        const cookie = who === 'admin' ? admin : who === 'manager' ? manager : '';
        const res = await send('POST', target, { ...variant.headers, ...ours(), ...(cookie ? { cookie } : {}) }, variant.body);
        if (res.status >= 500) failures.push(`${target} ${variant.label}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(output).not.toMatch(/UnknownContentCollectionError|Could not render/);
  }, 240_000);
});

// Last in this file: it stops the server the tests above share.
describe('the production server’s supervisor', () => {
  it('serves from WEB_CONCURRENCY workers and, sent SIGTERM, leaves none of them behind', async () => {
    const workers = [...output.matchAll(/worker (\d+) listening/g)].map((m) => Number(m[1]));
    expect(workers).toHaveLength(2);
    expect(output).toContain('Camau is running');
    expect(workers.every(isAlive)).toBe(true);
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(workers.filter(isAlive)).toEqual([]);
  }, 60_000);
});
