import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import AssignedItems from '../../src/components/mentoring/AssignedItems.astro';
import type { Locale } from '../../src/domain/common/index.ts';
import { translator } from '../../src/i18n/index.ts';
import type { AssignedItem } from '../../src/server/mentoring/index.ts';

const base: AssignedItem = {
  id: 'a1',
  menteeId: 'm1',
  menteeName: 'Tudur',
  assignedBy: { id: 'x', name: 'Gwenno Parry' },
  ownerId: 'x',
  activity: { kind: 'conversation', id: 'cc-school-attendance-father' },
  title: { en: 'School attendance', cy: 'Presenoldeb ysgol' },
  dueDate: '2026-12-18',
  note: null,
  askReview: true,
  revision: 0,
  createdAt: 0,
  withdrawnAt: null,
  passedOnAt: null,
  status: 'not-started',
  path: '/assigned/a1',
  progress: 'not-started',
  feedbackVersion: null,
};

async function render(locale: Locale, items: AssignedItem[]): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(AssignedItems, { props: { items }, locals: { t: translator(locale), locale, path: '/', auth: null, ip: '127.0.0.1' } });
}

describe('the Assigned to you list', () => {
  it('starts a simulation not yet started from the list with a plain form posting to the start route', async () => {
    const html = await render('en', [base]);
    expect(html).toMatch(/<form method="post" action="\/simulations"[^>]*>\s*<input type="hidden" name="scenario" value="cc-school-attendance-father"/);
    expect(html).toContain('aria-label="Start “School attendance”"');
  });

  it('starts threshold practice at the practice start route, in Welsh under /cy/', async () => {
    const html = await render('cy', [{ ...base, activity: { kind: 'vignette', id: 'v-1' } }]);
    expect(html).toMatch(/action="\/cy\/practice"[^>]*>\s*<input type="hidden" name="vignette" value="v-1"/);
    expect(html).toContain('Dechrau');
  });

  it('offers no Start button once begun, for reading, or when the activity has gone', async () => {
    const html = await render('en', [
      { ...base, progress: 'in-progress', status: 'in-progress', path: '/simulations/attempts/t1' },
      { ...base, id: 'a2', activity: { kind: 'module', id: 'm' }, path: '/learn/p/m' },
      { ...base, id: 'a3', title: null, progress: 'unavailable', status: 'unavailable' },
    ]);
    expect(html).not.toContain('<form');
  });

  it('links to the released feedback of the item in both languages', async () => {
    const item = { ...base, progress: 'done' as const, status: 'feedback-ready' as const, feedbackVersion: 2 };
    expect(await render('en', [item])).toContain('<a href="/assigned/a1/feedback/2">Read the feedback on “School attendance”</a>');
    expect(await render('cy', [item])).toContain('<a href="/cy/assigned/a1/feedback/2">Darllen yr adborth ar “Presenoldeb ysgol”</a>');
    expect(await render('en', [base])).not.toContain('/feedback/');
  });
});
