/**
 * @module learners/gbdt/tree/histogram-builder
 * Who builds a leaf's histogram: the calling thread alone (`LocalHistogramBuilder`), or the
 * calling thread together with worker threads (parallel/worker-pool.ts). The
 * grower only sees this interface. Both write into one histogram pool and read the same
 * shared row indices and gradients, so swapping them never changes a result.
 */
import type { BinnedDataset } from '../dataset.js';
import type { TreeFeatures } from '../sampling/column-sampler.js';
import { buildNarrow, buildWide, clearHistogram } from './histogram.js';

export interface HistogramBuilder {
  /** Histogram pool: `histSize` doubles per slot. */
  readonly hist: Float64Array;
  /** Row indices grouped by leaf (the partition's array). */
  readonly indices: Int32Array;
  /** (gradient, hessian) pairs, per output: output k starts at k · 2n. */
  readonly gh: Float64Array;
  /** Histogram of rows indices[begin..end) into the slot at `histBase`, for the tree's features. */
  build(tf: TreeFeatures, begin: number, end: number, histBase: number, ghBase: number): void;
  /** Stop any threads (idempotent). */
  close(): Promise<void>;
}

/** Builds histograms of one slice of the work: a word range list and a wide-feature list. */
export function buildSlice(
  data: BinnedDataset, runs: Int32Array, nRuns: number, wide: Int32Array, nWide: number,
  wideCols: Int32Array, wideOffsets: Int32Array,
  idx: Int32Array, begin: number, end: number, gh: Float64Array, ghBase: number, hist: Float64Array, histBase: number,
): void {
  const L = data.layout;
  for (let k = 0; k < nRuns; k++) {
    const w0 = runs[2 * k];
    const w1 = runs[2 * k + 1];
    clearHistogram(hist, histBase, L, w0, w1, wide, 0);
    buildNarrow(data.narrow, L.narrowWords, w0, w1, idx, begin, end, gh, ghBase, hist, histBase);
  }
  if (nWide > 0) {
    clearHistogram(hist, histBase, L, 0, 0, wide, nWide);
    for (let k = 0; k < nWide; k++) {
      wideCols[k] = L.featureCol[wide[k]];
      wideOffsets[k] = L.histOffset[wide[k]];
    }
    buildWide(data.wide, L.wideStride, wideCols, wideOffsets, nWide, idx, begin, end, gh, ghBase, hist, histBase);
  }
}

export class LocalHistogramBuilder implements HistogramBuilder {
  private readonly wideCols: Int32Array;
  private readonly wideOffsets: Int32Array;

  constructor(
    private readonly data: BinnedDataset,
    readonly indices: Int32Array,
    readonly gh: Float64Array,
    readonly hist: Float64Array,
  ) {
    this.wideCols = new Int32Array(data.layout.nFeatures);
    this.wideOffsets = new Int32Array(data.layout.nFeatures);
  }

  build(tf: TreeFeatures, begin: number, end: number, histBase: number, ghBase: number): void {
    buildSlice(this.data, tf.wordRuns, tf.wordRuns.length >> 1, tf.wide, tf.wide.length, this.wideCols, this.wideOffsets,
      this.indices, begin, end, this.gh, ghBase, this.hist, histBase);
  }

  async close(): Promise<void> {}
}
