/**
 * @module learners/anomaly/detect-anomalies
 * Score every row of a table for anomalies in one call — what `modelwright anomalies` runs:
 * fit an isolation forest, score the same rows, flag those above the threshold, and list the
 * most anomalous.
 */
import type { Frame } from '../../data/frame/frame.js';
import type { ProgressFn } from '../estimator.js';
import { IsolationForest } from './isolation-forest.js';
import type { IsolationForestModel } from './isolation-forest-model.js';

export interface DetectAnomaliesOptions {
  /** Expected share of anomalies in (0, 0.5], or 'auto' (default: flag scores above 0.5). */
  readonly contamination?: number | 'auto';
  readonly seed?: number;
  /** How many of the highest-scoring rows to list (default 10). */
  readonly top?: number;
  /** Further isolation-forest params (scikit-learn names). */
  readonly params?: Readonly<Record<string, unknown>>;
  readonly signal?: AbortSignal;
  readonly onProgress?: ProgressFn;
}

export interface AnomalyReport {
  readonly model: IsolationForestModel;
  /** Per row, higher = more anomalous, in (0, 1]. */
  readonly scores: Float64Array;
  /** Per row, 1 = flagged. */
  readonly flags: Int32Array;
  readonly contamination: number | 'auto';
  readonly threshold: number;
  readonly nFlagged: number;
  /** The highest-scoring rows (0-based row numbers of the input), highest first. */
  readonly top: readonly { readonly row: number; readonly score: number }[];
}

/**
 * Fit an isolation forest on X and score its rows.
 * @example const r = await detectAnomalies(frame, { contamination: 0.01 }); r.flags
 */
export async function detectAnomalies(X: Frame, options: DetectAnomaliesOptions = {}): Promise<AnomalyReport> {
  const contamination = options.contamination ?? 'auto';
  const model = await new IsolationForest({ ...options.params, contamination: String(contamination), seed: options.seed ?? 0 }).fit({ X }, { signal: options.signal, onProgress: options.onProgress });
  const scores = model.scoreSamples(X);
  const flags = Int32Array.from(scores, (s) => (s > model.threshold ? 1 : 0));
  let nFlagged = 0;
  for (const f of flags) nFlagged += f;
  const order = Array.from({ length: X.nRows }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const top = order.slice(0, options.top ?? 10).map((row) => ({ row, score: scores[row] }));
  return { model, scores, flags, contamination, threshold: model.threshold, nFlagged, top };
}
