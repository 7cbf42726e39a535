import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { localePath, type Locale } from '../../src/domain/common/locale.ts';
import { signIn } from './support.ts';

// Every page and endpoint under src/pages, read at test time: a new route is swept without anyone adding it here.
const PAGES = join(process.cwd(), 'src', 'pages');

// Routes anyone may open (PUBLIC_PATHS in src/server/access/access-rules.ts): the operator sweep skips them.
const PUBLIC_PATHS = new Set(['/', '/sign-in', '/forgot-password', '/set-password', '/403', '/404', '/413', '/500', '/health']);

/**
 * A real id for each route parameter, keyed by the route's path up to and including the parameter.
 * `record: true` marks an id of one of demo-org's own rows (another council must get 403/404 for it);
 * the others are content ids (programmes, modules, rubrics) that every organisation shares. `owner` names the
 * demo sign-in that may open the record, so a control proves the ids are real (a refusal of a made-up id proves nothing).
 */
type Owner = 'learner' | 'mentor' | 'admin' | 'operator';
const OWNERS: Record<Owner, string> = { learner: 'learner@camau.example', mentor: 'mentor@camau.example', admin: 'admin@camau.example', operator: 'operator@camau.example' };
const PARAMS: Record<string, { id: string; record: boolean; owner?: Owner }> = {
  'admin/outbox/[id]': { id: 'demo-outbox-made-up', record: true }, // outbox rows are made at run time: a made-up id
  'admin/people/[id]': { id: 'demo-learner', record: true, owner: 'admin' },
  'api/simulations/[id]': { id: 'demo-sim-attempt-1', record: true, owner: 'learner' },
  'assigned/[id]': { id: 'demo-ma-learner-strengths', record: true, owner: 'learner' },
  'assigned/[id]/feedback/[version]': { id: '1', record: true, owner: 'learner' },
  'cpd/entries/[id]': { id: 'demo-cpd-demo-session-1-demo-learner', record: true, owner: 'learner' },
  'learn/[programme]': { id: 'risk-model', record: false },
  'learn/[programme]/[module]': { id: 'rm-decision', record: false },
  'learn/[programme]/[module]/[section]': { id: 'summarising-risk', record: false },
  'mentoring/assignments/[id]': { id: 'demo-ma-p01-scaling', record: true, owner: 'mentor' },
  'mentoring/groups/[id]': { id: 'demo-group-1', record: true, owner: 'mentor' },
  'mentoring/queue/[id]': { id: 'demo-sub-learner-opening', record: true, owner: 'mentor' },
  'mentoring/sessions/[id]': { id: 'demo-session-1', record: true, owner: 'mentor' },
  'my-mentoring/[id]': { id: 'demo-session-4', record: true, owner: 'learner' },
  'operator/organisations/[id]': { id: 'demo-org', record: true, owner: 'operator' },
  'people/[id]': { id: 'demo-learner', record: true, owner: 'admin' },
  'practice/attempts/[id]': { id: 'demo-threshold-attempt-made-up', record: true }, // the synthetic answers' ids are random: a made-up id
  'practice/rounds/[id]': { id: 'demo-round-made-up', record: true }, // the demo seeds no decision round: a made-up id
  'rubrics/[id]': { id: 'reflective-practice', record: false },
  'simulations/attempts/[id]': { id: 'demo-sim-attempt-1', record: true, owner: 'learner' },
  'training/confidence/[programme]': { id: 'risk-model', record: false },
  'training/workshops/[id]': { id: 'demo-ws-01', record: true, owner: 'admin' },
};

// Record routes the control cannot open with a demo id, and why (the other sweeps still try them).
const NOT_OPENED: Record<string, string> = {
  'simulations/attempts/[id]/plan.astro': 'a case conference’s plan; the demo seeds conversation attempts only',
};

type Route = { file: string; path: string; post: boolean; get: boolean; record: boolean; owner: Owner | null };

