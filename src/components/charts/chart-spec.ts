/**
 * Server-rendered charts: Observable Plot draws the SVG into a linkedom document, so no
 * JavaScript reaches the browser. Every series is told apart without colour (bar patterns;
 * line dashes, markers and a label at the line's end), and the same numbers come back as a
 * table so the chart never carries information alone. All text arrives translated.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { intlLocale, type Locale } from '../../domain/common/index.ts';

export type ChartSeries = { key: string; label: string; values: readonly number[] };

type CommonProps = {
  /** Unique on the page: prefixes the ids the SVG, caption and patterns use. */
  id: string;
  title: string;
  description?: string;
  /** The data table's caption; the title when absent. */
  tableCaption?: string;
  /** The heading of the categories (bar) or dates (line): x-axis label and first table column. */
  categoryLabel: string;
  valueLabel: string;
  series: readonly ChartSeries[];
  locale: Locale;
  valueFormat?: Intl.NumberFormatOptions;
  width?: number;
  height?: number;
};
/** Grouped bars: one group per category, one bar per series in each group. */
export type BarChartProps = CommonProps & { kind: 'bar'; categories: readonly { key: string; label: string }[] };
/** A named stretch of time drawn behind a line chart (a rollout phase): first and last day, YYYY-MM-DD. */
export type ChartSpan = { key: string; label: string; from: string; to: string };
/** Spans behind a line chart and the translated headings of the table that lists them. */
export type ChartSpans = { caption: string; nameLabel: string; fromLabel: string; toLabel: string; spans: readonly ChartSpan[] };
/** A time series: one line per series over calendar dates (YYYY-MM-DD), optionally with spans behind it. */
export type LineChartProps = CommonProps & { kind: 'line'; dates: readonly string[]; spans?: ChartSpans };
export type ChartProps = BarChartProps | LineChartProps;

export type ChartTable = { caption: string; columns: string[]; rows: { header: string; cells: string[] }[] };

/** Colours with at least 3:1 contrast on white; each series also has a pattern, dash and marker. */
const COLOURS = ['#1d4e89', '#a1410d', '#2d6a3e', '#6b3fa0', '#8a1c3a', '#3d3d3d'] as const;
const DASHES = [null, '6,3', '2,3', '10,3,2,3', '12,4', '1,2'] as const;
const MARKERS = ['circle-stroke', 'dot', 'tick-x', 'circle-fill', 'tick-y', 'arrow'] as const;
export const MAX_SERIES = COLOURS.length;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A caller's mistake in the data is a bug, so it throws rather than drawing something wrong. */
function check(props: ChartProps): void {
  const length = props.kind === 'bar' ? props.categories.length : props.dates.length;
  if (!props.series.length || props.series.length > MAX_SERIES) throw new RangeError(`A chart draws 1 to ${MAX_SERIES} series, not ${props.series.length}`);
  if (!length) throw new RangeError('A chart needs at least one category or date');
  for (const s of props.series) {
    if (s.values.length !== length) throw new RangeError(`Series ${s.key} has ${s.values.length} values for ${length} ${props.kind === 'bar' ? 'categories' : 'dates'}`);
    if (!s.values.every(Number.isFinite)) throw new RangeError(`Series ${s.key} has a value that is not a finite number`);
  }
  const isDate = (d: string) => ISO_DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));
  if (props.kind === 'line' && !props.dates.every(isDate)) throw new RangeError('Line chart dates are YYYY-MM-DD');
  for (const span of props.kind === 'line' ? (props.spans?.spans ?? []) : []) {
    if (!isDate(span.from) || !isDate(span.to) || span.to < span.from) throw new RangeError(`Span ${span.key} is not a date range`);
  }
}

const numberFormat = (props: ChartProps) => new Intl.NumberFormat(intlLocale(props.locale), props.valueFormat ?? { maximumFractionDigits: 1 });
const dateTime = (date: string) => new Date(`${date}T00:00:00Z`);

/** The chart's numbers as a table: one row per category or date, one column per series. */
export function chartTable(props: ChartProps): ChartTable {
  check(props);
  const number = numberFormat(props);
  const day = new Intl.DateTimeFormat(intlLocale(props.locale), { dateStyle: 'long', timeZone: 'UTC' });
  const headers = props.kind === 'bar' ? props.categories.map((c) => c.label) : props.dates.map((d) => day.format(dateTime(d)));
  return {
    caption: props.tableCaption ?? props.title,
    columns: [props.categoryLabel, ...props.series.map((s) => s.label)],
    rows: headers.map((header, i) => ({ header, cells: props.series.map((s) => number.format(s.values[i]!)) })),
  };
}

