/**
 * @module monitor/drift/numeric-monitor
 * Drift of one numeric column (or of text lengths, or of predicted scores): current values
 * stream in batch by batch (NumericCounts), then the chosen test runs once on the counts.
 */
import type { BatchColumn } from '../log-store/monitor-store.js';
import type { NumericSummary } from '../reference/types.js';
import { type DriftTestName, P_VALUE_TESTS, type ResolvedDriftOptions, chooseTest } from './drift-options.js';
import { NumericCounts, type NumericCountsState } from './numeric-counts.js';
import { binnedCounts, ksTest, wassersteinNormed } from './stats/numeric-tests.js';
import { type TestOutcome, tableTest } from './table-test.js';
import type { DistributionChart, FeatureDrift } from './types.js';

/** Numbers of a log column: strings are parsed (once per distinct string), booleans are 1/0. */
export function numbersOf(col: BatchColumn): ArrayLike<number> {
  switch (col.kind) {
    case 'f64':
      return col.values;
    case 'str': {
      const parsed = col.dict.map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
      return Float64Array.from(col.codes, (c) => (c < 0 ? Number.NaN : parsed[c]));
    }
    case 'bool':
      return Float64Array.from(col.values, (v) => (v < 0 ? Number.NaN : v));
    default:
      return Float64Array.from(col.values, (v) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN));
  }
}

export interface NumericOutcome extends TestOutcome {
  readonly threshold: number;
  readonly drifted: boolean;
}

export class NumericMonitor {
  readonly counts: NumericCounts;

  constructor(
    readonly name: string,
    readonly ref: NumericSummary,
  ) {
    this.counts = new NumericCounts(ref);
  }

  add(col: BatchColumn | undefined, n: number): void {
    if (!col) this.counts.missing += n;
    else this.counts.addValues(numbersOf(col));
  }

  state(): NumericCountsState {
    return this.counts.state();
  }

  merge(s: NumericCountsState): void {
    this.counts.merge(s);
  }

  /** The chosen test's outcome on the counts so far. */
  outcome(o: ResolvedDriftOptions): NumericOutcome {
    const c = this.counts;
    const nRef = this.ref.n - this.ref.missing;
    const nValues = this.ref.distinct ? c.points.length + c.unseen.size : Number.POSITIVE_INFINITY;
    const { test, threshold } = chooseTest(o, this.name, 'numeric', nRef, c.present, nValues);
    let out: TestOutcome;
    if (c.present === 0) out = { test, statistic: 0, ...(P_VALUE_TESTS.has(test) ? { pValue: 1 } : {}) };
    else if (test === 'ks') out = { test, ...ksTest(c) };
    else if (test === 'wasserstein') out = { test, statistic: wassersteinNormed(c, this.ref.std) };
    else out = tableTest(test as DriftTestName, ...this.table(o.bins));
    const drifted = out.pValue !== undefined ? out.pValue < threshold : out.statistic >= threshold;
    return { ...out, threshold, drifted };
  }

  /** Few values: one key per value (new values pooled); otherwise reference-quantile bins. */
  private table(bins: number): [string[], Float64Array, Float64Array] {
    const c = this.counts;
    if (this.ref.distinct) {
      const keys = Array.from(c.points, String);
      let other = 0;
      for (const b of c.between) other += b;
      return [[...keys, '(other)'], Float64Array.from([...c.refCounts, 0]), Float64Array.from([...c.eq, other])];
    }
    const { ref, cur } = binnedCounts(c, bins);
    return [Array.from(ref, (_, i) => `bin ${i + 1}`), ref, cur];
  }

  chart(): DistributionChart {
    const d = this.ref.display;
    const refTotal = d.counts.reduce((s, v) => s + v, 0) + d.below + d.above || 1;
    const c = this.counts;
    const curTotal = c.present || 1;
    return {
      kind: 'histogram',
      edges: d.edges,
      reference: d.counts.map((v) => v / refTotal),
      current: Array.from(c.display, (v) => v / curTotal),
      below: [d.below / refTotal, c.below / curTotal],
      above: [d.above / refTotal, c.above / curTotal],
    };
  }

  missing(o: ResolvedDriftOptions): FeatureDrift['missing'] {
    const reference = this.ref.n ? this.ref.missing / this.ref.n : 0;
    const total = this.counts.present + this.counts.missing;
    const current = total ? this.counts.missing / total : 0;
    return { reference, current, shifted: total > 0 && Math.abs(current - reference) > o.missingShift };
  }

  result(o: ResolvedDriftOptions): FeatureDrift {
    const r = this.outcome(o);
    return {
      name: this.name, type: 'numeric', test: r.test, statistic: r.statistic, ...(r.pValue !== undefined ? { p_value: r.pValue } : {}),
      threshold: r.threshold, drifted: r.drifted, n_reference: this.ref.n - this.ref.missing, n_current: this.counts.present,
      missing: this.missing(o), distribution: this.chart(),
    };
  }
}
