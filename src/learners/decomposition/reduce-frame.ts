/**
 * @module learners/decomposition/reduce-frame
 * Reduce a table to its first principal components in one call — what `modelwright reduce`
 * runs: fit PCA and return the scores with the variance each component explains.
 */
import type { Frame } from '../../data/frame/frame.js';
import { InvalidParamError } from '../../errors.js';
import { Pca } from './pca.js';
import type { ProjectionModel } from './projection-model.js';

export interface ReduceOptions {
  readonly components: number;
  readonly seed?: number;
  /** Further PCA params (scikit-learn names). */
  readonly params?: Readonly<Record<string, unknown>>;
  readonly signal?: AbortSignal;
}

export interface ReduceResult {
  readonly model: ProjectionModel;
  /** PC1..PCk. */
  readonly names: readonly string[];
  /** Row-major n × k scores. */
  readonly scores: Float64Array;
  readonly explainedVariance: readonly number[];
  readonly explainedVarianceRatio: readonly number[];
  /** Running sum of the ratios. */
  readonly cumulative: readonly number[];
}

/**
 * PCA scores of the rows of X.
 * @example const r = await reduceFrame(frame, { components: 2 }); r.scores
 */
export async function reduceFrame(X: Frame, options: ReduceOptions): Promise<ReduceResult> {
  const k = options.components;
  if (!Number.isInteger(k) || k < 1) {
    throw new InvalidParamError('MW_PARAM_INVALID', `The number of components must be an integer ≥ 1. Got ${k} instead.`, { details: { param: 'components', got: k } });
  }
  const model = await new Pca({ ...options.params, n_components: k, seed: options.seed ?? 0 }).fit({ X }, { signal: options.signal });
  const ratio = Array.from(model.explainedVarianceRatio);
  let run = 0;
  return {
    model,
    names: Array.from({ length: k }, (_, c) => `PC${c + 1}`),
    scores: model.transform(X),
    explainedVariance: Array.from(model.explainedVariance),
    explainedVarianceRatio: ratio,
    cumulative: ratio.map((r) => (run += r)),
  };
}