/** The spans behind a line chart as a table (name, first day, last day), or null when it has none. */
export function chartSpansTable(props: ChartProps): ChartTable | null {
  check(props);
  if (props.kind !== 'line' || !props.spans?.spans.length) return null;
  const day = new Intl.DateTimeFormat(intlLocale(props.locale), { dateStyle: 'long', timeZone: 'UTC' });
  const { caption, nameLabel, fromLabel, toLabel, spans } = props.spans;
  return { caption, columns: [nameLabel, fromLabel, toLabel], rows: spans.map((s) => ({ header: s.label, cells: [day.format(dateTime(s.from)), day.format(dateTime(s.to))] })) };
}

/** Ids the component and the SVG share, so the SVG is named by the visible caption. */
export const chartIds = (id: string) => ({ title: `${id}-title`, description: `${id}-description`, pattern: (i: number) => `${id}-pattern-${i}` });

/** Hatching that survives black-and-white printing: solid, diagonal, dots, cross, horizontal, vertical. */
function patternMarkup(i: number): string {
  const colour = COLOURS[i]!;
  // Explicit end tags: linkedom parses this markup as HTML, where a self-closed <rect/> would swallow what follows.
  const line = (d: string) => `<path d="${d}" stroke="#fff" stroke-width="2"></path>`;
  const marks = [
    '',
    line('M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4'),
    '<circle cx="4" cy="4" r="1.6" fill="#fff"></circle>',
    line('M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4') + line('M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4'),
    line('M0,4 h8'),
    line('M4,0 v8'),
  ][i]!;
  return `<pattern width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${colour}"></rect>${marks}</pattern>`;
}

/** The chart as SVG markup: role="img", named by the caption (and description) ids. */
export function chartSvg(props: ChartProps): string {
  check(props);
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const number = numberFormat(props);
  const width = props.width ?? 640;
  const height = props.height ?? 360;
  const ids = chartIds(props.id);
  const svg = (props.kind === 'bar' ? barPlot(props, document, number, width, height) : linePlot(props, document, number, width, height)) as unknown as Element;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', props.description ? `${ids.title} ${ids.description}` : ids.title);
  svg.setAttribute('class', `${svg.getAttribute('class') ?? ''} chart__svg`.trim());
  svg.removeAttribute('aria-label');
  // Inside role="img" Plot's mark names (aria-label on <g>) are prohibited ARIA; the table carries the data.
  for (const element of svg.querySelectorAll('[aria-label]')) element.removeAttribute('aria-label');
  // The site's CSP allows no inline styles: Plot's <style> goes (Chart.astro carries its rules) and
  // everything else is a presentation attribute.
  svg.querySelector('style')?.remove();
  svg.setAttribute('font-size', '13');
  svg.setAttribute('overflow', 'visible');
  for (const attribute of ['fill', 'stroke']) {
    for (const element of svg.querySelectorAll(`[${attribute}="var(--plot-background)"]`)) element.setAttribute(attribute, '#fff');
  }
  if (props.kind === 'bar') {
    const defs = document.createElementNS('http://www.w3.org/2000/svg', 'defs');
    // Only fixed markup goes through innerHTML; the caller's id is set as an attribute (escaped).
    defs.innerHTML = props.series.map((_, i) => patternMarkup(i)).join('');
    defs.querySelectorAll('pattern').forEach((pattern, i) => pattern.setAttribute('id', ids.pattern(i)));
    svg.insertBefore(defs, svg.firstChild);
  }
  return svg.outerHTML;
}

