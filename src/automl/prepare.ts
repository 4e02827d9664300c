/**
 * @module automl/prepare
 * Everything AutoML decides about the data before any model is fitted, each decision with its
 * reason for the report:
 *
 *   frame ─▶ schema (+ overrides) ─▶ task + metric ─▶ leakage check (suspects dropped)
 *         ─▶ constant columns dropped ─▶ feature frame (ids, text… left out) ─▶ date expansion
 *         ─▶ TrainSet
 */
import type { Frame } from '../data/frame/frame.js';
import { countMissing } from '../data/frame/column.js';
import { inferSchema } from '../data/schema/infer-schema.js';
import { inferTask } from '../data/schema/infer-task.js';
import type { SchemaOverrides } from '../data/schema/overrides.js';
import type { ColumnSchema, DatasetSchema, Task, TaskInference } from '../data/schema/types.js';
import { findLeakage } from '../data/quality/leakage.js';
import { InvalidParamError } from '../errors.js';
import { type DroppedColumn } from '../fit/feature-frame.js';
import { trainSetFrom } from '../fit/fit-learner.js';
import { type DateExpansion, applyDateExpansion, fitDateExpansion } from '../features/dates/expand-dates.js';
import type { TrainSet } from '../learners/estimator.js';
import { getMetric } from '../metrics/registry.js';
import { DEFAULT_METRIC } from './scoring.js';

export interface PreparedData {
  readonly schema: DatasetSchema;
  readonly task: TaskInference;
  readonly metric: string;
  readonly dropped: readonly DroppedColumn[];
  readonly dates: DateExpansion;
  readonly train: TrainSet;
  /** Rows of the input frame in `train` (rows with a label), in order. */
  readonly rows: Int32Array;
}

/** A column is constant when it has at most one distinct present value. */
function isConstant(frame: Frame, name: string): boolean {
  const col = frame.column(name);
  if (countMissing(col) === frame.nRows) return true;
  if (col.dtype === 'categorical') {
    let first = -2;
    for (const c of col.codes) {
      if (c < 0) continue;
      if (first === -2) first = c;
      else if (c !== first) return false;
    }
    return true;
  }
  let first = Number.NaN;
  for (const v of col.values) {
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(first)) first = v;
    else if (v !== first) return false;
  }
  return true;
}

function ignore(c: ColumnSchema, reason: string): ColumnSchema {
  return { ...c, role: 'ignored', reason };
}

/** Check that a user-chosen metric fits the task. */
export function resolveMetric(task: Task, metric?: string): string {
  const name = metric ?? DEFAULT_METRIC[task];
  const spec = getMetric(name);
  if (!spec.tasks.includes(task)) {
    throw new InvalidParamError('MW_PARAM_INVALID', `Metric '${name}' does not apply to a ${task} task. Use one of the ${task} metrics, e.g. ${DEFAULT_METRIC[task]}.`);
  }
  return spec.name;
}

/** Turn a raw training table into a TrainSet plus the decisions made on the way. */
export function prepareTraining(frame: Frame, options: SchemaOverrides & { target: string; task?: Task; metric?: string; seed?: number }): PreparedData {
  const inferred = inferSchema(frame, options);
  const task = inferTask(frame, options.target, { task: options.task });
  const metric = resolveMetric(task.task, options.metric);
  const leaks = findLeakage(frame, inferred, task, { seed: options.seed ?? 1 });
  const leaked = new Map(leaks.findings.map((f) => [f.column, f]));
  const extraDropped: DroppedColumn[] = [];
  const columns = inferred.columns.map((c) => {
    if (c.role !== 'feature') return c;
    const leak = leaked.get(c.name);
    if (leak) {
      const reason = `target leakage suspect: on its own it predicts '${options.target}' with ${leak.metric} ${leak.score.toFixed(3)} (baseline ${leak.baseline.toFixed(3)})`;
      extraDropped.push({ column: c.name, reason });
      return ignore(c, reason);
    }
    if (isConstant(frame, c.name)) {
      const reason = 'constant column: a single value carries no information';
      extraDropped.push({ column: c.name, reason });
      return ignore(c, reason);
    }
    return c;
  });
  const schema: DatasetSchema = { columns };
  const { set, dropped, rows } = trainSetFrom(frame, schema, task);
  const dates = fitDateExpansion(set.X);
  const X = applyDateExpansion(set.X, dates);
  // featureFrame reports the ignored columns with their role; keep our specific reasons instead.
  const ours = new Set(extraDropped.map((d) => d.column));
  return { schema, task, metric, dates, dropped: [...extraDropped, ...dropped.filter((d) => !ours.has(d.column))], train: { ...set, X }, rows };
}
