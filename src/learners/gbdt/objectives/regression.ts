/**
 * @module learners/gbdt/objectives/regression
 * Regression objectives with LightGBM's gradients and starting scores:
 *  - L2 (`regression`): g = s − y, h = 1; starts at the weighted mean;
 *  - L1 (`regression_l1`): g = sign(s − y), h = 1; starts at the weighted median; leaf values
 *    are renewed to the median of the leaf's residuals y − s (a gradient step alone would
 *    only move each leaf by ±learning_rate);
 *  - Huber: g = s − y clipped to ±alpha, h = 1; starts at the mean;
 *  - quantile: g = 1 − alpha above the label, −alpha below, h = 1; starts at the alpha
 *    percentile; leaves renewed to the alpha percentile of residuals;
 *  - Poisson (log link): g = e^s − y, h = e^(s + poisson_max_delta_step); starts at log(mean).
 * Every gradient and hessian is multiplied by the row weight.
 */
import { DataError } from '../../../errors.js';
import type { CanonicalObjective, Objective, ObjectiveData } from './objective.js';
import { percentile, weightedPercentile } from './percentile.js';

function weightedMean(y: Float64Array, w: Float64Array | null): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    s += y[i] * wi;
    sw += wi;
  }
  return sw > 0 ? s / sw : 0;
}

abstract class RegressionBase implements Objective {
  abstract readonly name: CanonicalObjective;
  abstract readonly defaultMetric: string;
  readonly numOutputs = 1;
  protected readonly y: Float64Array;
  protected readonly w: Float64Array | null;

  constructor(
    data: ObjectiveData,
    protected readonly boostFromAverage: boolean,
  ) {
    this.y = data.labels;
    this.w = data.weights;
  }

  needsTraining(): boolean {
    return true;
  }

  initScore(): number {
    return this.boostFromAverage ? this.average() : 0;
  }

  protected average(): number {
    return weightedMean(this.y, this.w);
  }

  readonly rowParallel = true;

  gradients(score: Float64Array, gh: Float64Array, begin = 0, end = this.y.length): void {
    const { y, w } = this;
    for (let i = begin; i < end; i++) {
      const wi = w ? w[i] : 1;
      gh[2 * i] = this.grad(score[i], y[i]) * wi;
      gh[2 * i + 1] = this.hess(score[i]) * wi;
    }
  }

  protected abstract grad(s: number, y: number): number;
  protected hess(_s: number): number {
    return 1;
  }

  /** The alpha percentile of residuals y − s over `rows` (weighted when weights exist). */
  protected residualPercentile(rows: Int32Array, score: Float64Array, alpha: number): number {
    const r = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) r[i] = this.y[rows[i]] - score[rows[i]];
    if (!this.w) return percentile(r, alpha);
    const wr = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) wr[i] = this.w[rows[i]];
    return weightedPercentile(r, wr, alpha);
  }

  protected labelPercentile(alpha: number): number {
    return this.w ? weightedPercentile(this.y, this.w, alpha) : percentile(this.y, alpha);
  }
}

export class L2Objective extends RegressionBase {
  readonly name = 'regression';
  readonly defaultMetric = 'l2';
  protected grad(s: number, y: number): number {
    return s - y;
  }
}

export class L1Objective extends RegressionBase {
  readonly name = 'regression_l1';
  readonly defaultMetric = 'l1';
  protected override average(): number {
    return this.labelPercentile(0.5);
  }
  protected grad(s: number, y: number): number {
    const d = s - y;
    return d > 0 ? 1 : d < 0 ? -1 : 0;
  }
  renewLeaf(rows: Int32Array, score: Float64Array): number {
    return this.residualPercentile(rows, score, 0.5);
  }
}

export class HuberObjective extends RegressionBase {
  readonly name = 'huber';
  readonly defaultMetric = 'huber';
  constructor(data: ObjectiveData, boostFromAverage: boolean, private readonly alpha: number) {
    super(data, boostFromAverage);
  }
  protected grad(s: number, y: number): number {
    const d = s - y;
    return Math.abs(d) <= this.alpha ? d : d > 0 ? this.alpha : -this.alpha;
  }
}

export class QuantileObjective extends RegressionBase {
  readonly name = 'quantile';
  readonly defaultMetric = 'quantile';
  constructor(data: ObjectiveData, boostFromAverage: boolean, private readonly alpha: number) {
    super(data, boostFromAverage);
  }
  protected override average(): number {
    return this.labelPercentile(this.alpha);
  }
  protected grad(s: number, y: number): number {
    return s - y >= 0 ? 1 - this.alpha : -this.alpha;
  }
  renewLeaf(rows: Int32Array, score: Float64Array): number {
    return this.residualPercentile(rows, score, this.alpha);
  }
}

export class PoissonObjective extends RegressionBase {
  readonly name = 'poisson';
  readonly defaultMetric = 'poisson';
  constructor(data: ObjectiveData, boostFromAverage: boolean, private readonly maxDeltaStep: number) {
    super(data, boostFromAverage);
    for (let i = 0; i < this.y.length; i++) {
      if (!(this.y[i] >= 0)) {
        throw new DataError('MW_TARGET_INVALID', `The poisson objective needs non-negative labels; row ${i} has ${this.y[i]}.`, {
          hint: "Use a count target, or another objective such as 'regression'.",
        });
      }
    }
  }
  protected override average(): number {
    // LightGBM's SafeLog: log of the mean, -inf for a mean of 0.
    const m = weightedMean(this.y, this.w);
    return m > 0 ? Math.log(m) : Number.NEGATIVE_INFINITY;
  }
  override initScore(): number {
    if (!this.boostFromAverage) return 0;
    // A target of all zeros would start at -inf; start at a large negative finite score instead.
    return Math.max(this.average(), -30);
  }
  override gradients(score: Float64Array, gh: Float64Array, begin = 0, end = this.y.length): void {
    const { y, w } = this;
    const ed = Math.exp(this.maxDeltaStep);
    for (let i = begin; i < end; i++) {
      const wi = w ? w[i] : 1;
      const e = Math.exp(score[i]);
      gh[2 * i] = (e - y[i]) * wi;
      gh[2 * i + 1] = e * ed * wi;
    }
  }
  protected grad(s: number, y: number): number {
    return Math.exp(s) - y;
  }
}
