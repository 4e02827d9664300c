/**
 * @module learners/gbdt/objectives/binary
 * Binary log loss with LightGBM's parametrisation: labels y ∈ {−1, +1}, p = σ(sigmoid · s),
 *   g = −y·sigmoid / (1 + e^(y·sigmoid·s)),  h = |g|·(sigmoid − |g|),
 * times the row weight and the class weight (`is_unbalance` weights the smaller class by the
 * count ratio; `scale_pos_weight` multiplies the positive class). The starting score is the
 * log-odds of the weighted positive rate (class weights not applied, as in LightGBM).
 */
import type { Objective, ObjectiveData } from './objective.js';

/** LightGBM's kEpsilon: keeps the starting log-odds finite for a one-class sample. */
const EPS = 1e-15;

export class BinaryObjective implements Objective {
  readonly name = 'binary';
  readonly numOutputs = 1;
  readonly defaultMetric = 'binary_logloss';
  private readonly y: Float64Array;
  private readonly w: Float64Array | null;
  private readonly posWeight: number;
  private readonly negWeight: number;

  constructor(
    data: ObjectiveData,
    private readonly sigmoid: number,
    isUnbalance: boolean,
    scalePosWeight: number,
    private readonly boostFromAverage: boolean,
  ) {
    this.y = data.labels;
    this.w = data.weights;
    let pos = 0;
    for (let i = 0; i < this.y.length; i++) if (this.y[i] > 0) pos++;
    const neg = this.y.length - pos;
    let wp = 1;
    let wn = 1;
    if (isUnbalance && pos > 0 && neg > 0) {
      if (pos > neg) wn = pos / neg;
      else wp = neg / pos;
    }
    this.posWeight = wp * scalePosWeight;
    this.negWeight = wn;
  }

  needsTraining(): boolean {
    return true;
  }

  initScore(): number {
    if (!this.boostFromAverage) return 0;
    let s = 0;
    let sw = 0;
    for (let i = 0; i < this.y.length; i++) {
      const wi = this.w ? this.w[i] : 1;
      if (this.y[i] > 0) s += wi;
      sw += wi;
    }
    const p = Math.min(1 - EPS, Math.max(EPS, sw > 0 ? s / sw : 0.5));
    return Math.log(p / (1 - p)) / this.sigmoid;
  }

  readonly rowParallel = true;

  gradients(score: Float64Array, gh: Float64Array, begin = 0, end = this.y.length): void {
    const { y, w, sigmoid } = this;
    const wp = this.posWeight;
    const wn = this.negWeight;
    for (let i = begin; i < end; i++) {
      const pos = y[i] > 0;
      const label = pos ? 1 : -1;
      const response = (-label * sigmoid) / (1 + Math.exp(label * sigmoid * score[i]));
      const abs = Math.abs(response);
      const lw = (pos ? wp : wn) * (w ? w[i] : 1);
      gh[2 * i] = response * lw;
      gh[2 * i + 1] = abs * (sigmoid - abs) * lw;
    }
  }
}
