/**
 * @module learners/mlp/estimator
 * Fit `mlp`: preprocess (impute + indicators → standardise → one-hot), standardise a
 * regression target (the network then sees unit-scale outputs whatever the target's units),
 * hold out a validation split for early stopping (stratified by class; FitOptions.evalSet
 * replaces it when given), and train.
 */
import { Rng } from '../../common/random.js';
import type { ParamsOf } from '../../params/index.js';
import type { FitOptions, TrainSet } from '../estimator.js';
import { featureSchemaOf } from '../feature-schema.js';
import { fitControl } from '../shared/fit-control.js';
import { ModelInput, denseSteps } from '../shared/preprocessing.js';
import { rowWeights } from '../shared/sample-weights.js';
import { MlpModel } from './model.js';
import type { MLP_PARAMS } from './params.js';
import { type Rows, trainNetwork } from './train-network.js';

export type MlpParams = ParamsOf<typeof MLP_PARAMS>;

/** Indices held out for validation: `fraction` of each class (or of all rows), at least 1 row. */
function validationRows(y: Float64Array, classification: boolean, fraction: number, rng: Rng): Uint8Array {
  const n = y.length;
  const held = new Uint8Array(n);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const key = classification ? y[i] : 0;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const idx = rng.shuffle(Int32Array.from(groups.get(key) as number[]));
    const take = Math.min(idx.length - 1, Math.max(classification ? 0 : 1, Math.round(fraction * idx.length)));
    for (let q = 0; q < take; q++) held[idx[q]] = 1;
  }
  return held;
}

function subset(X: Float64Array, p: number, y: Float64Array, w: Float64Array, pick: (i: number) => boolean): Rows {
  const idx: number[] = [];
  for (let i = 0; i < y.length; i++) if (pick(i)) idx.push(i);
  const Xs = new Float64Array(idx.length * p);
  idx.forEach((i, r) => Xs.set(X.subarray(i * p, (i + 1) * p), r * p));
  return { X: Xs, p, y: Float64Array.from(idx, (i) => y[i]), w: Float64Array.from(idx, (i) => w[i]), n: idx.length };
}

export function fitMlp(params: Readonly<MlpParams>, data: TrainSet, opts: FitOptions = {}): MlpModel {
  const schema = featureSchemaOf(data.X);
  const { input, matrix } = ModelInput.fit(data.X, schema, denseSteps(params.max_categories, true), 'mlp');
  const regression = data.y.task === 'regression';
  const K = data.y.classes?.length ?? 0;
  let y = data.y.values;
  let yMean = 0;
  let yScale = 1;
  if (regression) {
    for (const v of y) yMean += v / y.length;
    let ss = 0;
    for (const v of y) ss += (v - yMean) ** 2;
    yScale = Math.sqrt(ss / y.length) || 1;
    y = Float64Array.from(y, (v) => (v - yMean) / yScale);
  }
  const w = rowWeights(data, 'none');
  const rng = new Rng(params.seed);
  const p = matrix.nCols;
  let train: Rows = { X: matrix.data, p, y, w, n: matrix.nRows };
  let valid: Rows | undefined;
  if (params.early_stopping && opts.evalSet) {
    // A caller-given validation set replaces the internal split (all rows train).
    const m = input.matrix(opts.evalSet.X);
    const ev = opts.evalSet.y.values;
    const yv = regression ? Float64Array.from(ev, (v) => (v - yMean) / yScale) : Float64Array.from(ev);
    valid = { X: m.data, p, y: yv, w: opts.evalSet.weight ?? new Float64Array(m.nRows).fill(1), n: m.nRows };
  } else if (params.early_stopping && matrix.nRows >= 10) {
    const held = validationRows(y, !regression, params.validation_fraction, rng);
    valid = subset(matrix.data, p, y, w, (i) => held[i] === 1);
    train = subset(matrix.data, p, y, w, (i) => held[i] === 0);
  }
  const output = regression ? 'identity' : K === 2 ? 'sigmoid' : 'softmax';
  const res = trainNetwork(
    train,
    valid,
    regression || K === 2 ? 1 : K,
    {
      hidden: params.hidden_layer_sizes,
      activation: params.activation,
      output,
      alpha: params.alpha,
      dropout: params.dropout,
      learningRate: params.learning_rate_init,
      batchSize: params.batch_size === -1 ? Math.min(200, train.n) : params.batch_size,
      maxIter: params.max_iter,
      nIterNoChange: params.n_iter_no_change,
      tol: params.tol,
      beta1: params.beta_1,
      beta2: params.beta_2,
      epsilon: params.epsilon,
      shuffle: params.shuffle,
    },
    rng,
    fitControl(opts, 'mlp'),
    (epoch, loss) => opts.onProgress?.(epoch, params.max_iter, `epoch ${epoch}, loss ${loss.toPrecision(4)}`),
  );
  return new MlpModel(data.y.task, schema, data.y.classes ?? [], { ...params }, input, {
    network: res.net.toJSON(),
    yMean,
    yScale,
    epochs: res.epochs,
    lossCurve: res.lossCurve,
    validationScores: res.validationScores,
  });
}
