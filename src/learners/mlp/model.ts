/**
 * @module learners/mlp/model
 * A fitted network: preprocessing pipeline + layer weights. Output: sigmoid (binary, one
 * unit), softmax (multiclass) or identity (regression, mapped back from the standardised
 * target scale the network was trained on).
 */
import type { Frame } from '../../data/frame/frame.js';
import type { Task } from '../../data/schema/types.js';
import type { PipelineState } from '../../features/pipeline.js';
import type { ModelState } from '../estimator.js';
import type { FeatureSchema } from '../feature-schema.js';
import { ModelInput } from '../shared/preprocessing.js';
import { SupervisedModel } from '../shared/supervised-model.js';
import { Network, type NetworkState } from './network.js';

export interface MlpState {
  readonly pipeline: PipelineState;
  readonly network: NetworkState;
  /** Regression: the target was standardised as (y − mean) / scale for training. */
  readonly yMean: number;
  readonly yScale: number;
  readonly epochs: number;
  readonly lossCurve: readonly number[];
  readonly validationScores: readonly number[];
}

export class MlpModel extends SupervisedModel {
  readonly kind = 'mlp';
  readonly net: Network;

  constructor(
    task: Task,
    inputSchema: FeatureSchema,
    classes: readonly string[],
    params: Readonly<Record<string, unknown>>,
    readonly input: ModelInput,
    readonly fitted: Omit<MlpState, 'pipeline'>,
  ) {
    super(task, inputSchema, classes, params);
    this.net = Network.fromJSON(fitted.network);
  }

  static load(s: ModelState): MlpModel {
    const st = s.state as MlpState;
    return new MlpModel(s.task, s.inputSchema, s.classes ?? [], s.params, ModelInput.fromJSON(s.inputSchema, st.pipeline, 'mlp'), st);
  }

  protected output(X: Frame): Float64Array {
    const m = this.input.matrix(X);
    const raw = this.net.predictRaw(m.data, m.nRows);
    const n = m.nRows;
    if (this.task === 'regression') return raw.map((z) => z * this.fitted.yScale + this.fitted.yMean);
    if (this.classes.length === 2) {
      const out = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        const z = raw[i];
        const p1 = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        out[2 * i] = 1 - p1;
        out[2 * i + 1] = p1;
      }
      return out;
    }
    const K = this.classes.length;
    for (let i = 0; i < n; i++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) max = Math.max(max, raw[i * K + k]);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += raw[i * K + k] = Math.exp(raw[i * K + k] - max);
      for (let k = 0; k < K; k++) raw[i * K + k] /= sum;
    }
    return raw;
  }

  protected state(): MlpState {
    const { network, yMean, yScale, epochs, lossCurve, validationScores } = this.fitted;
    return { pipeline: this.input.toJSON(), network, yMean, yScale, epochs, lossCurve, validationScores };
  }
}