/** Every file under `dir`, as paths relative to src/pages with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [relative(PAGES, full).split(sep).join('/')];
  });
}

/** A route file as the URL path it serves, with each parameter replaced by its id from PARAMS. */
function routeOf(file: string): Route {
  const isEndpoint = file.endsWith('.ts');
  const segments = file.replace(/\.(astro|ts)$/, '').split('/');
  if (!isEndpoint && segments.at(-1) === 'index') segments.pop();
  let record = false;
  let owner: Owner | null = null;
  const resolved = segments.map((segment, i) => {
    if (!/^\[(\.\.\.)?[A-Za-z]+\]/.test(segment)) return segment;
    // `[id].ics` is the parameter `[id]` with the endpoint's extension after it.
    const [, param, rest] = /^(\[[^\]]+\])(.*)$/.exec(segment)!;
    const key = [...segments.slice(0, i), param].join('/');
    const known = PARAMS[key!];
    if (!known) throw new Error(`No id for ${key} (route file src/pages/${file}): add one to PARAMS in route-sweep.spec.ts`);
    record ||= known.record;
    if (known.record) owner = known.owner ?? null;
    return `${known.id}${rest}`;
  });
  const text = readFileSync(join(PAGES, file), 'utf8');
  const post = /export const POST\b|Astro\.request\.method\s*[!=]==?\s*'POST'/.test(text);
  const get = !isEndpoint || /export const GET\b/.test(text);
  return { file, path: `/${resolved.join('/')}`, post, get, record, owner };
}

const ROUTES = filesUnder(PAGES)
  .filter((file) => /\.(astro|ts)$/.test(file))
  .sort()
  .map(routeOf);

/** The seed file's demo-org people (names and e-mails), read from its text; the other council's people come after them. */
function demoOrgPeople(): string[] {
  const seed = readFileSync(join(process.cwd(), 'db', 'seed', 'demo.ts'), 'utf8');
  const own = seed.slice(seed.indexOf('const PEOPLE'), seed.indexOf('const OTHER_PEOPLE'));
  return [...own.matchAll(/name: '([^']+)', email: '([^']+)'/g)].flatMap((m) => [m[1]!, m[2]!]);
}

const PEOPLE = demoOrgPeople();
// Titles and free text of demo-org records (db/seed/demo-*.ts) that no other council may read.
const RECORDS = [
  'Thursday reflective practice group',
  'Opening the conversation with Awel',
  'A scaling question for the Jones family',
  'When worry becomes a strategy discussion',
  'Elin seemed unsure about her caseload',
  // Not the pilot phase's or the first teams' names: the forms' hints use them as examples.
  'Phase 2: Coastal and Uplands teams',
  'Uplands Children and Families Team',
  'Amddiffyn plant effeithiol: cyflwyniad',
];
// The demo council's own name: the comparison never names another council to an administrator.
const ORGANISATION_NAMES = ['Example Council', 'Cyngor Enghreifftiol'];
const SECRETS = [...PEOPLE, ...RECORDS, ...ORGANISATION_NAMES];

/** The response's body as text; of a Word file (a zip), the document's XML, where a name would be. */
async function bodyOf(response: APIResponse, path: string): Promise<string> {
  if (!path.endsWith('.docx') || response.status() !== 200) return response.text();
  const document = unzipSync(new Uint8Array(await response.body()))['word/document.xml'];
  expect(document, `${path} is a Word file`).toBeTruthy();
  return strFromU8(document!);
}

type Sent = { url: string; method: 'GET' | 'POST'; response: APIResponse; body: string };

/** GETs the route, and POSTs a form with none of its fields from the same origin where the route takes POST. */
async function request(page: Page, route: Route, url: string): Promise<Sent[]> {
  const origin = new URL(page.url()).origin;
  const sent: Sent[] = [];
  const get = await page.request.get(url, { maxRedirects: 0 });
  sent.push({ url, method: 'GET', response: get, body: await bodyOf(get, url) });
  // POST /sign-out would end the session the rest of the sweep uses (sign-out is tested in auth.spec.ts).
  if (route.post && route.path !== '/sign-out') {
    const post = await page.request.post(url, { form: { sweep: 'yes' }, headers: { origin }, maxRedirects: 0 });
    sent.push({ url, method: 'POST', response: post, body: await bodyOf(post, url) });
  }
  return sent;
}

