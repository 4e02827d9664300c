/**
 * @module monitor/drift/categorical-monitor
 * Drift of one categorical (or boolean) column or of predicted labels: counts per category
 * stream in; the chosen test runs on the reference/current table; new categories and the
 * missing share are reported beside it.
 */
import type { BatchColumn } from '../log-store/monitor-store.js';
import type { CategoricalReference } from '../reference/types.js';
import { type ResolvedDriftOptions, chooseTest } from './drift-options.js';
import { CategoryCounts, type CategoryCountsState } from './category-counts.js';
import { barsChart, tableTest } from './table-test.js';
import type { FeatureDrift } from './types.js';

export class CategoricalMonitor {
  readonly counts: CategoryCounts;

  constructor(
    readonly name: string,
    readonly ref: CategoricalReference,
  ) {
    this.counts = new CategoryCounts(ref);
  }

  add(col: BatchColumn | undefined, n: number): void {
    if (!col) this.counts.missing += n;
    else this.counts.addColumn(col);
  }

  state(): CategoryCountsState {
    return this.counts.state();
  }

  merge(s: CategoryCountsState): void {
    this.counts.merge(s);
  }

  result(o: ResolvedDriftOptions): FeatureDrift {
    const c = this.counts;
    const { keys, ref, cur } = c.table();
    let nValues = 0;
    for (let i = 0; i < keys.length; i++) if (ref[i] + cur[i] > 0) nValues++;
    const nRef = this.ref.n - this.ref.missing;
    const { test, threshold } = chooseTest(o, this.name, 'categorical', nRef, c.present, nValues);
    const r = c.present === 0 ? { test, statistic: 0, pValue: 1 } : tableTest(test, keys, ref, cur);
    const drifted = r.pValue !== undefined ? r.pValue < threshold : r.statistic >= threshold;
    const missingRef = this.ref.n ? this.ref.missing / this.ref.n : 0;
    const total = c.present + c.missing;
    const missingCur = total ? c.missing / total : 0;
    const share = c.newCategoryShare();
    const examples = [...c.unseen.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k]) => k);
    return {
      name: this.name, type: 'categorical', test: r.test, statistic: r.statistic, ...(r.pValue !== undefined ? { p_value: r.pValue } : {}),
      threshold, drifted, n_reference: nRef, n_current: c.present,
      missing: { reference: missingRef, current: missingCur, shifted: total > 0 && Math.abs(missingCur - missingRef) > o.missingShift },
      new_categories: { share, shifted: share !== null && share > o.newCategoryShare, examples },
      distribution: barsChart(keys, ref, cur),
    };
  }
}
