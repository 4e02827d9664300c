/**
 * @module learners/estimator
 * The learner contract (scikit-learn's rules in TypeScript): an Estimator holds validated
 * params and fits a TrainSet into a new, immutable Model; a Model predicts and serialises to
 * plain data. Every learner implements it and passes test/conformance/.
 */
import type { Column } from '../data/frame/column.js';
import type { Frame } from '../data/frame/frame.js';
import type { Task } from '../data/schema/types.js';
import type { FeatureSchema } from './feature-schema.js';

/** Progress callback: done out of total, and a short status (e.g. "iter 40, valid auc 0.91"). */
export type ProgressFn = (done: number, total: number, status?: string) => void;

/** The target, encoded for learners. */
export interface Target {
  readonly name: string;
  readonly task: Task;
  /** Regression: the values. Classification: the class index (0..K-1) per row, as a float. */
  readonly values: Float64Array;
  /** Class labels in index order (classification only). */
  readonly classes?: readonly string[];
}

/** What fit() learns from. `X` holds the feature columns only. */
export interface TrainSet {
  readonly X: Frame;
  readonly y: Target;
  /** Per-row sample weights. */
  readonly weight?: Float64Array;
  /** Query/group id per row (ranking). */
  readonly group?: Int32Array;
  /** Starting raw scores, row-major n × nOutputs (boosting from another model's output). */
  readonly initScore?: Float64Array;
}

/** An unlabelled set for unsupervised learners. */
export interface UnlabelledSet {
  readonly X: Frame;
  readonly weight?: Float64Array;
}

export interface FitOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: ProgressFn;
  /** A validation set for early stopping and reporting. */
  readonly evalSet?: TrainSet;
  /** Worker threads to use (1 = the calling thread only). */
  readonly threads?: number;
  /** Stop growing (gracefully, keeping what is fitted) after this many milliseconds. */
  readonly timeBudgetMs?: number;
  /** Continue training from this model (boosting learners). */
  readonly initModel?: Model;
  /** Receives one line per logged event (e.g. evaluation every N iterations). */
  readonly log?: (line: string) => void;
  /** Called when a phase of fitting ends, with its wall time (e.g. 'binning', 'training'). */
  readonly onPhase?: (phase: string, seconds: number) => void;
}

/** Static facts about a learner that AutoML and the conformance suite read. */
export interface LearnerTags {
  readonly tasks: readonly (Task | 'clustering' | 'anomaly' | 'decomposition' | 'ranking')[];
  /** Accepts NaN in numeric features (else the learner's pipeline imputes). */
  readonly handlesMissing: boolean;
  /** Uses categorical columns natively (else the pipeline encodes them). */
  readonly handlesCategorical: boolean;
  /** Same data + params + seed → identical model. */
  readonly deterministic: boolean;
  /** What happens to a category not seen in training. */
  readonly unseenCategory: 'as-missing' | 'error';
}

export interface Model {
  readonly kind: string;
  readonly task: Task;
  readonly inputSchema: FeatureSchema;
  /** Regression: float64 values. Classification: a categorical column over `classes`. */
  predict(X: Frame): Column;
  /** Plain data only: loading it back never evaluates code. */
  toJSON(): ModelState;
}

export interface ClassifierModel extends Model {
  readonly classes: readonly string[];
  /** Row-major n × K probabilities (K = classes.length, also for binary). */
  predictProba(X: Frame): Float64Array;
}

/** The learner-specific part of a model file. */
export interface ModelState {
  readonly kind: string;
  readonly task: Task;
  readonly params: Readonly<Record<string, unknown>>;
  readonly inputSchema: FeatureSchema;
  readonly classes?: readonly string[];
  /** Learned state: plain JSON (numbers, strings, arrays, objects). */
  readonly state: unknown;
}

export interface Estimator<P extends object = Record<string, unknown>, M extends Model = Model> {
  readonly kind: string;
  /** Complete, validated params; fit never changes them. */
  readonly params: Readonly<P>;
  /** A new estimator with some params replaced (validated). */
  withParams(p: Partial<P>): Estimator<P, M>;
  fit(data: TrainSet, opts?: FitOptions): Promise<M>;
}

export function isClassifier(m: Model): m is ClassifierModel {
  return m.task !== 'regression' && typeof (m as Partial<ClassifierModel>).predictProba === 'function';
}
