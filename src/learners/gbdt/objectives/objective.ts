/**
 * @module learners/gbdt/objectives/objective
 * The objective interface, LightGBM's: initialised with labels and weights, it gives the
 * starting score (boost_from_average), the gradients and hessians of the current scores, and
 * optionally recomputes leaf values from residuals (L1, quantile).
 *
 * Score layout: output-major, score[k·n + i] for output k of row i (LightGBM's). Gradient
 * layout: (gradient, hessian) pairs, gh[k·2n + 2i] and gh[k·2n + 2i + 1].
 */

export const CANONICAL_OBJECTIVES = ['regression', 'regression_l1', 'huber', 'quantile', 'poisson', 'binary', 'multiclass', 'lambdarank'] as const;
export type CanonicalObjective = (typeof CANONICAL_OBJECTIVES)[number];

export interface Objective {
  readonly name: CanonicalObjective;
  /** Trees per iteration (classes for multiclass, else 1). */
  readonly numOutputs: number;
  /** The metric reported when the user names none. */
  readonly defaultMetric: string;
  /** Starting raw score of output k. */
  initScore(k: number): number;
  /** Whether output k needs trees at all (LightGBM skips a class with prior 0 or 1). */
  needsTraining(k: number): boolean;
  /**
   * Fill gh with (gradient, hessian) pairs for every output, for rows [begin, end) (all rows
   * by default). Rows are independent unless `rowParallel` is false (ranking: per query).
   */
  gradients(score: Float64Array, gh: Float64Array, begin?: number, end?: number): void;
  /** Whether rows can be split across threads for gradients. */
  readonly rowParallel: boolean;
  /** A leaf's value recomputed from the residuals of its rows (before shrinkage), if the objective does that. */
  renewLeaf?(rows: Int32Array, score: Float64Array): number;
}

/** Labels, weights and groups an objective is built from. */
export interface ObjectiveData {
  readonly labels: Float64Array;
  readonly weights: Float64Array | null;
  readonly groups: Int32Array | null;
  /** Classes (multiclass only). */
  readonly numClasses: number;
}
