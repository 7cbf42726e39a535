import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import ComparisonTable from '../../src/components/evaluation/ComparisonTable.astro';
import ComparisonNotes from '../../src/components/evaluation/ComparisonNotes.astro';
import type { Locale } from '../../src/domain/common/index.ts';
import type { ComparedFigure } from '../../src/domain/evaluation/index.ts';
import { translator } from '../../src/i18n/index.ts';

const FIGURES: ComparedFigure[] = [
  { key: 'first-attempt:m1', kind: 'first-attempt', subject: 'm1', figure: 'first-attempt-score', contributors: 5, median: 72.25, range: { low: 60, high: 88.5 } },
  { key: 'alpha:2026-Q1', kind: 'alpha', subject: '2026-Q1', figure: 'decision-alpha', contributors: 3, median: 0.615, range: null },
  { key: 'one-to-one', kind: 'one-to-one', subject: null, figure: 'one-to-one-share', contributors: 2, median: null, range: null },
];
const NAMES = new Map([['m1', 'Module one']]);
const locals = (locale: Locale) => ({ t: translator(locale), locale, path: '/', auth: null, ip: '127.0.0.1' });
const text = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, '’').replace(/\s+/g, ' ').trim();

async function table(locale: Locale, participants = [{ nameEn: 'Valley Council (demo)', nameCy: 'Cyngor y Cwm (demo)' }]) {
  const container = await AstroContainer.create();
  return container.renderToString(ComparisonTable, { props: { comparison: { participants, figures: FIGURES }, names: NAMES }, locals: locals(locale) });
}

describe('the operator’s comparison table', () => {
  it('lists the councils taking part by name, and every figure with its median and range when allowed, never beside a council', async () => {
    const html = await table('en');
    expect(text(html)).toContain('Councils taking part Valley Council (demo)');
    const rows = [...html.matchAll(/<tr data-comparison="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [m[1], text(m[2]!)]);
    expect(rows).toEqual([
      ['first-attempt:m1', 'First-attempt knowledge-check score Module one Median of 5 councils: 72.3% range 60.0%–88.5%'],
      ['alpha:2026-Q1', expect.stringMatching(/^.+ Q1 2026 Median of 3 councils: 0\.62 –$/)],
      ['one-to-one', expect.stringMatching(/^.+ Whole council not enough councils to compare yet –$/)],
    ]);
    expect(rows.map(([, row]) => row).join(' ')).not.toContain('Valley');
  });

  it('speaks Welsh, and says so when no council takes part', async () => {
    const cy = text(await table('cy', []));
    expect(cy).toContain('Nid oes unrhyw gyngor yn cymryd rhan eto.');
    expect(cy).toContain('Canolrif ar draws 5 cyngor: 72.3%');
    expect(cy).toContain('dim digon o gynghorau i gymharu eto');
  });
});

describe('the medians beside a report figure', () => {
  it('show nothing for a council that does not take part', async () => {
    const container = await AstroContainer.create();
    expect(text(await container.renderToString(ComparisonNotes, { props: { figures: null, names: NAMES }, locals: locals('en') }))).toBe('');
  });

  it('name each figure and what it is about when a part of the report has several', async () => {
    const container = await AstroContainer.create();
    const notes = text(await container.renderToString(ComparisonNotes, { props: { figures: FIGURES.slice(0, 2), names: NAMES }, locals: locals('en') }));
    expect(notes).toContain('Compared with other councils');
    expect(notes).toContain('Module one: Median of 5 councils: 72.3%; range 60.0%–88.5%');
    expect(notes).toContain('Q1 2026: Median of 3 councils: 0.62');
  });
});
