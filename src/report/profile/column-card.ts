/**
 * @module report/profile/column-card
 * One column of a data profile as a card: type and role, why they were chosen, a chart
 * (histogram for numbers and dates, bars for the most frequent values) and its statistics.
 */
import type { ColumnProfile } from '../../data/profile/types.js';
import type { DataWarning } from '../../data/quality/warning-codes.js';
import { barChart, type BarItem } from '../charts/bar-chart.js';
import { histogramChart } from '../charts/histogram-chart.js';
import { badge, card } from '../html/components.js';
import { formatCount, formatDate, formatNumber, formatPercent } from '../html/format.js';
import { type HtmlValue, type SafeHtml, html } from '../html/html.js';
import { renderKeyValues } from '../html/table.js';

/** The anchor id of column number `index`. */
export function columnAnchor(index: number): string {
  return `col-${index + 1}`;
}

/** Bins one value wide centred on whole numbers: label the values, not the edges. */
function isDiscrete(edges: readonly number[]): boolean {
  return edges.length > 1 && edges.every((e, i) => i === 0 || e - edges[i - 1] === 1) && Math.abs(edges[0] % 1) === 0.5;
}

function chartFor(c: ColumnProfile, rows: number): SafeHtml | '' {
  if (c.topValues && c.topValues.length > 0 && c.type !== 'numeric') {
    const present = rows - c.missing;
    const shown = c.topValues.reduce((s, t) => s + t.count, 0);
    const items: BarItem[] = c.topValues.map((t) => ({ label: t.value, value: t.count }));
    if (present > shown) items.push({ label: `other (${formatCount(c.unique - c.topValues.length)} values)`, value: present - shown, muted: true });
    return barChart(items, { annotate: (it) => formatPercent(it.value / Math.max(1, present)), label: `most frequent values of ${c.name}` });
  }
  if (c.histogram && c.histogram.counts.length > 0) {
    const dates = c.dtype === 'datetime' || c.type === 'datetime';
    return histogramChart({
      edges: c.histogram.edges,
      counts: c.histogram.counts,
      discrete: !dates && isDiscrete(c.histogram.edges),
      formatValue: dates ? (v) => formatDate(v).slice(0, 10) : undefined,
      label: `histogram of ${c.name}`,
    });
  }
  return '';
}

function statsFor(c: ColumnProfile, rows: number): SafeHtml {
  const pairs: [string, HtmlValue][] = [
    ['missing', `${formatCount(c.missing)} (${formatPercent(rows > 0 ? c.missing / rows : 0)})`],
    ['distinct', formatCount(c.unique)],
  ];
  if (typeof c.min === 'string' || typeof c.max === 'string') {
    pairs.push(['first', String(c.min ?? '–')], ['last', String(c.max ?? '–')]);
  } else if (c.mean !== undefined && c.quantiles) {
    const q = c.quantiles;
    pairs.push(
      ['mean', formatNumber(c.mean)],
      ['std', formatNumber(c.std ?? Number.NaN)],
      ['min', formatNumber(c.min as number)],
      ['5% · 25%', `${formatNumber(q.p5)} · ${formatNumber(q.p25)}`],
      ['median', formatNumber(q.p50)],
      ['75% · 95%', `${formatNumber(q.p75)} · ${formatNumber(q.p95)}`],
      ['max', formatNumber(c.max as number)],
      ['zeros', formatCount(c.zeros ?? 0)],
    );
  }
  if (c.meanLength !== undefined) pairs.push(['mean length', `${formatNumber(c.meanLength, 3)} characters`]);
  return renderKeyValues(pairs);
}

const TYPE_TONE = { identifier: 'neutral', text: 'info' } as const;

export function columnCard(c: ColumnProfile, index: number, rows: number, warnings: readonly DataWarning[]): SafeHtml {
  const tags = html`${badge(c.type, TYPE_TONE[c.type as keyof typeof TYPE_TONE] ?? 'accent')}${c.role !== 'feature' ? html` ${badge(c.role, c.role === 'target' ? 'ok' : 'neutral')}` : ''}${warnings.map(
    (w) => html` ${badge(w.code, w.severity === 'warning' ? 'warning' : 'info')}`,
  )}`;
  return card({
    title: c.name,
    id: columnAnchor(index),
    tags,
    note: html`${c.reason} <span class="mono">· ${c.dtype}</span>`,
    body: html`${chartFor(c, rows)}${statsFor(c, rows)}`,
  });
}

/** One line summing a column up for the overview table. */
export function columnSummary(c: ColumnProfile): string {
  if (typeof c.min === 'string') return `${formatDate(Date.parse(c.min))} → ${formatDate(Date.parse(String(c.max)))}`;
  if (c.topValues && c.topValues.length > 0 && c.type !== 'numeric') {
    return c.topValues
      .slice(0, 3)
      .map((t) => `${t.value.length > 24 ? `${t.value.slice(0, 23)}…` : t.value} (${formatCount(t.count)})`)
      .join(', ');
  }
  if (c.mean !== undefined) return `${formatNumber(c.min as number)} … ${formatNumber(c.max as number)}, mean ${formatNumber(c.mean)}`;
  return '';
}
