/**
 * @module learners/unsupervised
 * The contract of unsupervised learners (clustering, anomaly detection, decomposition): the
 * supervised contract of estimator.ts without a target. An estimator holds validated params
 * and fits an UnlabelledSet into a new, immutable model; a model applies itself to new rows
 * and serialises to plain data that `loadUnsupervisedModel` (unsupervised/registry.ts)
 * rebuilds by `kind`, never by evaluating code.
 *
 * Every model reads raw Frames: its preprocessing (median imputation, standardisation,
 * one-hot encoding — see unsupervised/preprocess.ts) is part of the model.
 */
import type { Frame } from '../data/frame/frame.js';
import type { ParamSchema } from '../params/schema.js';
import type { FitOptions, LearnerTags, UnlabelledSet } from './estimator.js';
import type { FeatureSchema } from './feature-schema.js';

export type UnsupervisedTask = 'clustering' | 'anomaly' | 'decomposition';

/** The learner-specific part of a model file (the unsupervised twin of ModelState). */
export interface UnsupervisedState {
  readonly kind: string;
  readonly task: UnsupervisedTask;
  readonly params: Readonly<Record<string, unknown>>;
  readonly inputSchema: FeatureSchema;
  /** Learned state, preprocessing included: plain JSON. */
  readonly state: unknown;
}

export interface UnsupervisedModel {
  readonly kind: string;
  readonly task: UnsupervisedTask;
  /** The columns read (in order) and their training categories; checked on every call. */
  readonly inputSchema: FeatureSchema;
  readonly params: Readonly<Record<string, unknown>>;
  /** Plain data only: loading it back never evaluates code. */
  toJSON(): UnsupervisedState;
}

export interface ClusterModel extends UnsupervisedModel {
  readonly task: 'clustering';
  /** Number of clusters found (DBSCAN noise, -1, not counted). */
  readonly nClusters: number;
  /**
   * The cluster of each training row as the algorithm assigned it (scikit-learn's `labels_`).
   * Present on a freshly fitted model only; not saved. For DBSCAN it can differ from
   * `predict(train)` on border points reachable from two clusters.
   */
  readonly labels?: Int32Array;
  /** The cluster (0..nClusters-1, or -1 for noise) of each row of `X`. */
  predict(X: Frame): Int32Array;
}

export interface AnomalyModel extends UnsupervisedModel {
  readonly task: 'anomaly';
  /** Anomaly score per row: higher = more anomalous (isolation forest: in (0, 1]). */
  scoreSamples(X: Frame): Float64Array;
  /** Rows scoring above this are flagged. */
  readonly threshold: number;
  /** 1 for rows flagged as anomalies, 0 otherwise. */
  predict(X: Frame): Int32Array;
}

export interface DecompositionModel extends UnsupervisedModel {
  readonly task: 'decomposition';
  readonly nComponents: number;
  /** Names of the encoded columns the components are expressed in (after one-hot encoding). */
  readonly featureNames: readonly string[];
  /** Components as rows, row-major nComponents × featureNames.length. */
  readonly components: Float64Array;
  readonly explainedVariance: Float64Array;
  readonly explainedVarianceRatio: Float64Array;
  /** Scores of each row, row-major n × nComponents. */
  transform(X: Frame): Float64Array;
  /**
   * Map row-major n × nComponents scores back to the encoded feature space (row-major
   * n × featureNames.length), with numeric columns in their original units.
   */
  inverseTransform(Z: Float64Array): Float64Array;
}

export interface UnsupervisedEstimator<P extends object = Record<string, unknown>, M extends UnsupervisedModel = UnsupervisedModel> {
  readonly kind: string;
  /** Complete, validated params; fit never changes them. */
  readonly params: Readonly<P>;
  /** A new estimator with some params replaced (validated). */
  withParams(p: Partial<P>): UnsupervisedEstimator<P, M>;
  fit(data: UnlabelledSet, opts?: FitOptions): Promise<M>;
}

/** What the unsupervised registry holds per kind (mirrors LearnerDefinition). */
export interface UnsupervisedDefinition<M extends UnsupervisedModel = UnsupervisedModel> {
  readonly kind: string;
  readonly description: string;
  readonly tags: LearnerTags;
  readonly paramSchema: ParamSchema;
  create(params?: Readonly<Record<string, unknown>>): UnsupervisedEstimator<Record<string, unknown>, M>;
  load(state: UnsupervisedState): M;
}
