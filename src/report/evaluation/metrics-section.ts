/**
 * @module report/evaluation/metrics-section
 * The top of an evaluation report: headline metric with its bootstrap interval, a few key
 * numbers as tiles, and every metric in a table with what it measures.
 */
import type { Evaluation } from '../../evaluate/evaluate-model.js';
import { METRICS } from '../../metrics/registry.js';
import { section, statGrid } from '../html/components.js';
import { formatCount, formatNumber } from '../html/format.js';
import { type SafeHtml, html } from '../html/html.js';
import { renderTable } from '../html/table.js';

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : formatNumber(v, 4));

export function metricsSection(e: Evaluation): SafeHtml {
  const iv = e.intervals.headline;
  const tiles = [
    {
      label: e.headline.replace(/_/g, ' '),
      value: fmt(e.metrics[e.headline]),
      note: iv ? html`<span class="ci">${Math.round(iv.level * 100)}% CI ${fmt(iv.low)} – ${fmt(iv.high)}</span>` : 'no interval',
    },
    ...Object.entries(e.metrics)
      .filter(([k]) => k !== e.headline)
      .slice(0, 4)
      .map(([k, v]) => ({ label: k.replace(/_/g, ' '), value: fmt(v) })),
    { label: 'rows', value: formatCount(e.n), note: e.dropped_rows ? `${formatCount(e.dropped_rows)} left out (no label)` : 'all labelled' },
  ];
  const rows = Object.entries(e.metrics).map(([k, v]) => [
    html`<code>${k}</code>`,
    fmt(v),
    METRICS[k] ? (METRICS[k].greaterIsBetter ? 'higher is better' : 'lower is better') : '',
    html`<span class="muted small">${METRICS[k]?.description ?? ''}</span>`,
  ]);
  const note = iv
    ? html`<p class="kicker">Interval: percentile bootstrap over ${formatCount(iv.n_boot)} resamples of the ${formatCount(e.n)} rows.${e.positive ? html` Positive class: <strong>${e.positive}</strong>.` : ''}</p>`
    : e.positive ? html`<p class="kicker">Positive class: <strong>${e.positive}</strong>.</p>` : '';
  return html`${statGrid(tiles)}${note}${section('All metrics', html`<div class="panel">${renderTable([{ label: 'metric' }, { label: 'value', numeric: true }, { label: 'direction' }, { label: 'what it measures' }], rows)}</div>`, 'metrics')}`;
}
