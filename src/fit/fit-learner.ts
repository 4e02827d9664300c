/**
 * @module fit/fit-learner
 * `fitLearner`: train exactly one learner with given params on a table (no search) — the
 * library side of `modelwright fit`.
 *
 *   frame ─▶ inferSchema (+ overrides) ─▶ inferTask ─▶ featureFrame / encodeTarget
 *         ─▶ drop rows without a label ─▶ Estimator.fit (evalSet from `valid`) ─▶ Model
 */
import { type Frame } from '../data/frame/frame.js';
import { inferSchema } from '../data/schema/infer-schema.js';
import { inferTask } from '../data/schema/infer-task.js';
import type { SchemaOverrides } from '../data/schema/overrides.js';
import type { DatasetSchema, Task, TaskInference } from '../data/schema/types.js';
import { DataError } from '../errors.js';
import { headlineMetrics } from '../evaluate/headline-metrics.js';
import '../learners/all.js';
import type { FitOptions, Model, TrainSet } from '../learners/estimator.js';
import { getLearner } from '../learners/registry.js';
import { encodeTarget, rowsWithTarget, takeTarget } from '../learners/target.js';
import { type DroppedColumn, featureFrame } from './feature-frame.js';

export interface FitLearnerOptions extends SchemaOverrides {
  readonly target: string;
  /** Learner kind (default 'gbdt'). */
  readonly learner?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** Force the task instead of inferring it. */
  readonly task?: Task;
  /** A labelled validation table (early stopping and reporting). */
  readonly valid?: Frame;
  readonly threads?: number;
  readonly seed?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: FitOptions['onProgress'];
  readonly log?: FitOptions['log'];
}

export interface FitLearnerResult {
  readonly model: Model;
  readonly schema: DatasetSchema;
  readonly task: TaskInference;
  readonly dropped: readonly DroppedColumn[];
  /** Rows used for training (rows with a missing label are left out). */
  readonly trainRows: number;
  readonly validRows: number;
  /** Wall seconds per phase reported by the learner (e.g. binning, training). */
  readonly phases: Readonly<Record<string, number>>;
  readonly params: Readonly<Record<string, unknown>>;
  /** Headline metrics on the validation data (when given). */
  readonly validMetrics?: Readonly<Record<string, number>>;
}

/** Build a TrainSet from a table with a known schema and task. */
export function trainSetFrom(frame: Frame, schema: DatasetSchema, task: TaskInference, what = 'training data'): { set: TrainSet; dropped: DroppedColumn[]; rows: Int32Array } {
  const { X, dropped } = featureFrame(frame, schema);
  if (X.nCols === 0) {
    throw new DataError('MW_DATA_EMPTY', `The ${what} has no usable feature columns besides the target '${task.target}'.`, {
      hint: `Columns left out: ${dropped.map((d) => `${d.column} (${d.reason})`).join('; ') || 'none'}. Override types with --categorical or a schema file.`,
    });
  }
  const y = encodeTarget(frame.column(task.target), task.task, task.classes);
  const weightCol = schema.columns.find((c) => c.role === 'weight');
  const keep = rowsWithTarget(y);
  let weight: Float64Array | undefined;
  if (weightCol) {
    const w = frame.column(weightCol.name);
    if (w.dtype !== 'float64') throw new DataError('MW_DATA_COLUMN_NOT_FOUND', `Weight column '${weightCol.name}' must be numeric.`);
    weight = Float64Array.from(keep, (r) => (Number.isNaN(w.values[r]) ? 0 : w.values[r]));
  }
  if (keep.length === 0) throw new DataError('MW_TARGET_ALL_MISSING', `Every value of target '${task.target}' in the ${what} is missing.`);
  const all = keep.length === frame.nRows;
  return { set: { X: all ? X : X.take(keep), y: all ? y : takeTarget(y, keep), weight }, dropped, rows: keep };
}

/**
 * Train one learner on `frame`.
 * @example
 * const { model } = await fitLearner(frame, { target: 'churn', learner: 'gbdt', params: { num_leaves: 15 } });
 */
export async function fitLearner(frame: Frame, options: FitLearnerOptions): Promise<FitLearnerResult> {
  const schema = inferSchema(frame, options);
  const task = inferTask(frame, options.target, { task: options.task });
  const { set, dropped } = trainSetFrom(frame, schema, task);
  const def = getLearner(options.learner ?? 'gbdt');
  const params = { ...(options.params ?? {}) };
  if (options.seed !== undefined && 'seed' in def.paramSchema && params.seed === undefined) params.seed = options.seed;
  const estimator = def.create(params);
  const evalSet = options.valid ? trainSetFrom(options.valid, schema, task, 'validation data').set : undefined;
  const phases: Record<string, number> = {};
  const model = await estimator.fit(set, {
    evalSet,
    threads: options.threads,
    signal: options.signal,
    onProgress: options.onProgress,
    log: options.log,
    onPhase: (phase, seconds) => {
      phases[phase] = (phases[phase] ?? 0) + seconds;
    },
  });
  const validMetrics = evalSet ? headlineMetrics(model, evalSet) : undefined;
  return { model, schema, task, dropped, trainRows: set.X.nRows, validRows: evalSet?.X.nRows ?? 0, phases, params: estimator.params, validMetrics };
}
