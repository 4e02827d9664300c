/**
 * @module learners/forest/oob
 * Out-of-bag score: each training row is predicted by the trees whose bootstrap sample left
 * it out; the score is accuracy (classification) or R² (regression) over rows that were out
 * of bag at least once, as in scikit-learn's oob_score_.
 */
import { accumulateTree, type FlatTree } from './tree/flat-tree.js';

export class OobAccumulator {
  private readonly sum: Float64Array;
  private readonly seen: Int32Array;

  constructor(
    private readonly nRows: number,
    private readonly width: number,
  ) {
    this.sum = new Float64Array(nRows * width);
    this.seen = new Int32Array(nRows);
  }

  add(tree: FlatTree, columns: readonly Float64Array[], counts: Int32Array): void {
    const rows: number[] = [];
    for (let i = 0; i < this.nRows; i++) if (counts[i] === 0) rows.push(i);
    accumulateTree(tree, columns, this.nRows, this.width, 1, this.sum, rows);
    for (const i of rows) this.seen[i]++;
  }

  /** Accuracy or R² over rows seen out of bag; NaN when no row was (too few trees). */
  score(y: Float64Array, regression: boolean): number {
    let n = 0;
    let hits = 0;
    let mean = 0;
    for (let i = 0; i < this.nRows; i++) if (this.seen[i] > 0) (n++, (mean += y[i]));
    if (n === 0) return Number.NaN;
    mean /= n;
    let sse = 0;
    let sst = 0;
    for (let i = 0; i < this.nRows; i++) {
      if (this.seen[i] === 0) continue;
      if (regression) {
        const pred = this.sum[i] / this.seen[i];
        sse += (y[i] - pred) ** 2;
        sst += (y[i] - mean) ** 2;
      } else {
        let best = 0;
        for (let k = 1; k < this.width; k++) if (this.sum[i * this.width + k] > this.sum[i * this.width + best]) best = k;
        if (best === y[i]) hits++;
      }
    }
    return regression ? 1 - sse / sst : hits / n;
  }
}
