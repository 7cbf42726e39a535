import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import Chart from '../../src/components/charts/Chart.astro';
import { chartSpansTable, chartSvg, type LineChartProps } from '../../src/components/charts/chart-spec.ts';
import { translator } from '../../src/i18n/index.ts';

const props: LineChartProps = {
  kind: 'line',
  id: 'register',
  title: 'Children on the register',
  categoryLabel: 'End of quarter',
  valueLabel: 'Number',
  locale: 'en',
  dates: ['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31'],
  series: [{ key: 'children-on-register', label: 'On the register', values: [120, 118, 111, 104] }],
  spans: {
    caption: 'Rollout phases shaded on this chart',
    nameLabel: 'Phase',
    fromLabel: 'Starts',
    toLabel: 'Ends',
    spans: [
      { key: 'wave-1', label: 'Wave 1', from: '2025-04-01', to: '2025-07-31' },
      { key: 'wave-2', label: 'Wave 2 <b>', from: '2025-08-01', to: '2025-11-30' },
    ],
  },
};

const render = async (chart: LineChartProps) => {
  const container = await AstroContainer.create();
  const html = await container.renderToString(Chart, { props: chart, locals: { t: translator('en'), locale: 'en', path: '/', auth: null, ip: '127.0.0.1' } });
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
};

describe('rollout phases beside a line chart', () => {
  it('draws each phase as a grey band between dashed rules at its first and last day, named in the SVG', async () => {
    const document = await render(props);
    const svg = document.querySelector('figure#register svg')!;
    const bands = [...svg.querySelectorAll('rect')].filter((rect) => rect.getAttribute('fill-opacity') !== null || rect.parentElement?.getAttribute('fill-opacity') !== null);
    expect(bands).toHaveLength(2);
    const rules = [...svg.querySelectorAll('line')].filter((line) => (line.getAttribute('stroke-dasharray') ?? line.parentElement?.getAttribute('stroke-dasharray')) === '4,3');
    expect(rules).toHaveLength(4);
    const texts = [...svg.querySelectorAll('text')].map((text) => text.textContent);
    expect(texts).toContain('Wave 1');
    expect(texts).toContain('Wave 2 <b>');
    expect(svg.querySelectorAll('b')).toHaveLength(0);
    // Grey and black only: the band survives black-and-white printing.
    const fills = bands.map((rect) => rect.getAttribute('fill') ?? rect.parentElement?.getAttribute('fill'));
    expect(new Set(fills)).toEqual(new Set(['#000']));
  });

  it('lists the phases in a table of their own under the chart, with their first and last day, in a region named with the chart', async () => {
    const document = await render(props);
    const table = document.querySelector('figure#register .chart__spans table')!;
    expect(table.closest('[role="region"]')!.getAttribute('aria-labelledby')).toBe('register-spans-caption register-title');
    expect(table.querySelector('caption#register-spans-caption')!.textContent).toBe(props.spans!.caption);
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Phase', 'Starts', 'Ends']);
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th[scope="row"]')!.textContent, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]);
    expect(rows).toEqual([
      ['Wave 1', '1 April 2025', '31 July 2025'],
      ['Wave 2 <b>', '1 August 2025', '30 November 2025'],
    ]);
  });

  it('keeps every phase name inside the chart: anchored at its start in the first half of the time axis, at its end in the second', () => {
    const svg = chartSvg({ ...props, spans: { ...props.spans!, spans: [...props.spans!.spans, { key: 'wave-3', label: 'Wave 3: a long name for the Coastal and Uplands teams together', from: '2025-12-01', to: '2026-02-28' }] } });
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    const label = (text: string) => [...document.querySelectorAll('text')].find((t) => t.textContent?.startsWith(text))!;
    const anchorOf = (text: string) => label(text).getAttribute('text-anchor') ?? label(text).closest('g')!.getAttribute('text-anchor');
    expect(anchorOf('Wave 1')).toBe('start');
    expect(anchorOf('Wave 3')).toBe('end');
    // Long names are cut short with an ellipsis; the table beside the chart has them whole.
    expect(label('Wave 3').childNodes[0]!.textContent).toMatch(/^Wave 3: a long name.*…$/);
    expect(label('Wave 3').querySelector('title')!.textContent).toBe('Wave 3: a long name for the Coastal and Uplands teams together');
  });

  it('draws no band and no phase table for a chart without phases', async () => {
    const document = await render({ ...props, spans: undefined });
    expect(document.querySelector('.chart__spans')).toBeNull();
    expect(chartSpansTable({ ...props, spans: undefined })).toBeNull();
    expect(chartSvg({ ...props, spans: undefined })).not.toContain('4,3');
  });

  it('refuses a phase that ends before it starts', () => {
    const backwards = { ...props, spans: { ...props.spans!, spans: [{ key: 'x', label: 'X', from: '2025-05-01', to: '2025-04-01' }] } };
    expect(() => chartSvg(backwards)).toThrow(RangeError);
  });
});
