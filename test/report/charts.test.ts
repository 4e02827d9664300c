import { describe, expect, it } from 'vitest';
import { barChart, histogramChart } from '../../src/report/index.js';

const count = (s: string, needle: RegExp) => (s.match(needle) ?? []).length;

describe('charts', () => {
  it('draws a histogram bar per bin with range tooltips', () => {
    const svg = histogramChart({ edges: [0, 1, 2, 3], counts: [5, 0, 2] }).toString();
    expect(svg.startsWith('<svg')).toBe(true);
    expect(count(svg, /<rect class="bar"/g)).toBe(3);
    expect(svg).toContain('<title>0 – 1: 5</title>');
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it('labels values, not edges, for one-bar-per-value histograms', () => {
    const svg = histogramChart({ edges: [-0.5, 0.5, 1.5], counts: [3, 4], discrete: true }).toString();
    expect(svg).toContain('<title>1: 4</title>');
  });

  it('draws labelled bars, truncating long labels but keeping them in the tooltip', () => {
    const long = 'a very long category label that does not fit';
    const svg = barChart([{ label: long, value: 10 }, { label: '<b>', value: 0 }], { annotate: () => '50%' }).toString();
    expect(count(svg, /<rect class="bar/g)).toBe(2);
    expect(svg).toContain(`<title>${long}: 10 50%</title>`);
    expect(svg).toContain('a very long categ…');
    expect(svg).toContain('&lt;b&gt;');
  });

  it('says so when there is nothing to draw', () => {
    expect(histogramChart({ edges: [], counts: [] }).toString()).toContain('No values');
    expect(barChart([]).toString()).toContain('No values');
  });
});
