import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartSvg, chartTable, type BarChartProps, type LineChartProps } from '../../src/components/charts/chart-spec.ts';

const bar: BarChartProps = {
  kind: 'bar',
  id: 'agreement',
  title: 'Cytuno â’r panel fesul categori',
  description: 'Eich penderfyniadau chi, eich tîm a’r panel.',
  categoryLabel: 'Categori',
  valueLabel: 'Cytuno (%)',
  locale: 'cy',
  categories: [{ key: 'neglect', label: 'Esgeulustod' }, { key: 'physical', label: 'Corfforol' }, { key: 'emotional', label: 'Emosiynol' }],
  series: [
    { key: 'you', label: 'Chi', values: [80, 65.5, 70] },
    { key: 'team', label: 'Eich tîm', values: [75, 1234.25, 72] },
    { key: 'panel', label: 'Panel', values: [90, 88, 85] },
  ],
};
const line: LineChartProps = {
  kind: 'line',
  id: 'cpd-hours',
  title: 'CPD hours by month',
  categoryLabel: 'Month',
  valueLabel: 'Hours',
  locale: 'en',
  dates: ['2026-01-01', '2026-02-01', '2026-03-01'],
  series: [
    { key: 'you', label: 'You', values: [1, 3.25, 4] },
    { key: 'team', label: 'Team average', values: [2, 2.5, 3] },
  ],
};

const svgOf = (markup: string) => parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.querySelector('svg')!;

describe('the chart’s data table', () => {
  it('gives one row per category and one column per series, the numbers formatted in the chart’s language', () => {
    expect(chartTable(bar)).toEqual({
      caption: bar.title,
      columns: ['Categori', 'Chi', 'Eich tîm', 'Panel'],
      rows: [
        { header: 'Esgeulustod', cells: ['80', '75', '90'] },
        { header: 'Corfforol', cells: ['65.5', '1,234.3', '88'] },
        { header: 'Emosiynol', cells: ['70', '72', '85'] },
      ],
    });
  });

  it('gives a time series one row per date, written out in the language', () => {
    const table = chartTable(line);
    expect(table.columns).toEqual(['Month', 'You', 'Team average']);
    expect(table.rows.map((r) => r.header)).toEqual(['1 January 2026', '1 February 2026', '1 March 2026']);
    expect(table.rows.map((r) => r.cells)).toEqual([['1', '2'], ['3.3', '2.5'], ['4', '3']]);
    expect(chartTable({ ...line, locale: 'cy', tableCaption: 'Oriau DPP' }).rows[0]!.header).toBe('1 Ionawr 2026');
    expect(chartTable({ ...line, tableCaption: 'Hours table' }).caption).toBe('Hours table');
  });
});

