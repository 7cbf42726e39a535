import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import Chart from '../../src/components/charts/Chart.astro';
import { chartTable, type BarChartProps } from '../../src/components/charts/chart-spec.ts';
import { translator } from '../../src/i18n/index.ts';

const props: BarChartProps = {
  kind: 'bar',
  id: 'agreement',
  title: 'Agreement with the panel by category',
  description: 'Your decisions, your team’s and the panel’s.',
  categoryLabel: 'Category',
  valueLabel: 'Agreement (%)',
  locale: 'en',
  categories: [{ key: 'neglect', label: 'Neglect' }, { key: 'physical', label: 'Physical' }],
  series: [
    { key: 'you', label: 'You', values: [80, 65.5] },
    { key: 'panel', label: 'Panel', values: [90, 88] },
  ],
};

describe('the Chart component', () => {
  it('renders a figure whose caption names the SVG, with the numbers in a table beside it', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Chart, { props, locals: { t: translator('en'), locale: 'en', path: '/', auth: null, ip: '127.0.0.1' } });
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const figure = document.querySelector('figure#agreement')!;
    expect(figure.querySelector('figcaption#agreement-title')!.textContent).toBe(props.title);
    expect(figure.querySelector('#agreement-description')!.textContent).toBe(props.description);
    const svg = figure.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('agreement-title agreement-description');
    const table = figure.querySelector('table')!;
    expect(table.querySelector('caption')!.textContent).toBe(props.title);
    expect([...table.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), th.textContent])).toEqual([['col', 'Category'], ['col', 'You'], ['col', 'Panel']]);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => ({ header: tr.querySelector('th[scope="row"]')!.textContent, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent) }));
    expect(rows).toEqual([{ header: 'Neglect', cells: ['80', '90'] }, { header: 'Physical', cells: ['65.5', '88'] }]);
    expect(rows).toEqual(chartTable(props).rows);
    expect(html).not.toContain('<script');
  });

  it('shows a title a person typed (a rollout phase’s name) as text, and the SVG it inserts with set:html carries none of it', async () => {
    const hostile = 'Pilot <img src=x onerror="alert(1)">';
    const container = await AstroContainer.create();
    const html = await container.renderToString(Chart, { props: { ...props, title: hostile, description: hostile }, locals: { t: translator('en'), locale: 'en', path: '/', auth: null, ip: '127.0.0.1' } });
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(document.querySelector('figcaption')!.textContent).toBe(hostile);
    expect(document.querySelector('caption')!.textContent).toBe(hostile);
    expect(document.querySelector('svg')!.outerHTML).not.toContain('Pilot');
  });

  it('draws category and series names a person typed (a team’s name) inside the SVG as text, never as markup', async () => {
    const hostile = 'Team <img src=x onerror="alert(1)">';
    const container = await AstroContainer.create();
    const typed = { ...props, categories: [{ key: 'team', label: hostile }, props.categories[1]!], series: [{ ...props.series[0]!, label: hostile }, props.series[1]!] };
    const html = await container.renderToString(Chart, { props: typed, locals: { t: translator('en'), locale: 'en', path: '/', auth: null, ip: '127.0.0.1' } });
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    const svg = document.querySelector('svg')!;
    expect(svg.querySelectorAll('img')).toHaveLength(0);
    expect([...svg.querySelectorAll('text, tspan')].some((node) => node.textContent === hostile)).toBe(true);
  });
});
