/**
 * @module learners/gbdt/objectives
 * Objectives by name: alias resolution ('mse' → regression, 'softmax' → multiclass…), the
 * check that an objective suits the task, construction, and the raw-score → prediction
 * transform a saved model applies (sigmoid, softmax, exp).
 */
import type { Task } from '../../../data/schema/types.js';
import { InvalidParamError } from '../../../errors.js';
import type { GbdtParams } from '../params.js';
import { BinaryObjective } from './binary.js';
import { MulticlassObjective } from './multiclass.js';
import type { CanonicalObjective, Objective, ObjectiveData } from './objective.js';
import { LambdarankObjective, defaultLabelGain } from './ranking.js';
import { HuberObjective, L1Objective, L2Objective, PoissonObjective, QuantileObjective } from './regression.js';

export type { CanonicalObjective, Objective, ObjectiveData } from './objective.js';

const ALIASES: Readonly<Record<string, CanonicalObjective>> = {
  regression: 'regression', regression_l2: 'regression', l2: 'regression', mse: 'regression', mean_squared_error: 'regression',
  rmse: 'regression', root_mean_squared_error: 'regression',
  regression_l1: 'regression_l1', l1: 'regression_l1', mae: 'regression_l1', mean_absolute_error: 'regression_l1',
  huber: 'huber', quantile: 'quantile', poisson: 'poisson',
  binary: 'binary', multiclass: 'multiclass', softmax: 'multiclass', lambdarank: 'lambdarank',
};

/** The canonical objective for a params value and a task; throws when they do not fit. */
export function resolveObjective(name: string, task: Task): CanonicalObjective {
  if (name === 'auto') return task === 'binary' ? 'binary' : task === 'multiclass' ? 'multiclass' : 'regression';
  const canonical = ALIASES[name];
  const fits = task === 'regression' ? canonical !== 'binary' && canonical !== 'multiclass' : canonical === task;
  if (!fits) {
    const allowed = task === 'regression' ? "regression, regression_l1, huber, quantile, poisson or lambdarank" : `'${task}' (or 'auto')`;
    throw new InvalidParamError('MW_PARAM_INVALID', `The 'objective' parameter of gbdt is '${name}', which does not suit a ${task} target. Must be ${allowed}.`, {
      details: { param: 'objective', got: name, task },
    });
  }
  return canonical;
}

export function createObjective(name: CanonicalObjective, p: GbdtParams, data: ObjectiveData): Objective {
  const avg = p.boost_from_average;
  switch (name) {
    case 'regression':
      return new L2Objective(data, avg);
    case 'regression_l1':
      return new L1Objective(data, avg);
    case 'huber':
      return new HuberObjective(data, avg, p.alpha);
    case 'quantile':
      if (!(p.alpha < 1)) {
        throw new InvalidParamError('MW_PARAM_INVALID', `The 'alpha' parameter of gbdt must be a number in (0, 1) for the quantile objective. Got ${p.alpha} instead.`);
      }
      return new QuantileObjective(data, avg, p.alpha);
    case 'poisson':
      return new PoissonObjective(data, avg, p.poisson_max_delta_step);
    case 'binary':
      return new BinaryObjective(data, p.sigmoid, p.is_unbalance, p.scale_pos_weight, avg);
    case 'multiclass':
      return new MulticlassObjective(data, avg);
    case 'lambdarank':
      return new LambdarankObjective(data, p.label_gain.length > 0 ? p.label_gain : defaultLabelGain(), p.lambdarank_truncation_level, p.lambdarank_norm, p.sigmoid);
  }
}

/**
 * Raw scores (row-major n × K) → predictions in place: probabilities for binary (one column
 * here, p of the positive class) and multiclass, means for poisson, raw values otherwise.
 */
export function transformRaw(name: CanonicalObjective, sigmoid: number, raw: Float64Array, K: number): void {
  if (name === 'binary') {
    for (let i = 0; i < raw.length; i++) raw[i] = 1 / (1 + Math.exp(-sigmoid * raw[i]));
  } else if (name === 'poisson') {
    for (let i = 0; i < raw.length; i++) raw[i] = Math.exp(raw[i]);
  } else if (name === 'multiclass') {
    for (let o = 0; o < raw.length; o += K) {
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) if (raw[o + k] > max) max = raw[o + k];
      let sum = 0;
      for (let k = 0; k < K; k++) sum += raw[o + k] = Math.exp(raw[o + k] - max);
      for (let k = 0; k < K; k++) raw[o + k] /= sum;
    }
  }
}
