/**
 * The x/y charts added for evaluation reports: nice ticks, lines with a diagonal and legend,
 * scatter plots (numeric and categorical x), the confusion heatmap and the beeswarm — valid
 * inline SVG with escaped labels and no NaN coordinates.
 */
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../src/report/charts/axis.js';
import { beeswarmChart } from '../../src/report/charts/beeswarm.js';
import { valueColor } from '../../src/report/charts/color.js';
import { confusionHeatmap } from '../../src/report/charts/heatmap.js';
import { lineChart } from '../../src/report/charts/line-chart.js';
import { scatterChart } from '../../src/report/charts/scatter-chart.js';

const svgOk = (s: string) => {
  expect(s).toContain('<svg');
  expect(s).not.toContain('NaN');
  expect(s).not.toContain('Infinity');
};

describe('x/y charts', () => {
  it('niceTicks uses 1-2-5 steps', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-3, 17, 4)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(2, 2)).toEqual([2]);
  });

  it('lineChart: series, diagonal, legend, escaped labels; NaN points are skipped', () => {
    const s = lineChart({ series: [{ label: '<roc>', x: [0, 0.5, Number.NaN, 1], y: [0, 0.8, 0.9, 1] }, { label: 'b', x: [0, 1], y: [0, 1], points: true }], diagonal: true, xDomain: [0, 1], yDomain: [0, 1] }).toString();
    svgOk(s);
    expect(s).toContain('&lt;roc&gt;');
    expect(s).toContain('class="ref"');
    expect(s).toContain('class="legend"');
  });

  it('scatterChart: numeric with zero line, categorical x with labels', () => {
    svgOk(scatterChart({ x: [1, 2, 3, null], y: [-1, 0, 2, 5], zeroLine: true }).toString());
    const c = scatterChart({ x: ['a', 'b', 'a', null], y: [1, 2, 3, 4], color: [0, 1, null, 0.5] }).toString();
    svgOk(c);
    expect(c).toContain('>a<');
    expect(c).toContain(valueColor(1));
  });

  it('confusionHeatmap: one cell per pair, diagonal outlined, counts and shares', () => {
    const s = confusionHeatmap({ labels: ['no', 'y&s'], matrix: [[5, 1], [0, 4]] }).toString();
    svgOk(s);
    expect((s.match(/<rect class="cell/g) ?? []).length).toBe(4);
    expect((s.match(/cell diag/g) ?? []).length).toBe(2);
    expect(s).toContain('y&amp;s');
    expect(s).toContain('83%');
  });

  it('beeswarmChart: one row per feature, coloured dots', () => {
    const s = beeswarmChart({ rows: [{ feature: 'age', shap: [0.1, -0.2, 0.3], color: [0, 0.5, null] }, { feature: 'x', shap: [0, 0, 0], color: [1, 1, 1] }] }).toString();
    svgOk(s);
    expect((s.match(/<circle/g) ?? []).length).toBe(6);
    expect(s).toContain('>age<');
  });
});
