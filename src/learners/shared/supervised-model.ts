/**
 * @module learners/shared/supervised-model
 * The part every supervised model shares: `predict` from the model's raw output (argmax of
 * probabilities, or the regression value), `predictProba`, and `toJSON` around the
 * learner-specific state. A learner implements `output()` and `state()` only.
 */
import { type Column, categoricalColumn, float64Column } from '../../data/frame/column.js';
import type { Frame } from '../../data/frame/frame.js';
import type { Task } from '../../data/schema/types.js';
import { UsageError } from '../../errors.js';
import type { ClassifierModel, ModelState } from '../estimator.js';
import type { FeatureSchema } from '../feature-schema.js';

export abstract class SupervisedModel implements ClassifierModel {
  abstract readonly kind: string;

  constructor(
    readonly task: Task,
    readonly inputSchema: FeatureSchema,
    /** Class labels in output order; empty for regression. */
    readonly classes: readonly string[],
    readonly params: Readonly<Record<string, unknown>>,
  ) {}

  /** n × K probabilities (classification) or n values (regression), row-major. */
  protected abstract output(X: Frame): Float64Array;
  /** Learned state as plain JSON data. */
  protected abstract state(): unknown;

  predict(X: Frame): Column {
    const out = this.output(X);
    if (this.task === 'regression') return float64Column('prediction', out);
    const K = this.classes.length;
    const codes = new Int32Array(X.nRows);
    for (let i = 0; i < codes.length; i++) {
      let best = 0;
      for (let k = 1; k < K; k++) if (out[i * K + k] > out[i * K + best]) best = k;
      codes[i] = best;
    }
    return categoricalColumn('prediction', codes, this.classes);
  }

  predictProba(X: Frame): Float64Array {
    if (this.task === 'regression') {
      throw new UsageError('MW_TASK_UNSUPPORTED', `predictProba is for classifiers; this ${this.kind} model does regression.`, { hint: 'Use predict() for regression values.' });
    }
    return this.output(X);
  }

  toJSON(): ModelState {
    const base = { kind: this.kind, task: this.task, params: this.params, inputSchema: this.inputSchema, state: this.state() };
    return this.task === 'regression' ? base : { ...base, classes: this.classes };
  }
}
