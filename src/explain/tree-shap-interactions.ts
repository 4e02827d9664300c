/**
 * @module explain/tree-shap-interactions
 * SHAP interaction values of tree ensembles (Lundberg et al. 2020, §3.2): for each feature j,
 * TreeSHAP is run twice with j fixed present and fixed absent; half the difference of the
 * other features' contributions is their interaction with j, and the main effect φ_jj is φ_j
 * minus the interactions. Per row the M × M matrix sums to f(x) − base (as SHAP values do),
 * its rows sum to the SHAP values, and it is symmetric. Cost: 2·(features used) TreeSHAP runs
 * per row, so callers explain a few hundred rows, not millions.
 */
import type { Frame } from '../data/frame/frame.js';
import { type TreeShapAlgorithm, fillRows, rowKernel, treeShapColumns } from './tree-shap.js';
import { type EnsembleView, expectedValue } from './tree-view.js';

export interface ShapInteractions {
  readonly features: readonly string[];
  readonly outputs: readonly string[];
  readonly nRows: number;
  readonly base: Float64Array;
  /** n × M × M × K: values[((i·M + j)·M + a)·K + k] = interaction of features j and a for row i. */
  readonly values: Float64Array;
}

/**
 * Interaction values of the rows of `X`.
 * @example const s = treeShapInteractions(gbdtTreeView(model), X.slice(0, 100))
 */
export function treeShapInteractions(view: EnsembleView, X: Frame, algorithm: TreeShapAlgorithm = 'quadrature'): ShapInteractions {
  const M = view.features.length;
  const K = view.outputs.length;
  const n = X.nRows;
  const columns = view.encode(X);
  const kernel = rowKernel(view, algorithm);
  const phi = treeShapColumns(view, columns, 0, n, kernel);
  const used = new Set<number>();
  for (const t of view.trees) for (let i = 0; i < t.nNodes; i++) if (t.left[i] >= 0) used.add(t.feature[i]);
  const out = new Float64Array(n * M * M * K);
  const row = new Float64Array(M);
  const on = new Float64Array(M * K);
  const off = new Float64Array(M * K);
  for (let i = 0; i < n; i++) {
    fillRows(columns, i, i + 1, row);
    for (const j of used) {
      on.fill(0);
      off.fill(0);
      kernel.addRow(row, 0, on, 0, 1, j);
      kernel.addRow(row, 0, off, 0, -1, j);
      const base = (i * M + j) * M * K;
      for (let k = 0; k < K; k++) {
        let rest = 0;
        for (let a = 0; a < M; a++) {
          if (a === j) continue;
          const v = (on[a * K + k] - off[a * K + k]) / 2;
          out[base + a * K + k] = v;
          rest += v;
        }
        out[base + j * K + k] = phi[(i * M + j) * K + k] - rest;
      }
    }
  }
  return { features: view.features, outputs: view.outputs, nRows: n, base: expectedValue(view), values: out };
}
