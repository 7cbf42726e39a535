import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import EvidenceLevels from '../../src/components/evaluation/EvidenceLevels.astro';
import type { Locale } from '../../src/domain/common/index.ts';
import { translator } from '../../src/i18n/index.ts';
import type { ReportScopeOption } from '../../src/server/evaluation/index.ts';
import { data, PERIOD } from '../support/evaluation-report-fixture.ts';

const locals = (locale: Locale) => ({ t: translator(locale), locale, path: '/', auth: null, ip: '127.0.0.1' });
const text = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, '’').replace(/\s+/g, ' ').trim();
const rows = (html: string, captionId: string) => {
  const table = new RegExp(`<caption id="${captionId}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]!));
};

async function render(locale: Locale, scopeKind: ReportScopeOption['kind'] = 'organisation') {
  const { levels, names } = data(scopeKind);
  const container = await AstroContainer.create();
  return container.renderToString(EvidenceLevels, { props: { levels, names, period: PERIOD, scopeKind }, locals: locals(locale) });
}

describe('levels 1–3 of the evaluation report', () => {
  it('chart how many gave each workshop rating per question, with the numbers in the chart’s table', async () => {
    const html = await render('en');
    expect(text(html)).toContain('How many gave each rating: Effective Child Protection (6 reactions)');
    expect(rows(html, 'reaction-counts-ecp-table-caption')).toEqual([
      'Question Rated 1 Rated 2 Rated 3 Rated 4 Rated 5',
      'Usefulness 1 1 0 2 2',
      'Relevance 0 0 6 0 0',
      'Confidence to use 0 0 0 6 0',
    ]);
  });

  it('give each calibration round, by its current title, every coefficient with its reading or why it is undefined', async () => {
    const t = translator('en');
    const [header, round] = rows(await render('en'), 'rounds-caption');
    expect(header).toContain('Agreement on likelihood (alpha) What the likelihood figure means Fleiss’ kappa (people who answered every situation) What kappa means');
    expect(round).toBe(`Autumn calibration 6 0.55 ${t('reading.moderate')} not defined ${t('consistency.undefined.no-variation')} not defined (n = 5) ${t('consistency.undefined.no-variation')} 80.0%`);
  });

  it('name quarters as the indicators page does in Welsh, a partial quarter with the dates it covers', async () => {
    const html = await render('cy');
    const quarters = rows(html, 'consistency-caption').slice(1);
    expect(quarters[0]).toMatch(/^Chwarter 3 2025 \(rhan: 15 Awst 2025 – 30 Medi 2025\) 6 0\.70 /);
    expect(quarters[1]).toBe('Chwarter 4 2025 2 Heb ei ddangos: llai na 5 o bobl');
    expect(text(html)).not.toContain('2025-Q');
  });

  it('say under Level 3 of a programme that its figures are the whole organisation’s', async () => {
    const note = translator('en')('report.levels.behaviour.wholeStaff');
    expect(text(await render('en', 'programme'))).toContain(note);
    expect(text(await render('en'))).not.toContain(note);
    expect(text(await render('cy', 'programme'))).toContain(translator('cy')('report.levels.behaviour.wholeStaff'));
  });

  it('keep the comments in a details element that prints open', async () => {
    const html = await render('en');
    expect(html).toMatch(/<details class="report-print-open"[^>]*>\s*<summary[^>]*>Comments people wrote \(1\), without names<\/summary>[\s\S]*More role play, please\./);
  });
});
