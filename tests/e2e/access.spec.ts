import { expect, test, type Page } from '@playwright/test';
import { demoPerson, expectNoAxeViolations, signIn } from './support.ts';

/** Opens a path and returns the HTTP status of the page that was finally shown. */
async function open(page: Page, path: string): Promise<number> {
  const response = await page.goto(path);
  expect(response, `no response for ${path}`).not.toBeNull();
  return response!.status();
}

test.describe('a learner', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'learner@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  });

  test('is refused the administrators’ people list, with none of its data', async ({ page }) => {
    expect(await open(page, '/admin/people')).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText('aled.roberts@camau.example');
    await expect(page.locator('body')).not.toContainText(demoPerson('Aled Roberts'));
    await expectNoAxeViolations(page);
  });

  test('cannot see a person in another organisation: it looks like no one is there', async ({ page }) => {
    expect(await open(page, '/people/demo-other-p01')).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('There is no such person in your organisation.')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(demoPerson('Carys Meredith'));
    await expectNoAxeViolations(page);
  });

  test('cannot see a colleague in their own organisation who is not theirs to see', async ({ page }) => {
    expect(await open(page, '/people/demo-p05')).toBe(404);
    await expect(page.locator('body')).not.toContainText(demoPerson('Emyr Griffiths'));
    await expect(page.locator('body')).not.toContainText('emyr.griffiths@camau.example');
  });

  test('can see their own record', async ({ page }) => {
    expect(await open(page, '/people/demo-learner')).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Elin Hughes' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('an administrator', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'admin@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  });

  for (const path of ['/admin/people/demo-other-p01', '/people/demo-other-p01']) {
    test(`cannot reach a person in another organisation at ${path}`, async ({ page }) => {
      expect(await open(page, path)).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expect(page.locator('body')).not.toContainText(demoPerson('Carys Meredith'));
      await expect(page.locator('body')).not.toContainText('carys.meredith@arall.example');
    });
  }
});

