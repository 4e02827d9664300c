/**
 * @module automl/train
 * `train(data, { target, timeLimit, … })` → Predictor: the library face of `modelwright train`.
 */
import { performance } from 'node:perf_hooks';
import type { Frame } from '../data/frame/frame.js';
import type { SchemaOverrides } from '../data/schema/overrides.js';
import type { Task } from '../data/schema/types.js';
import { takeRows } from '../data/frame/column.js';
import { groupKfoldAssignment, timeBlockAssignment } from '../data/split/group-kfold.js';
import { toDatetime } from '../data/schema/convert-column.js';
import { Predictor } from './predictor.js';
import { type PreparedData, prepareTraining } from './prepare.js';
import { type TrainerOptions, runTrainer } from './trainer.js';

export interface TrainOptions extends SchemaOverrides, TrainerOptions {
  readonly target: string;
  readonly task?: Task;
  /** Metric to optimise (default: roc_auc, log_loss or rmse by task). */
  readonly metric?: string;
}

/**
 * Train the best model for `frame` within the budget.
 * @example
 * const predictor = await train(frame, { target: 'churn', timeLimit: 60, seed: 1 });
 * predictor.leaderboard[0]; predictor.predictProba(newRows);
 */
export async function train(frame: Frame, options: TrainOptions): Promise<Predictor> {
  const startedAt = options.startedAt ?? performance.now();
  const prepared = prepareTraining(frame, options);
  const state = await runTrainer(prepared, { ...options, startedAt, assignment: options.assignment ?? splitAssignment(frame, prepared, options) });
  return new Predictor(state);
}

/** Group- or time-aware folds when `group` or `time` is set; otherwise none (stratified k-fold). */
function splitAssignment(frame: Frame, prepared: PreparedData, options: TrainOptions): Int32Array | undefined {
  const k = options.folds ?? (prepared.train.X.nRows > 100_000 ? 3 : 5);
  if (options.group) return groupKfoldAssignment(takeRows(frame.column(options.group), prepared.rows), k);
  if (options.time) {
    const time = toDatetime(takeRows(frame.column(options.time), prepared.rows));
    return timeBlockAssignment(time.values, k);
  }
  return undefined;
}