const ERROR_PAGE = /^\/\d{3}$/;
const isOperatorRoute = (path: string) => path === '/operator' || path.startsWith('/operator/');

test.describe('every route, swept with another organisation’s sessions', () => {
  test('the route list covers every file under src/pages, each with a real path', () => {
    expect(ROUTES.length).toBeGreaterThan(90);
    expect(PEOPLE.length, 'demo-org people read from db/seed/demo.ts').toBeGreaterThan(40);
    for (const route of ROUTES) expect(route.path, route.file).not.toMatch(/[[\]]/);
    // The POST detection finds forms and endpoints alike.
    expect(ROUTES.find((r) => r.path === '/admin/people/invite')?.post).toBe(true);
    expect(ROUTES.find((r) => r.path === '/api/simulations/demo-sim-attempt-1')?.post).toBe(true);
    expect(ROUTES.find((r) => r.path === '/evaluation/export.csv')?.post).toBe(false);
  });

  test('the platform operator gets 403, or is sent to /operator or /sign-in, on every council route, and sees no demo-org person', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, 'operator@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?operator$/);
    for (const route of ROUTES) {
      if (PUBLIC_PATHS.has(route.path)) continue;
      for (const locale of ['en', 'cy'] as Locale[]) {
        for (const { url, method, response, body } of await request(page, route, localePath(locale, route.path))) {
          const what = `${method} ${url} (src/pages/${route.file})`;
          const status = response.status();
          expect.soft(status, `${what} failed on the server`).toBeLessThan(500);
          if (!isOperatorRoute(route.path) && route.path !== '/sign-out') {
            if (status >= 300 && status < 400) expect.soft(response.headers().location, what).toMatch(/^\/(cy\/)?(operator|sign-in)(\?|$)/);
            else expect.soft(status, what).toBe(403);
          }
          expect.soft(PEOPLE.filter((secret) => body.includes(secret)), `${what} shows demo-org people`).toEqual([]);
        }
      }
    }
  });

  test('another council’s administrator gets 403/404 for every demo-org record and never sees its people or records, in both languages', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, 'admin@arall.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    for (const route of ROUTES) {
      const sent = [...(await request(page, route, route.path)), ...(await request(page, route, localePath('cy', route.path)))];
      for (const { url, method, response, body } of sent) {
        const what = `${method} ${url} (src/pages/${route.file})`;
        const status = response.status();
        // The error pages (/403, /404, /413, /500) answer with their own status.
        if (ERROR_PAGE.test(route.path)) expect.soft(status, what).toBe(Number(route.path.slice(1)));
        else expect.soft(status, `${what} failed on the server`).toBeLessThan(500);
        if (route.record || isOperatorRoute(route.path)) expect.soft([403, 404], `${what} answered ${status}`).toContain(status);
        expect.soft(SECRETS.filter((secret) => body.includes(secret)), `${what} shows demo-org people or records`).toEqual([]);
      }
    }
  });

  test('the ids are real: each record route opens for the demo-org person who may see it', async ({ browser }) => {
    const seen = new Set<string>();
    for (const owner of Object.keys(OWNERS) as Owner[]) {
      const page = await browser.newPage();
      await signIn(page, OWNERS[owner]);
      await expect(page).toHaveURL(/\/(cy\/)?(home|operator)$/);
      for (const route of ROUTES.filter((r) => r.owner === owner && r.get && !(r.file in NOT_OPENED))) {
        const response = await page.request.get(route.path, { maxRedirects: 0 });
        expect.soft(response.status(), `GET ${route.path} (src/pages/${route.file}) as ${owner}`).toBe(200);
        const body = await bodyOf(response, route.path);
        for (const secret of SECRETS) if (body.includes(secret)) seen.add(secret);
      }
      await page.close();
    }
    // The sweeps look for these strings as the pages write them: their owners' pages show them.
    for (const secret of ['Elin Hughes', 'Thursday reflective practice group', 'Opening the conversation with Awel']) expect.soft([...seen], secret).toContain(secret);
  });
});
