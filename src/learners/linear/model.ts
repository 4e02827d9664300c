/**
 * @module learners/linear/model
 * A fitted linear model: preprocessing pipeline + coefficient rows + intercepts.
 *   binary:      P(class 1) = σ(b + w·x)         (one row)
 *   multiclass:  softmax over K rows
 *   regression:  b + w·x                          (one row)
 * `coefficients()` exposes the weights by design-matrix column name, so explanations of a
 * linear model can be exact (contribution of column j = w_j · x_j).
 */
import type { Frame } from '../../data/frame/frame.js';
import type { Task } from '../../data/schema/types.js';
import type { PipelineState } from '../../features/pipeline.js';
import type { ModelState } from '../estimator.js';
import type { FeatureSchema } from '../feature-schema.js';
import { ModelInput } from '../shared/preprocessing.js';
import { SupervisedModel } from '../shared/supervised-model.js';
import { sigmoid } from './solvers/logistic-loss.js';

export interface LinearState {
  readonly pipeline: PipelineState;
  /** R × p coefficients, row-major (R = 1 for binary and regression, K for multiclass). */
  readonly coef: number[];
  readonly intercept: number[];
  readonly iterations: number;
  readonly converged: boolean;
}

export interface LinearCoefficients {
  /** Design-matrix column names (after imputation indicators, scaling and one-hot). */
  readonly names: readonly string[];
  /** One row per output: the positive class (binary), each class (multiclass) or the value. */
  readonly rows: readonly { readonly label: string; readonly coef: readonly number[]; readonly intercept: number }[];
}

export class LinearModel extends SupervisedModel {
  readonly kind = 'linear';

  constructor(
    task: Task,
    inputSchema: FeatureSchema,
    classes: readonly string[],
    params: Readonly<Record<string, unknown>>,
    readonly input: ModelInput,
    readonly fitted: LinearState,
  ) {
    super(task, inputSchema, classes, params);
  }

  static load(s: ModelState): LinearModel {
    const st = s.state as LinearState;
    return new LinearModel(s.task, s.inputSchema, s.classes ?? [], s.params, ModelInput.fromJSON(s.inputSchema, st.pipeline, 'linear'), st);
  }

  /** Coefficients by design-matrix column. @example model.coefficients().rows[0].coef */
  coefficients(): LinearCoefficients {
    const names = this.input.pipeline.outputNames;
    const p = names.length;
    const R = this.fitted.intercept.length;
    const label = (r: number) => (this.task === 'regression' ? 'value' : R === 1 ? this.classes[1] : this.classes[r]);
    return {
      names,
      rows: Array.from({ length: R }, (_, r) => ({ label: label(r), coef: this.fitted.coef.slice(r * p, (r + 1) * p), intercept: this.fitted.intercept[r] })),
    };
  }

  /** n × R linear scores b + W·x. */
  decisionFunction(X: Frame): Float64Array {
    const m = this.input.matrix(X);
    const { coef, intercept } = this.fitted;
    const R = intercept.length;
    const p = m.nCols;
    const out = new Float64Array(m.nRows * R);
    for (let i = 0; i < m.nRows; i++) {
      for (let r = 0; r < R; r++) {
        let s = intercept[r];
        for (let j = 0; j < p; j++) s += coef[r * p + j] * m.data[i * p + j];
        out[i * R + r] = s;
      }
    }
    return out;
  }

  protected output(X: Frame): Float64Array {
    const z = this.decisionFunction(X);
    if (this.task === 'regression') return z;
    const n = X.nRows;
    const K = this.classes.length;
    if (this.fitted.intercept.length === 1) {
      const out = new Float64Array(n * 2);
      for (let i = 0; i < n; i++) {
        const p1 = sigmoid(z[i]);
        out[2 * i] = 1 - p1;
        out[2 * i + 1] = p1;
      }
      return out;
    }
    for (let i = 0; i < n; i++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) max = Math.max(max, z[i * K + k]);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += z[i * K + k] = Math.exp(z[i * K + k] - max);
      for (let k = 0; k < K; k++) z[i * K + k] /= sum;
    }
    return z;
  }

  protected state(): LinearState {
    return { ...this.fitted, pipeline: this.input.toJSON() };
  }
}
