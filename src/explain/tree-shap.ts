/**
 * @module explain/tree-shap
 * SHAP values of tree ensembles: `treeShap(view, X)` gives, per row, one contribution per
 * feature and output such that base + Σ contributions = the view's raw output for that row
 * (log-odds for GBDT classifiers, probabilities for forests, values for regression) — exact,
 * up to floating-point rounding. Two kernels compute the same values: the quadrature form
 * (quadrature-tree-shap.ts, the default: O(nodes·depth/2) per tree and row) and Lundberg's
 * Algorithm 2 (tree-shap-kernel.ts, O(leaves·depth²), kept as the reference the tests
 * compare against). tree-shap-parallel.ts spreads rows over worker threads.
 */
import type { Frame } from '../data/frame/frame.js';
import { QuadratureTreeShap } from './quadrature-tree-shap.js';
import { TreeShapKernel } from './tree-shap-kernel.js';
import { type EnsembleView, type OutputSpace, expectedValue } from './tree-view.js';

/** Contributions of M features to K outputs for n rows. */
export interface ShapValues {
  readonly features: readonly string[];
  readonly outputs: readonly string[];
  readonly outputSpace: OutputSpace;
  readonly nRows: number;
  /** Expected output per output (what contributions start from). */
  readonly base: Float64Array;
  /** n × M × K, row-major: values[(i·M + j)·K + k]. */
  readonly values: Float64Array;
}

/** What computes one row's contributions (both kernels have this shape). */
export interface RowKernel {
  addRow(x: Float64Array, xb: number, phi: Float64Array, pb: number, condition?: number, condFeature?: number): void;
}

export type TreeShapAlgorithm = 'quadrature' | 'path';

export function rowKernel(view: EnsembleView, algorithm: TreeShapAlgorithm = 'quadrature'): RowKernel {
  return algorithm === 'path' ? new TreeShapKernel(view) : new QuadratureTreeShap(view);
}

/** Row-major copy of rows [r0, r1) of `columns` into `block`. */
export function fillRows(columns: readonly Float64Array[], r0: number, r1: number, block: Float64Array): void {
  const F = columns.length;
  for (let f = 0; f < F; f++) {
    const col = columns[f];
    for (let r = r0, j = f; r < r1; r++, j += F) block[j] = col[r];
  }
}

/** Rows per block: 256 rows of 100 features are 200 KB, inside L2. */
const BLOCK = 256;

/**
 * TreeSHAP values of already-encoded columns (see EnsembleView.encode), rows [from, to).
 * @example treeShapColumns(view, view.encode(X), 0, X.nRows)
 */
export function treeShapColumns(view: EnsembleView, columns: readonly Float64Array[], from: number, to: number, kernel: RowKernel = rowKernel(view)): Float64Array {
  const M = view.features.length;
  const K = view.outputs.length;
  const n = to - from;
  const phi = new Float64Array(n * M * K);
  const block = new Float64Array(BLOCK * M);
  for (let r0 = from; r0 < to; r0 += BLOCK) {
    const r1 = Math.min(to, r0 + BLOCK);
    fillRows(columns, r0, r1, block);
    for (let r = r0; r < r1; r++) kernel.addRow(block, (r - r0) * M, phi, (r - from) * M * K);
  }
  return phi;
}

/**
 * Exact TreeSHAP values of the rows of `X` (on the calling thread; see treeShapParallel).
 * @example const s = treeShap(gbdtTreeView(model), X); s.values[(0 * s.features.length + 2) * 1] // row 0, feature 2
 */
export function treeShap(view: EnsembleView, X: Frame, algorithm: TreeShapAlgorithm = 'quadrature'): ShapValues {
  const columns = view.encode(X);
  return {
    features: view.features,
    outputs: view.outputs,
    outputSpace: view.outputSpace,
    nRows: X.nRows,
    base: expectedValue(view),
    values: treeShapColumns(view, columns, 0, X.nRows, rowKernel(view, algorithm)),
  };
}
