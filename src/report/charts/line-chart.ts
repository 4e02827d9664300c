/**
 * @module report/charts/line-chart
 * Lines on x/y axes (ROC, precision-recall, calibration, partial dependence): several
 * series with a legend, an optional dashed diagonal (chance / perfect calibration), optional
 * points at the vertices, and thin "ICE" background lines.
 */
import { escapeHtml } from '../html/escape.js';
import { type SafeHtml, html, raw } from '../html/html.js';
import { type FrameOptions, extent, plotFrame } from './axis.js';
import { seriesColor } from './color.js';
import { px } from './scale.js';

export interface LineSeries {
  readonly label: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly color?: string;
  /** Draw dots at the points (few points: calibration bins, PD grid). */
  readonly points?: boolean;
  /** A thin, faint line (ICE curves). */
  readonly faint?: boolean;
}

export interface LineChartOptions extends Partial<Pick<FrameOptions, 'width' | 'height' | 'xLabel' | 'yLabel' | 'xDomain' | 'yDomain'>> {
  readonly series: readonly LineSeries[];
  /** Draw the y = x diagonal (ROC chance line, perfect calibration). */
  readonly diagonal?: boolean;
  readonly label?: string;
}

function path(s: LineSeries, x: (v: number) => number, y: (v: number) => number): string {
  const pts: string[] = [];
  for (let i = 0; i < s.x.length; i++) if (Number.isFinite(s.x[i]) && Number.isFinite(s.y[i])) pts.push(`${px(x(s.x[i]))},${px(y(s.y[i]))}`);
  return pts.length ? `M${pts.join('L')}` : '';
}

/**
 * @example lineChart({ series: [{ label: 'ROC', x: fpr, y: tpr }], diagonal: true, xDomain: [0, 1], yDomain: [0, 1] })
 */
export function lineChart(o: LineChartOptions): SafeHtml {
  const visible = o.series.filter((s) => s.x.length > 0);
  if (visible.length === 0) return html`<p class="muted small">No values to chart.</p>`;
  const xDomain = o.xDomain ?? extent(visible.flatMap((s) => s.x));
  const yDomain = o.yDomain ?? extent(visible.flatMap((s) => s.y), 0.05);
  const { frame, axes } = plotFrame({ width: o.width, height: o.height, xDomain, yDomain, xLabel: o.xLabel, yLabel: o.yLabel });
  const { x, y } = frame;
  const marks: string[] = [];
  if (o.diagonal) marks.push(`<line class="ref" x1="${px(x(xDomain[0]))}" y1="${px(y(yDomain[0]))}" x2="${px(x(xDomain[1]))}" y2="${px(y(yDomain[1]))}"/>`);
  const named = visible.filter((s) => !s.faint);
  visible.forEach((s) => {
    const color = s.color ?? seriesColor(named.indexOf(s));
    if (s.faint) {
      marks.push(`<path class="line faint" d="${path(s, x, y)}" stroke="${color}"/>`);
      return;
    }
    marks.push(`<path class="line" d="${path(s, x, y)}" stroke="${color}"><title>${escapeHtml(s.label)}</title></path>`);
    if (s.points) {
      for (let i = 0; i < s.x.length; i++) {
        if (!Number.isFinite(s.x[i]) || !Number.isFinite(s.y[i])) continue;
        marks.push(`<circle class="dot" cx="${px(x(s.x[i]))}" cy="${px(y(s.y[i]))}" r="2.6" fill="${color}"><title>${escapeHtml(`${s.label}: (${Number(s.x[i].toPrecision(4))}, ${Number(s.y[i].toPrecision(4))})`)}</title></circle>`);
      }
    }
  });
  const legend = named.length > 1 || (named.length === 1 && o.diagonal)
    ? html`<div class="legend">${named.map((s) => html`<span><i style="background:${s.color ?? seriesColor(named.indexOf(s))}"></i>${s.label}</span>`)}</div>`
    : '';
  return html`<figure class="chart-figure"><svg class="chart xy" viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-label="${o.label ?? 'line chart'}">${axes}${raw(marks.join(''))}</svg>${legend}</figure>`;
}