function barPlot(props: BarChartProps, document: Document, number: Intl.NumberFormat, width: number, height: number) {
  const data = props.categories.flatMap((category, ci) => props.series.map((s, si) => ({ category: category.label, series: s.label, si, value: s.values[ci]! })));
  const several = props.series.length > 1;
  return Plot.plot({
    document,
    width,
    height,
    marginTop: several ? 36 : 24,
    marginBottom: several ? 56 : 40,
    // With several series the group names go on top; the first table column carries their heading.
    fx: { label: several ? null : props.categoryLabel, domain: props.categories.map((c) => c.label), padding: 0.15, axis: several ? 'top' : 'bottom' },
    // Each bar names its series under it (a direct label), so no colour legend is needed.
    x: { domain: props.series.map((s) => s.label), label: null, axis: several ? 'bottom' : null, tickRotate: several ? -20 : 0, padding: 0.1 },
    y: { label: props.valueLabel, grid: true, tickFormat: (v: number) => number.format(v), nice: true, insetTop: 16 },
    marks: [
      ...props.series.map((_, si) =>
        Plot.barY(data.filter((d) => d.si === si), { fx: 'category', x: 'series', y: 'value', fill: `url(#${chartIds(props.id).pattern(si)})`, stroke: 'currentColor', strokeWidth: 1 }),
      ),
      Plot.text(data, { fx: 'category', x: 'series', y: 'value', text: (d: { value: number }) => number.format(d.value), dy: -8, fill: 'currentColor' }),
      Plot.ruleY([0]),
    ],
  });
}

function linePlot(props: LineChartProps, document: Document, number: Intl.NumberFormat, width: number, height: number) {
  const month = new Intl.DateTimeFormat(intlLocale(props.locale), { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const data = props.series.map((s) => props.dates.map((d, i) => ({ date: dateTime(d), value: s.values[i]!, series: s.label })));
  // Room on the right for each line's label at its end.
  const longest = Math.max(...props.series.map((s) => s.label.length));
  // The time axis runs over the dates and the spans, so each span is drawn whole.
  const spanDays = (props.spans?.spans ?? []).flatMap((s) => [s.from, s.to]);
  const days = [...props.dates, ...spanDays].sort();
  const [first, last] = [dateTime(days[0]!), dateTime(days[days.length - 1]!)];
  const middle = (first.getTime() + last.getTime()) / 2;
  // Each span is a light grey band between dashed rules, named above it: from its start in the first
  // half of the axis, up to its end in the second, in at most 18 ems (the table has the full name), on
  // three stacked rows so neighbours stay readable; all of it stays inside the chart.
  const spans = (props.spans?.spans ?? []).map((s, i) => {
    const [from, to] = [dateTime(s.from), dateTime(s.to)];
    const early = from.getTime() <= middle;
    return { label: s.label, from, to, at: early ? from : to, anchor: early ? ('start' as const) : ('end' as const), row: i % 3 };
  });
  const spanMarks = spans.length
    ? [
        Plot.rectX(spans, { x1: 'from', x2: 'to', fill: '#000', fillOpacity: 0.07 }),
        Plot.ruleX(spans.flatMap((s) => [s.from, s.to]), { stroke: '#3d3d3d', strokeDasharray: '4,3' }),
        ...[0, 1, 2].flatMap((row) =>
          (['start', 'end'] as const).map((anchor) =>
            Plot.text(spans.filter((s) => s.row === row && s.anchor === anchor), {
              x: 'at', text: 'label', frameAnchor: 'top', lineAnchor: 'bottom', textAnchor: anchor, dx: anchor === 'start' ? 3 : -3, dy: -4 - row * 15,
              lineWidth: 18, textOverflow: 'ellipsis', fill: 'currentColor', stroke: '#fff', strokeWidth: 3,
            }),
          ),
        ),
      ]
    : [];
  return Plot.plot({
    document,
    width,
    height,
    marginRight: Math.min(200, 12 + longest * 7),
    marginTop: spans.length ? 20 + Math.min(spans.length, 3) * 15 : undefined,
    x: { type: 'utc', domain: [first, last], label: props.categoryLabel, tickFormat: (d: Date) => month.format(d), ticks: Math.max(2, Math.floor(width / 110)) },
    y: { label: props.valueLabel, grid: true, tickFormat: (v: number) => number.format(v), nice: true },
    marks: [
      ...spanMarks,
      Plot.ruleY([0]),
      ...data.flatMap((points, si) => [
        Plot.line(points, { x: 'date', y: 'value', stroke: COLOURS[si], strokeWidth: 2.5, strokeDasharray: DASHES[si] ?? undefined, marker: MARKERS[si] }),
        Plot.text(points, Plot.selectLast({ x: 'date', y: 'value', text: 'series', dx: 8, textAnchor: 'start', fill: COLOURS[si] })),
      ]),
    ],
  });
}
