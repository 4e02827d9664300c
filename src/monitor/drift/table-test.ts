/**
 * @module monitor/drift/table-test
 * Run a drift test on a reference/current count table (categories, few-valued numbers, or
 * numbers on quantile bins) and build the bar chart of the largest shares.
 */
import { chiSquare, jensenShannon, psi, shares, zTest } from './stats/categorical-tests.js';
import type { DriftTestName } from './drift-options.js';
import type { DistributionChart } from './types.js';

export interface TestOutcome {
  readonly test: DriftTestName;
  readonly statistic: number;
  readonly pValue?: number;
}

/** `test` on a count table; a z-test on more than two keys falls back to χ². */
export function tableTest(test: DriftTestName, keys: readonly string[], ref: Float64Array, cur: Float64Array): TestOutcome {
  const used: number[] = [];
  for (let i = 0; i < keys.length; i++) if (ref[i] + cur[i] > 0) used.push(i);
  if (test === 'z' && used.length <= 2) {
    if (used.length < 2) return { test, statistic: 0, pValue: 1 };
    // Evidently: the first key in sorted order is the "0" outcome.
    const first = used.reduce((a, b) => (keys[a] < keys[b] ? a : b));
    let nr = 0;
    let nc = 0;
    for (const i of used) (nr += ref[i]), (nc += cur[i]);
    const r = zTest(ref[first], nr, cur[first], nc);
    return { test, statistic: r.statistic, pValue: r.pValue };
  }
  if (test === 'z' || test === 'chisquare' || test === 'ks' || test === 'wasserstein') {
    const r = chiSquare(ref, cur);
    return { test: 'chisquare', statistic: r.statistic, pValue: r.pValue };
  }
  const p = shares(ref);
  const q = shares(cur);
  return { test, statistic: test === 'psi' ? psi(p, q) : jensenShannon(p, q) };
}

/** Bars for the `top` keys with the largest share on either side; the rest pooled. */
export function barsChart(keys: readonly string[], ref: Float64Array, cur: Float64Array, top = 12): DistributionChart {
  const p = shares(ref);
  const q = shares(cur);
  const order = keys.map((_, i) => i).sort((a, b) => Math.max(p[b], q[b]) - Math.max(p[a], q[a]));
  const shown = order.slice(0, top);
  const labels = shown.map((i) => keys[i]);
  const reference = shown.map((i) => p[i]);
  const current = shown.map((i) => q[i]);
  if (order.length > top) {
    labels.push(`(${order.length - top} more)`);
    reference.push(Math.max(0, 1 - reference.reduce((s, v) => s + v, 0)));
    current.push(Math.max(0, 1 - current.reduce((s, v) => s + v, 0)));
  }
  return { kind: 'bars', labels, reference, current };
}