test('a team manager can see a member of a team they manage', async ({ page }) => {
  await signIn(page, 'manager@camau.example');
  await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  expect(await open(page, '/people/demo-p01')).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Aled Roberts' })).toBeVisible();
  await expect(page.getByText('aled.roberts@camau.example')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a team manager cannot see someone outside the teams they manage', async ({ page }) => {
  await signIn(page, 'manager@camau.example');
  await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  // Osian Wyn is in the Uplands team, which Rhodri Evans does not manage.
  expect(await open(page, '/people/demo-p14')).toBe(404);
  await expect(page.locator('body')).not.toContainText(demoPerson('Osian Wyn'));
});

test('an anonymous visitor is sent to sign in, and comes back to the page they asked for', async ({ page }) => {
  await page.goto('/home');
  await expect(page).toHaveURL('/sign-in?next=%2Fhome');
  await expectNoAxeViolations(page);
  await signIn(page, 'mentor@camau.example');
  await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  await expect(page.getByRole('heading', { level: 2, name: 'My mentees' })).toBeVisible();
});

test('a sign-in form posted from another site is refused', async ({ request }) => {
  const response = await request.post('/sign-in', {
    headers: { Origin: 'http://evil.example' },
    form: { email: 'learner@camau.example', password: 'camau-demo-2026' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()['set-cookie'] ?? '').not.toMatch(/session/i);
});

test.describe('an unknown page, for a signed-in person', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'learner@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/); // lands in the person's remembered language
  });

  test('is a 404 page in English', async ({ page }) => {
    expect(await open(page, '/no-such-page')).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('is a 404 page in Welsh under /cy/', async ({ page }) => {
    expect(await open(page, '/cy/no-such-page')).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(page.getByRole('heading', { level: 1, name: 'Heb ddod o hyd i’r dudalen' })).toBeVisible();
    await expect(page).toHaveTitle(/Heb ddod o hyd i’r dudalen/);
    await expectNoAxeViolations(page);
  });
});

test.describe('training needs', () => {
  test('a learner is refused the needs analysis, its CSV and the needs rules, and cannot change anyone’s need', async ({ page }) => {
    await signIn(page, 'learner@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    for (const path of ['/training/needs', '/admin/training/rules']) {
      expect(await open(page, path)).toBe(403);
      await expect(page.locator('body')).not.toContainText(demoPerson('Aled Roberts'));
    }
    const csv = await page.request.get('/training/needs.csv');
    expect(csv.status()).toBe(403);
    expect(await csv.text()).not.toMatch(demoPerson('Aled Roberts'));
    expect(await open(page, '/people/demo-p01/needs')).toBe(404);
    expect(await open(page, '/people/demo-learner/needs')).toBe(404);
  });

  test('a manager cannot see or change the needs of another team’s person, or another organisation’s', async ({ page }) => {
    await signIn(page, 'manager@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    for (const path of ['/people/demo-p14', '/people/demo-p14/needs', '/people/demo-other-p01/needs']) {
      expect(await open(page, path)).toBe(404);
      await expect(page.locator('body')).not.toContainText(demoPerson('Osian Wyn'));
      await expect(page.locator('body')).not.toContainText(demoPerson('Carys Meredith'));
    }
    expect(await open(page, '/training/needs?team=demo-team-uplands')).toBe(200);
    await expect(page.locator('body')).not.toContainText(demoPerson('Osian Wyn'));
    const csv = await page.request.get('/training/needs.csv?team=demo-other-team');
    expect(await csv.text()).not.toMatch(demoPerson('Carys Meredith'));
    expect(await csv.text()).not.toMatch(demoPerson('Osian Wyn'));
  });
});

test.describe('mentoring sessions, groups and progress of another mentor', () => {
  // The demo mentor (Gwenno Parry) owns these; Iwan Jones is another mentor of the same organisation.
  const theirs = ['/mentoring/sessions/demo-session-1', '/mentoring/sessions/demo-session-4.ics', '/mentoring/groups/demo-group-1', '/cy/mentoring/sessions/demo-session-2'];

  test('are not found for another mentor, and show none of their text', async ({ page }) => {
    await signIn(page, 'iwan.jones@camau.example');
    for (const path of theirs) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(404);
      const body = await response.text();
      expect(body, path).not.toContain('first visit');
      expect(body, path).not.toContain('Thursday reflective practice group');
    }
    expect(await open(page, '/people/demo-learner')).toBe(404);
    await page.goto('/mentoring/overview');
    await expect(page.locator('body')).not.toContainText(demoPerson('Elin Hughes'));
  });

  test('are closed to a manager, who is not a mentor', async ({ page }) => {
    await signIn(page, 'manager@camau.example');
    for (const path of [...theirs, '/mentoring/overview', '/mentoring/overview.csv']) expect((await page.request.get(path)).status(), path).toBe(403);
    await page.goto('/people/demo-learner');
    await expect(page.getByRole('heading', { level: 2, name: /^(Progress|Cynnydd)$/ })).toHaveCount(0);
  });

  test('are not found for an administrator of another organisation', async ({ page }) => {
    await signIn(page, 'admin@arall.example');
    for (const path of theirs) expect((await page.request.get(path)).status(), path).toBe(404);
    expect(await open(page, '/people/demo-learner')).toBe(404);
  });
});

test.describe('training workshops and registers', () => {
  // Demo workshops: demo-ws-05 is open only to the uplands team; demo-ws-01 is open to everyone and has a register.
  test('a learner cannot see another team’s closed workshop, nor any register', async ({ page }) => {
    await signIn(page, 'learner@camau.example', undefined, 'en');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    expect(await open(page, '/training/workshops/demo-ws-05')).toBe(404);
    await expect(page.locator('body')).not.toContainText('Trothwyon a phenderfyniadau');
    expect(await open(page, '/training/workshops/demo-ws-01/register')).toBe(404);
    await expect(page.locator('body')).not.toContainText(demoPerson('Aled Roberts'));
    expect(await open(page, '/cy/training/workshops/demo-ws-05/register')).toBe(404);
    await expectNoAxeViolations(page);
  });

  test('a manager sees only the register rows of the teams they manage', async ({ page }) => {
    await signIn(page, 'manager@camau.example', undefined, 'en');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    // Rhodri manages the assessment and coastal teams; demo-ws-03 also had people from the uplands team.
    expect(await open(page, '/training/workshops/demo-ws-03/register')).toBe(200);
    await expect(page.getByRole('group', { name: 'Elin Hughes', exact: true })).toBeVisible();
    await expect(page.locator('body')).not.toContainText(demoPerson('Osian Wyn'));
    await expectNoAxeViolations(page);
  });

  test('another organisation’s administrator finds neither the workshop nor its register', async ({ page }) => {
    await signIn(page, 'admin@arall.example', undefined, 'en');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    for (const path of ['/training/workshops/demo-ws-01', '/training/workshops/demo-ws-01/register', '/training/workshops/demo-ws-01/reaction']) {
      expect(await open(page, path)).toBe(404);
      await expect(page.locator('body')).not.toContainText('Amddiffyn plant effeithiol: cyflwyniad');
    }
  });
});

// The demo's mentoring records (db/seed/demo-mentoring.ts): Gwenno Parry's mentees' work, one piece second-marked by Iwan Jones.
test.describe('mentoring records', () => {
  const elinsWaiting = '/mentoring/queue/demo-sub-learner-opening';
  const elinsAnswer = 'what a good day looks like for Awel';
  const moderated = '/mentoring/queue/demo-sub-p07-reflection';

  test('another mentor gets 404 for a submission and an assignment that are not theirs, and cannot ask a second marker', async ({ page }) => {
    await signIn(page, 'iwan.jones@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    for (const path of [elinsWaiting, '/mentoring/queue/demo-sub-learner-strengths', '/mentoring/assignments/demo-ma-learner-opening', '/mentoring/assignments/demo-ma-p01-scaling']) {
      expect(await open(page, path), path).toBe(404);
      await expect(page.locator('body')).not.toContainText(demoPerson('Elin Hughes'));
      await expect(page.locator('body')).not.toContainText(elinsAnswer);
    }
    const response = await page.request.post(elinsWaiting, { headers: { Origin: new URL(page.url()).origin }, form: { action: 'second-marker', secondMarker: 'demo-mentor-2' }, maxRedirects: 0 });
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toMatch(demoPerson('Elin Hughes'));
  });

  test('another organisation’s administrator gets 404 for the same ids, with none of their data', async ({ page }) => {
    await signIn(page, 'admin@arall.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    for (const path of [elinsWaiting, moderated, '/mentoring/assignments/demo-ma-learner-opening', '/assigned/demo-ma-learner-strengths/feedback/1']) {
      expect(await open(page, path), path).toBe(404);
      await expect(page.locator('body')).not.toContainText(demoPerson('Elin Hughes'));
      await expect(page.locator('body')).not.toContainText('Gethin Thomas');
    }
  });

  test('a manager of the mentee’s team gets 403 (no workspace) and another mentee 404 for feedback, never its text', async ({ page }) => {
    await signIn(page, 'manager@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    expect(await open(page, '/mentoring/queue/demo-sub-learner-strengths')).toBe(403);
    await expect(page.locator('body')).not.toContainText('A clear, specific strength');
    await page.context().clearCookies();
    await signIn(page, 'aled.roberts@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    expect(await open(page, '/assigned/demo-ma-learner-strengths/feedback/1')).toBe(404);
    await expect(page.locator('body')).not.toContainText('A clear, specific strength');
  });

  test('the second marker sees the work and the mentee’s name but not the first marking, in both languages', async ({ page }) => {
    await signIn(page, 'iwan.jones@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    expect(await open(page, '/mentoring/queue')).toBe(200);
    await expect(page.getByRole('link', { name: 'Reflecting on a strategy discussion' })).toBeVisible();
    await expect(page.getByText('Second marking', { exact: true })).toBeVisible();
    expect(await open(page, moderated)).toBe(200);
    await expect(page.locator('body')).toContainText('Gethin Thomas');
    await expect(page.locator('body')).toContainText('we did not hear enough from the school');
    await expect(page.locator('body')).not.toContainText('An honest reflection with a concrete next step');
    await expect(page.getByRole('button', { name: 'Release my marking to Gwenno Parry' })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(await open(page, `/cy${moderated}`)).toBe(200);
    await expect(page.getByRole('heading', { level: 2, name: 'Ail farcio' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText('An honest reflection with a concrete next step');
    await expectNoAxeViolations(page);
  });

  test('the mentor sees the queue, the comment bank and the agreement between mentors, in both languages', async ({ page }) => {
    await signIn(page, 'mentor@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    expect(await open(page, '/mentoring')).toBe(200);
    await expect(page.getByRole('heading', { level: 2, name: 'Agreement between mentors' })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(await open(page, '/cy/mentoring')).toBe(200);
    await expect(page.getByRole('heading', { level: 2, name: 'Cytundeb rhwng mentoriaid' })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(await open(page, elinsWaiting)).toBe(200);
    await expect(page.getByRole('heading', { level: 2, name: 'Ask another mentor to second-mark' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Your comment bank' })).toContainText('Good use of the family’s own words.');
    await expectNoAxeViolations(page);
    expect(await open(page, moderated)).toBe(200);
    await expect(page.locator('body')).toContainText('Iwan Jones is second-marking this work.');
    await expectNoAxeViolations(page);
  });
});

test.describe('rollout, phases and the Welsh-medium share', () => {
  test('a learner is refused the rollout, phases and Welsh-medium pages and the CSV, and an unknown programme’s confidence form is not found', async ({ page }) => {
    await signIn(page, 'learner@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    for (const path of ['/training/rollout', '/admin/training/phases', '/training/welsh-medium', '/cy/training/rollout']) {
      expect(await open(page, path), path).toBe(403);
      await expect(page.locator('body')).not.toContainText('Pilot: Assessment and Safeguarding Team');
    }
    await expectNoAxeViolations(page);
    const csv = await page.request.get('/training/welsh-medium.csv');
    expect(csv.status()).toBe(403);
    expect(await open(page, '/training/confidence/no-such-programme')).toBe(404);
  });

  test('a manager sees only the phases of their own teams and is refused the phases admin and the Welsh-medium share', async ({ page }) => {
    await signIn(page, 'catrin.lloyd@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    expect(await open(page, '/training/rollout')).toBe(200);
    await expect(page.getByRole('heading', { level: 2, name: /Phase 2/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /Pilot/ })).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText('Coastal Children and Families Team');
    await expect(page.locator('body')).not.toContainText('Tîm Plant a Theuluoedd yr Arfordir');
    expect(await open(page, '/admin/training/phases')).toBe(403);
    expect(await open(page, '/training/welsh-medium')).toBe(403);
    expect((await page.request.get('/training/welsh-medium.csv?from=2026-04-01&to=2027-03-31')).status()).toBe(403);
  });
});

test.describe('the evaluation report and service indicators of another organisation', () => {
  test('another organisation’s administrator sees only their own organisation’s report, scopes and indicators', async ({ page }) => {
    await signIn(page, 'admin@arall.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    for (const path of ['/evaluation?scope=team:demo-team-coast', '/cy/evaluation?scope=phase:demo-phase-pilot']) {
      expect(await open(page, path), path).toBe(200);
      await expect(page.locator('body')).not.toContainText('Coastal Children and Families Team');
      await expect(page.locator('body')).not.toContainText('Pilot: Assessment and Safeguarding Team');
    }
    const scopes = await page.getByLabel('Cwmpas', { exact: true }).locator('option').allTextContents();
    expect(scopes.slice(0, 2)).toEqual(['Y sefydliad cyfan', 'Tîm: Tîm Dyletswydd']);
    expect(scopes.filter((s) => s.startsWith('Tîm:') || s.startsWith('Cyfnod cyflwyno:'))).toEqual(['Tîm: Tîm Dyletswydd']);
    await expect(page.getByText('Does dim dangosyddion gwasanaeth wedi’u cofnodi ar gyfer chwarter yn y cyfnod hwn.')).toBeVisible();
    expect(await open(page, '/evaluation/indicators')).toBe(200);
    await expect(page.getByText('No indicators have been entered yet.')).toBeVisible();
    const origin = new URL(page.url()).origin;
    const notes = await page.request.post('/evaluation', { headers: { Origin: origin }, form: { scope: 'team:demo-team-coast', from: '2025-01-01', to: '2025-12-31', text: 'Across organisations' }, maxRedirects: 0 });
    expect(notes.status()).toBe(404);
    await expectNoAxeViolations(page);
  });
});

test.describe('calendar files of mentoring sessions on My mentoring', () => {
  // Gwenno Parry's sessions: a planned 1:1 with Elin Hughes, and a group session of her Thursday group.
  const elinsSession = '/my-mentoring/demo-session-4.ics';
  const groupSession = '/my-mentoring/demo-group-session-2.ics';

  test('give a group member their own group session', async ({ page }) => {
    await signIn(page, 'aled.roberts@camau.example');
    const response = await page.request.get(groupSession);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('BEGIN:VCALENDAR');
  });

  for (const { who, email, paths } of [
    { who: 'another person of the same mentor', email: 'aled.roberts@camau.example', paths: [elinsSession, '/cy/my-mentoring/demo-session-1.ics'] },
    { who: 'a mentee of another mentor', email: 'lowri.jenkins@camau.example', paths: [elinsSession, groupSession] },
    { who: 'a person of another organisation', email: 'carys.meredith@arall.example', paths: [elinsSession, groupSession] },
  ]) {
    test(`are not found, with no data, for ${who}`, async ({ page }) => {
      await signIn(page, email);
      for (const path of paths) {
        const response = await page.request.get(path);
        expect(response.status(), path).toBe(404);
        const body = await response.text();
        expect(body, path).not.toContain('BEGIN:VCALENDAR');
        expect(body, path).not.toContain('Gwenno Parry');
      }
    });
  }
});

test.describe('the needs analysis of another organisation', () => {
  test('another organisation’s admin sees none of this organisation’s people on the needs analysis or in its CSV', async ({ page }) => {
    await signIn(page, 'admin@arall.example', undefined, 'en');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    const ours = ['Aled Roberts', 'Osian Wyn', 'Rhodri Evans', 'Elin Hughes'];
    for (const path of ['/training/needs', '/training/needs?team=demo-team-assessment', '/cy/training/needs?team=demo-team-coast']) {
      expect(await open(page, path)).toBe(200);
      for (const name of ours) await expect(page.locator('body')).not.toContainText(demoPerson(name));
    }
    for (const path of ['/training/needs.csv', '/training/needs.csv?team=demo-team-assessment']) {
      const csv = await page.request.get(path);
      expect(csv.status()).toBe(200);
      const text = await csv.text();
      for (const name of ours) expect(text).not.toMatch(demoPerson(name));
    }
  });
});

test.describe('workshop routes tried with ids the viewer may not use', () => {
  // demo-ws-05 is open only to the uplands team; demo-ws-07 is open to everyone in the demo organisation.
  test('a learner of another team gets no calendar file, no booking change and no reaction form for a closed workshop', async ({ page }) => {
    await signIn(page, 'learner@camau.example', undefined, 'en');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    const origin = new URL(page.url()).origin;
    const ics = await page.request.get('/training/workshops/demo-ws-05.ics');
    expect(ics.status()).toBe(404);
    expect(await ics.text()).not.toContain('BEGIN:VCALENDAR');
    for (const intent of ['cancel', 'leave', 'book']) {
      const posted = await page.request.post('/training/workshops/demo-ws-05', { headers: { Origin: origin }, form: { intent }, maxRedirects: 0 });
      expect(posted.status(), intent).toBe(404);
    }
    expect(await open(page, '/training/workshops/demo-ws-05/reaction')).toBe(404);
    const reaction = await page.request.post('/training/workshops/demo-ws-05/reaction', { headers: { Origin: origin }, form: { usefulness: '5', relevance: '5', confidence: '5' }, maxRedirects: 0 });
    expect(reaction.status()).toBe(404);
  });

  test('a learner may not add a workshop, in either language', async ({ page }) => {
    await signIn(page, 'learner@camau.example', undefined, 'en');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    expect(await open(page, '/training/workshops/new')).toBe(403);
    expect(await open(page, '/cy/training/workshops/new')).toBe(403);
    const origin = new URL(page.url()).origin;
    const posted = await page.request.post('/training/workshops/new', { headers: { Origin: origin }, form: { title: 'Not allowed', programmeId: 'risk-model' }, maxRedirects: 0 });
    expect(posted.status()).toBe(403);
    await expectNoAxeViolations(page);
  });

  test('another organisation’s administrator gets no calendar file and changes no booking of this organisation', async ({ page }) => {
    await signIn(page, 'admin@arall.example', undefined, 'en');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    const origin = new URL(page.url()).origin;
    expect((await page.request.get('/training/workshops/demo-ws-07.ics')).status()).toBe(404);
    for (const intent of ['cancel', 'leave', 'book', 'book-for', 'move']) {
      const posted = await page.request.post('/training/workshops/demo-ws-07', { headers: { Origin: origin }, form: { intent, personId: 'demo-p01', toWorkshopId: 'demo-ws-06' }, maxRedirects: 0 });
      expect(posted.status(), intent).toBe(404);
    }
  });
});

test.describe('evaluation report exports', () => {
  const EXPORTS = ['/evaluation/export.docx', '/evaluation/export.csv', '/evaluation/export.json'];

  test('a practitioner is refused every export, in both languages', async ({ page }) => {
    await signIn(page, 'learner@camau.example', undefined, 'en');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    for (const path of EXPORTS) {
      expect((await page.request.get(path)).status(), path).toBe(403);
      expect((await page.request.get(`/cy${path}`)).status(), path).toBe(403);
    }
  });

  test('another organisation’s administrator gets none of this organisation’s report', async ({ page }) => {
    await signIn(page, 'admin@arall.example', undefined, 'en');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    for (const path of EXPORTS) {
      expect((await page.request.get(`${path}?scope=team:demo-team-assessment`)).status(), path).toBe(404);
      expect((await page.request.get(`/cy${path}?scope=team:demo-team-assessment`)).status(), path).toBe(404);
    }
  });
});

test.describe('comparison with other councils', () => {
  for (const email of ['manager@camau.example', 'learner@camau.example']) {
    test(`${email.split('@')[0]} can neither open the setting nor take the council in or out, in both languages`, async ({ page }) => {
      await signIn(page, email, undefined, 'en');
      await expect(page).toHaveURL(/\/(cy\/)?home$/);
      const origin = new URL(page.url()).origin;
      for (const path of ['/evaluation/comparison', '/cy/evaluation/comparison']) {
        expect((await page.request.get(path)).status(), path).toBe(403);
        for (const share of ['yes', 'no']) {
          const posted = await page.request.post(path, { headers: { Origin: origin }, form: { share }, maxRedirects: 0 });
          expect(posted.status(), `${path} ${share}`).toBe(403);
        }
      }
    });
  }
});

test.describe('the platform operator and council routes', () => {
  const COUNCIL_ROUTES = [
    '/admin/people',
    '/admin/audit',
    '/people/demo-learner',
    '/evaluation',
    '/evaluation/export.csv',
    '/evaluation/export.json',
    '/mentoring',
    '/mentoring/overview.csv',
    '/training',
    '/training/needs.csv',
    '/training/welsh-medium.csv',
    '/practice/consistency',
    '/cpd',
    '/cpd.csv',
    '/reflective-log.csv',
    '/learn',
    '/account',
    '/api/simulations/x',
  ];

  test('an operator gets 403 and no data on every council route, and home is their own page', async ({ page }) => {
    await signIn(page, 'operator@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?operator$/);
    for (const path of COUNCIL_ROUTES) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(403);
      const body = await response.text();
      for (const secret of ['Elin Hughes', 'learner@camau.example', 'Aled Roberts', 'Sioned Williams']) expect(body, `${path} shows ${secret}`).not.toContain(secret);
    }
    expect(await open(page, '/admin/people')).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible();
    await expectNoAxeViolations(page);
    for (const home of ['/', '/home', '/cy/home']) {
      const response = await page.request.get(home, { maxRedirects: 0 });
      expect(response.status(), home).toBe(303);
      expect(response.headers().location, home).toMatch(/^\/(cy\/)?operator$/);
    }
  });

  test('a council administrator gets 403 on every operator route, in both languages', async ({ page }) => {
    await signIn(page, 'admin@camau.example');
    await expect(page).toHaveURL(/\/(cy\/)?home$/);
    for (const path of ['/operator', '/operator/audit', '/operator/account', '/operator/organisations/new', '/operator/organisations/demo-org', '/operator/comparison', '/cy/operator']) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(403);
      expect(await response.text(), path).not.toContain('Another Council');
    }
    const post = await page.request.post('/operator/organisations/demo-other-org', { form: { action: 'deactivate', confirm: 'yes' }, headers: { origin: new URL(page.url()).origin }, maxRedirects: 0 });
    expect(post.status()).toBe(403);
    expect(await open(page, '/cy/operator')).toBe(403);
    await expectNoAxeViolations(page);
  });
});