describe('the chart’s SVG', () => {
  it('is an image named by the caption and description, with no script', () => {
    const svg = svgOf(chartSvg(bar));
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('agreement-title agreement-description');
    expect(svgOf(chartSvg(line)).getAttribute('aria-labelledby')).toBe('cpd-hours-title');
    expect(svg.querySelector('script')).toBeNull();
  });

  it('carries no inline style, which the site’s Content Security Policy would refuse', () => {
    for (const markup of [chartSvg(bar), chartSvg(line)]) {
      const svg = svgOf(markup);
      expect(svg.querySelector('style')).toBeNull();
      expect([svg, ...svg.querySelectorAll('*')].filter((e) => e.hasAttribute('style'))).toEqual([]);
      expect(markup).not.toContain('var(--');
    }
  });

  it('draws one bar per value, each series in its own pattern, with its value and series written on the chart', () => {
    const svg = svgOf(chartSvg(bar));
    const fills = [...svg.querySelectorAll('rect[fill^="url("], g[fill^="url("] rect')].map((r) => r.getAttribute('fill') ?? r.parentElement!.getAttribute('fill'));
    expect(fills).toHaveLength(9);
    expect(new Set(fills)).toEqual(new Set(['url(#agreement-pattern-0)', 'url(#agreement-pattern-1)', 'url(#agreement-pattern-2)']));
    expect(svg.querySelectorAll('defs pattern')).toHaveLength(3);
    // Not colour alone: the patterns differ in their marks, not only in their fill.
    const marks = [...svg.querySelectorAll('defs pattern')].map((p) => p.innerHTML.replace(/fill="#[0-9a-f]+"/, ''));
    expect(new Set(marks).size).toBe(3);
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    for (const value of ['80', '65.5', '1,234.3', '88']) expect(texts).toContain(value);
    for (const label of ['Chi', 'Eich tîm', 'Panel', 'Esgeulustod', 'Corfforol', 'Emosiynol', '↑ Cytuno (%)']) expect(texts).toContain(label);
  });

  it('draws one line per series, each with its own dash and marker and its name at its end', () => {
    const svg = svgOf(chartSvg(line));
    const paths = [...svg.querySelectorAll('g[stroke-width="2.5"]')];
    expect(paths).toHaveLength(2);
    expect(new Set(paths.map((p) => p.getAttribute('stroke-dasharray'))).size).toBe(2);
    // One hollow marker, one filled: told apart in black and white.
    expect(new Set(paths.map((p) => `${p.querySelector('marker')!.innerHTML}|${p.querySelector('marker')!.getAttribute('fill')}`)).size).toBe(2);
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('You');
    expect(texts).toContain('Team average');
    // Month ticks in the chart's language, not d3's English defaults.
    expect([...svgOf(chartSvg({ ...line, locale: 'cy' })).querySelectorAll('text')].map((t) => t.textContent)).toContain('Ion 2026');
  });

  it('refuses data that does not fit its categories, dates or the number of series it can tell apart', () => {
    expect(() => chartSvg({ ...bar, series: [{ key: 'x', label: 'X', values: [1, 2] }] })).toThrow(/2 values for 3 categories/);
    expect(() => chartTable({ ...bar, series: [{ key: 'x', label: 'X', values: [1, Number.NaN, 3] }] })).toThrow(/finite/);
    expect(() => chartSvg({ ...bar, series: Array.from({ length: 7 }, (_, i) => ({ key: `s${i}`, label: `S${i}`, values: [1, 2, 3] })) })).toThrow(/1 to 6 series/);
    expect(() => chartSvg({ ...line, dates: ['2026-01-01', 'Feb', '2026-03-01'] })).toThrow(/YYYY-MM-DD/);
  });
});

describe('text a person may have typed', () => {
  it('reaches the drawn chart as text, never as markup (the component inserts the SVG with set:html)', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const markup = chartSvg({ ...bar, categories: [{ key: 'neglect', label: hostile }, ...bar.categories.slice(1)], series: bar.series.map((s, i) => (i === 0 ? { ...s, label: hostile } : s)) });
    expect(markup).not.toContain('<img');
    expect(svgOf(markup).querySelectorAll('img')).toHaveLength(0);
  });

  it('reaches a line chart as text too: series labels at the line ends and both axis labels', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const markup = chartSvg({ ...line, categoryLabel: hostile, valueLabel: hostile, series: line.series.map((s) => ({ ...s, label: hostile })) });
    expect(markup).not.toContain('<img');
    expect(svgOf(markup).querySelectorAll('img')).toHaveLength(0);
  });

  it('keeps a hostile chart id inside its attributes', () => {
    const markup = chartSvg({ ...bar, id: 'x"><img src=x onerror="alert(1)">' });
    expect(svgOf(markup).querySelectorAll('img')).toHaveLength(0);
    expect(svgOf(markup).querySelectorAll('pattern')).toHaveLength(bar.series.length);
  });
});

describe('the marks inside the chart’s image', () => {
  it('carry no aria-label of their own (prohibited inside role="img"; the table carries the data)', () => {
    for (const props of [bar, line]) expect(svgOf(chartSvg(props)).querySelectorAll('[aria-label]')).toHaveLength(0);
  });
});
