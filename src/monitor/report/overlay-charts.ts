/**
 * @module monitor/report/overlay-charts
 * Reference vs current distributions as inline SVG, drawn on one axis so the shift is seen at
 * a glance: histograms as two overlaid bar series (reference grey, current blue, translucent),
 * with the values outside the reference's display range as "<" and ">" bars at the ends;
 * categories as pairs of horizontal bars. Shares, not counts: the two samples differ in size.
 */
import type { DistributionChart } from '../drift/types.js';
import { escapeHtml } from '../../report/html/escape.js';
import { formatShort } from '../../report/html/format.js';
import { type SafeHtml, html, raw } from '../../report/html/html.js';
import { linearScale, px, truncate } from '../../report/charts/scale.js';

export const OVERLAY_CSS = `
svg.overlay rect.ref { fill: var(--muted); opacity: .45; }
svg.overlay rect.cur { fill: #2f6fde; opacity: .55; }
svg.overlay text { font-size: 10px; fill: var(--muted); }
.overlay-legend { font-size: 12px; color: var(--muted); display: flex; gap: 14px; margin-top: 2px; }
.overlay-legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
`;

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

export function overlayLegend(): SafeHtml {
  return html`<div class="overlay-legend"><span><i style="background:var(--muted);opacity:.6"></i>reference</span><span><i style="background:#2f6fde;opacity:.7"></i>current</span></div>`;
}

function histogramSvg(c: Extract<DistributionChart, { kind: 'histogram' }>, width: number, height: number): SafeHtml {
  const tails = { below: c.below[0] + c.below[1] > 0, above: c.above[0] + c.above[1] > 0 };
  const bins = c.reference.length;
  if (bins === 0) return html`<p class="muted small">No values to chart.</p>`;
  const series: { label: string; ref: number; cur: number }[] = [];
  if (tails.below) series.push({ label: `< ${formatShort(c.edges[0])}`, ref: c.below[0], cur: c.below[1] });
  for (let i = 0; i < bins; i++) series.push({ label: `${formatShort(c.edges[i])} – ${formatShort(c.edges[i + 1])}`, ref: c.reference[i], cur: c.current[i] });
  if (tails.above) series.push({ label: `> ${formatShort(c.edges[bins])}`, ref: c.above[0], cur: c.above[1] });
  const left = 34;
  const bottom = 16;
  const top = 6;
  const max = Math.max(1e-9, ...series.map((s) => Math.max(s.ref, s.cur)));
  const x = linearScale(0, series.length, left, width - 6);
  const y = linearScale(0, max, height - bottom, top);
  const marks = series.map((s, i) => {
    const x0 = x(i) + 0.5;
    const w = Math.max(0.5, x(i + 1) - x(i) - 1);
    const tip = escapeHtml(`${s.label}: reference ${pct(s.ref)}, current ${pct(s.cur)}`);
    return `<g><title>${tip}</title><rect class="ref" x="${px(x0)}" y="${px(y(s.ref))}" width="${px(w)}" height="${px(height - bottom - y(s.ref))}"/><rect class="cur" x="${px(x0 + w * 0.2)}" y="${px(y(s.cur))}" width="${px(w * 0.6)}" height="${px(height - bottom - y(s.cur))}"/></g>`;
  });
  const first = tails.below ? 1 : 0;
  const ticks = [
    `<text x="${px(x(first))}" y="${height - 3}" text-anchor="start">${escapeHtml(formatShort(c.edges[0]))}</text>`,
    `<text x="${px(x(first + bins))}" y="${height - 3}" text-anchor="end">${escapeHtml(formatShort(c.edges[bins]))}</text>`,
  ];
  return html`<svg class="chart overlay" viewBox="0 0 ${width} ${height}" role="img" aria-label="reference and current distribution">
<line class="axis" x1="${left}" y1="${height - bottom + 0.5}" x2="${width - 6}" y2="${height - bottom + 0.5}"/>
<text x="${left - 4}" y="${top + 8}" text-anchor="end">${pct(max)}</text>
${raw(marks.join(''))}${raw(ticks.join(''))}
</svg>`;
}

function barsSvg(c: Extract<DistributionChart, { kind: 'bars' }>, width: number): SafeHtml {
  const row = 20;
  const labelWidth = 110;
  const max = Math.max(1e-9, ...c.reference, ...c.current);
  const x = linearScale(0, max, 0, width - labelWidth - 60);
  const rows = c.labels.map((label, i) => {
    const y0 = i * row + 1;
    const tip = escapeHtml(`${label}: reference ${pct(c.reference[i])}, current ${pct(c.current[i])}`);
    return `<g><title>${tip}</title><text x="${labelWidth - 6}" y="${px(y0 + row * 0.62)}" text-anchor="end">${escapeHtml(truncate(label, 18))}</text>`
      + `<rect class="ref" x="${labelWidth}" y="${px(y0 + 2)}" width="${px(Math.max(0.5, x(c.reference[i])))}" height="7"/>`
      + `<rect class="cur" x="${labelWidth}" y="${px(y0 + 10)}" width="${px(Math.max(0.5, x(c.current[i])))}" height="7"/>`
      + `<text x="${px(labelWidth + Math.max(x(c.reference[i]), x(c.current[i])) + 4)}" y="${px(y0 + row * 0.62)}">${pct(c.current[i])}</text></g>`;
  });
  return html`<svg class="chart overlay" viewBox="0 0 ${width} ${c.labels.length * row + 2}" role="img" aria-label="reference and current category shares">${raw(rows.join(''))}</svg>`;
}

/** The chart of one column's reference and current distributions. */
export function overlayChart(c: DistributionChart, width = 360, height = 120): SafeHtml {
  return html`${c.kind === 'histogram' ? histogramSvg(c, width, height) : barsSvg(c, width)}${overlayLegend()}`;
}
