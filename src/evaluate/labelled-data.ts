/**
 * @module evaluate/labelled-data
 * From a model and a labelled table to the arrays metrics take: true class indices (in the
 * model's class order) or values, the model's output (n × K probabilities or n values), and
 * the predicted class or value. Rows without a label, or with a label the model never saw,
 * are left out and counted.
 */
import { didYouMean } from '../common/closest-match.js';
import type { Frame } from '../data/frame/frame.js';
import type { Task, TaskInference } from '../data/schema/types.js';
import { DataError } from '../errors.js';
import { encodeTarget, rowsWithTarget } from '../learners/target.js';

/** What evaluation needs of a model (SavedModelRef has this shape). */
export interface Evaluable {
  readonly task: TaskInference;
  /** The model's feature frame of a raw table. */
  features(data: Frame): Frame;
  /** n × K probabilities (classifiers) or n values, on a feature frame. */
  output(X: Frame): Float64Array;
  /** Binary: P(class 1) at or above which class 1 is predicted; default: the larger probability. */
  readonly threshold?: number;
}

export interface LabelledData {
  readonly task: Task;
  readonly target: string;
  readonly classes?: readonly string[];
  /** Rows used (labelled with a known label). */
  readonly n: number;
  /** Indices of those rows in the table. */
  readonly rows: Int32Array;
  /** Rows left out: no label, or a label the model does not know. */
  readonly dropped: number;
  /** Class index per row (as floats) or the value. */
  readonly yTrue: Float64Array;
  /** n × K probabilities or n values. */
  readonly output: Float64Array;
  /** Class index per row (classification) or the predicted value. */
  readonly predicted: Int32Array | Float64Array;
  /** The model's feature frame of the used rows. */
  readonly X: Frame;
}

/** Predicted class per row: threshold on P(class 1) for binary when given, else arg-max (first on ties). */
export function predictedClasses(proba: Float64Array, K: number, threshold?: number): Int32Array {
  const n = proba.length / K;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (K === 2 && threshold !== undefined) {
      out[i] = proba[2 * i + 1] >= threshold ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let k = 1; k < K; k++) if (proba[i * K + k] > proba[i * K + best]) best = k;
    out[i] = best;
  }
  return out;
}

/**
 * Score `data` with `model` and line the predictions up with the labels.
 * @example const d = labelledData(ref, table); d.yTrue; d.output
 */
export function labelledData(model: Evaluable, data: Frame): LabelledData {
  const t = model.task;
  if (!data.has(t.target)) {
    throw new DataError('MW_TARGET_NOT_FOUND', `The target column '${t.target}' that the model predicts is not in the data.${didYouMean(t.target, data.names)}`, {
      hint: `Evaluation needs labelled data: give a table with the model's feature columns and the target column '${t.target}'.`,
      details: { column: t.target, available: data.names },
    });
  }
  const y = encodeTarget(data.column(t.target), t.task, t.classes);
  const rows = rowsWithTarget(y);
  if (rows.length === 0) {
    throw new DataError('MW_TARGET_ALL_MISSING', `No row of the data has a usable value in target column '${t.target}'${t.classes ? ` (one of ${t.classes.join(', ')})` : ''}.`);
  }
  const all = rows.length === data.nRows;
  const used = all ? data : data.take(rows);
  const X = model.features(used);
  const output = model.output(X);
  const yTrue = all ? y.values : Float64Array.from(rows, (r) => y.values[r]);
  const K = t.classes?.length ?? 0;
  const predicted = t.task === 'regression' ? output : predictedClasses(output, K, model.threshold);
  return { task: t.task, target: t.target, classes: t.classes, n: rows.length, rows, dropped: data.nRows - rows.length, yTrue, output, predicted, X };
}
