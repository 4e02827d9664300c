/**
 * @module learners/linear/estimator
 * Fit `linear`: preprocess (impute + indicators → standardise → one-hot), then pick the
 * solver by task and penalty:
 *
 *   classification  l2 / none        → L-BFGS on the logistic loss (scikit-learn's lbfgs)
 *                   l1 / elasticnet  → FISTA (proximal gradient)
 *   regression      l2 / none        → closed form (Cholesky)
 *                   l1 / elasticnet  → coordinate descent
 */
import type { ParamsOf } from '../../params/index.js';
import type { FitOptions, TrainSet } from '../estimator.js';
import { featureSchemaOf } from '../feature-schema.js';
import { fitControl } from '../shared/fit-control.js';
import { ModelInput, denseSteps } from '../shared/preprocessing.js';
import { rowWeights } from '../shared/sample-weights.js';
import { type LinearState, LinearModel } from './model.js';
import type { LINEAR_PARAMS } from './params.js';
import { fista } from './solvers/fista.js';
import { lbfgs } from './solvers/lbfgs.js';
import { elasticNet, ridge } from './solvers/least-squares.js';
import { logisticObjective, logisticRows } from './solvers/logistic-loss.js';

export type LinearParams = ParamsOf<typeof LINEAR_PARAMS>;

export function fitLinear(params: Readonly<LinearParams>, data: TrainSet, opts: FitOptions = {}): LinearModel {
  const schema = featureSchemaOf(data.X);
  const { input, matrix } = ModelInput.fit(data.X, schema, denseSteps(params.max_categories, params.standardize), 'linear');
  const sw = rowWeights(data, params.class_weight);
  const p = matrix.nCols;
  const control = fitControl(opts, 'linear');
  let fitted: Omit<LinearState, 'pipeline'>;
  if (data.y.task === 'regression') {
    const y = data.y.values;
    const res =
      params.penalty === 'l2' || params.penalty === 'none'
        ? ridge(matrix, y, sw, params.penalty === 'none' ? 0 : params.alpha, params.fit_intercept)
        : elasticNet(matrix, y, sw, params.alpha, params.penalty === 'l1' ? 1 : params.l1_ratio, params.fit_intercept, params.max_iter, params.tol);
    fitted = { coef: Array.from(res.coef), intercept: [res.intercept], iterations: res.iterations, converged: res.converged };
  } else {
    const K = data.y.classes?.length ?? 2;
    const R = logisticRows(K);
    const n = matrix.nRows;
    const prob = { X: matrix, y: data.y.values, sw, K, fitIntercept: params.fit_intercept };
    const x0 = new Float64Array(R * p + R);
    const l1Share = params.penalty === 'l1' ? 1 : params.penalty === 'elasticnet' ? params.l1_ratio : 0;
    const l2 = params.penalty === 'none' ? 0 : (1 - l1Share) / params.C;
    const f = logisticObjective(prob, l2);
    let x: Float64Array;
    let iterations: number;
    let converged: boolean;
    if (l1Share > 0) {
      // The objective is divided by n (see logistic-loss.ts), so the L1 weight is too.
      const res = fista(f, x0, l1Share / params.C / n, R * p, { maxIter: params.max_iter, tol: params.tol });
      ({ x, iterations, converged } = res);
    } else {
      // scikit-learn's gtol applies to the gradient of the un-normalised sum; ours is /n. The
      // relative-decrease stop is SciPy's (2.2e-9) at the default tol and tightens with tol.
      const ftol = Math.min(2.220446049250313e-9, params.tol * 2.220446049250313e-5);
      const res = lbfgs(f, x0, { maxIter: params.max_iter, gtol: params.tol / n, ftol, onIteration: () => control.shouldStop() });
      ({ x, iterations, converged } = res);
    }
    fitted = { coef: Array.from(x.subarray(0, R * p)), intercept: Array.from(x.subarray(R * p)), iterations, converged };
  }
  return new LinearModel(data.y.task, schema, data.y.classes ?? [], { ...params }, input, { ...fitted, pipeline: input.toJSON() });
}
