/**
 * @module learners/gbdt/objectives/multiclass
 * Softmax cross-entropy over K classes, one tree per class per iteration (LightGBM's
 * `multiclass`): p = softmax(s), g_k = p_k − [y = k], h_k = K/(K−1) · p_k(1 − p_k), times the
 * row weight. The K/(K−1) factor is LightGBM's: it makes K = 2 match binary log loss. The
 * starting score of class k is log(prior_k) (weighted), and a class with prior 0 or 1 gets
 * no trees.
 */
import type { Objective, ObjectiveData } from './objective.js';

const EPS = 1e-15;

export class MulticlassObjective implements Objective {
  readonly name = 'multiclass';
  readonly defaultMetric = 'multi_logloss';
  readonly numOutputs: number;
  private readonly y: Float64Array;
  private readonly w: Float64Array | null;
  private readonly priors: Float64Array;
  private readonly probs: Float64Array;

  constructor(data: ObjectiveData, private readonly boostFromAverage: boolean) {
    this.numOutputs = data.numClasses;
    this.y = data.labels;
    this.w = data.weights;
    this.priors = new Float64Array(this.numOutputs);
    let sw = 0;
    for (let i = 0; i < this.y.length; i++) {
      const wi = this.w ? this.w[i] : 1;
      this.priors[this.y[i]] += wi;
      sw += wi;
    }
    for (let k = 0; k < this.numOutputs; k++) this.priors[k] = sw > 0 ? this.priors[k] / sw : 0;
    this.probs = new Float64Array(this.numOutputs);
  }

  initScore(k: number): number {
    return this.boostFromAverage ? Math.log(Math.max(EPS, this.priors[k])) : 0;
  }

  needsTraining(k: number): boolean {
    return this.priors[k] > EPS && this.priors[k] < 1 - EPS;
  }

  readonly rowParallel = true;

  gradients(score: Float64Array, gh: Float64Array, begin = 0, end = this.y.length): void {
    const { y, w, probs } = this;
    const K = this.numOutputs;
    const n = y.length;
    const factor = K / (K - 1);
    for (let i = begin; i < end; i++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) if (score[k * n + i] > max) max = score[k * n + i];
      let sum = 0;
      for (let k = 0; k < K; k++) {
        const e = Math.exp(score[k * n + i] - max);
        probs[k] = e;
        sum += e;
      }
      const wi = w ? w[i] : 1;
      const label = y[i];
      for (let k = 0; k < K; k++) {
        const p = probs[k] / sum;
        const p2 = k * 2 * n + 2 * i;
        gh[p2] = (k === label ? p - 1 : p) * wi;
        gh[p2 + 1] = factor * p * (1 - p) * wi;
      }
    }
  }
}
