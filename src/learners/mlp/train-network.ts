/**
 * @module learners/mlp/train-network
 * Mini-batch training with Adam, as scikit-learn's MLP does it:
 *
 *   init (Glorot uniform) ─▶ each epoch: shuffle ─▶ per batch: Backprop.run (loss and
 *   gradients, dropout on hidden units) ─▶ Adam step ─▶ end of epoch: early-stopping check
 *
 * Early stopping scores the held-out rows
 * (accuracy or R², scikit-learn's choice) and keeps the best weights; without it, training
 * stops when the training loss stops improving by tol.
 */
import type { Rng } from '../../common/random.js';
import type { FitControl } from '../shared/fit-control.js';
import { Backprop, type OutputKind } from './backprop.js';
import { type Activation, Network } from './network.js';

export type { OutputKind } from './backprop.js';

export interface TrainSettings {
  readonly hidden: readonly number[];
  readonly activation: Activation;
  readonly output: OutputKind;
  readonly alpha: number;
  readonly dropout: number;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly maxIter: number;
  readonly nIterNoChange: number;
  readonly tol: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly shuffle: boolean;
}

/** Rows of a row-major matrix with their targets (class index, or standardised value). */
export interface Rows {
  readonly X: Float64Array;
  readonly p: number;
  readonly y: Float64Array;
  readonly w: Float64Array;
  readonly n: number;
}

export interface TrainResult {
  readonly net: Network;
  readonly epochs: number;
  /** Mean training loss per epoch. */
  readonly lossCurve: number[];
  /** Validation score per epoch (early stopping only). */
  readonly validationScores: number[];
}

/** Validation score: accuracy (classification) or R² (regression) of raw outputs. */
export function validationScore(net: Network, rows: Rows, output: OutputKind): number {
  const raw = net.predictRaw(rows.X, rows.n);
  const width = net.sizes[net.sizes.length - 1];
  if (output === 'identity') {
    let mean = 0;
    for (let i = 0; i < rows.n; i++) mean += rows.y[i] / rows.n;
    let sse = 0;
    let sst = 0;
    for (let i = 0; i < rows.n; i++) (sse += (rows.y[i] - raw[i]) ** 2), (sst += (rows.y[i] - mean) ** 2);
    return sst > 0 ? 1 - sse / sst : 0;
  }
  let hits = 0;
  for (let i = 0; i < rows.n; i++) {
    let pred: number;
    if (width === 1) pred = raw[i] > 0 ? 1 : 0;
    else {
      pred = 0;
      for (let k = 1; k < width; k++) if (raw[i * width + k] > raw[i * width + pred]) pred = k;
    }
    if (pred === rows.y[i]) hits++;
  }
  return hits / rows.n;
}

export function trainNetwork(train: Rows, valid: Rows | undefined, outWidth: number, s: TrainSettings, rng: Rng, control: FitControl, onEpoch?: (epoch: number, loss: number) => void): TrainResult {
  const sizes = [train.p, ...s.hidden, outWidth];
  const net = new Network(sizes, s.activation);
  // Glorot uniform, scikit-learn's factor: 6, or 2 for logistic activations.
  const factor = s.activation === 'logistic' ? 2 : 6;
  for (let l = 0; l < net.layers; l++) {
    const bound = Math.sqrt(factor / (sizes[l] + sizes[l + 1]));
    for (let q = 0; q < net.W[l].length; q++) net.W[l][q] = (2 * rng.next() - 1) * bound;
    for (let q = 0; q < net.b[l].length; q++) net.b[l][q] = (2 * rng.next() - 1) * bound;
  }
  const L = net.layers;
  const B = Math.min(s.batchSize, train.n);
  const bp = new Backprop(net, B, s.output, s.alpha, s.dropout);
  const mW = net.W.map((w) => new Float64Array(w.length));
  const vW = net.W.map((w) => new Float64Array(w.length));
  const mb = net.b.map((b) => new Float64Array(b.length));
  const vb = net.b.map((b) => new Float64Array(b.length));
  const order = Int32Array.from({ length: train.n }, (_, i) => i);
  let t = 0;
  let best = Number.NEGATIVE_INFINITY;
  let bestLoss = Number.POSITIVE_INFINITY;
  let bestState: { W: Float64Array[]; b: Float64Array[] } | undefined;
  let noImprove = 0;
  const lossCurve: number[] = [];
  const validationScores: number[] = [];
  let epoch = 0;
  while (epoch < s.maxIter) {
    if (epoch > 0 && control.shouldStop()) break;
    epoch++;
    if (s.shuffle) rng.shuffle(order);
    let epochLoss = 0;
    for (let start = 0; start < train.n; start += B) {
      const m = Math.min(B, train.n - start);
      epochLoss += m * bp.run(train.X, train.y, train.w, order.subarray(start, start + m), m, rng);
      // Adam step.
      t++;
      const lr = (s.learningRate * Math.sqrt(1 - s.beta2 ** t)) / (1 - s.beta1 ** t);
      for (let l = 0; l < L; l++) {
        adam(net.W[l], bp.gW[l], mW[l], vW[l], lr, s);
        adam(net.b[l], bp.gb[l], mb[l], vb[l], lr, s);
      }
    }
    const meanLoss = epochLoss / train.n;
    lossCurve.push(meanLoss);
    onEpoch?.(epoch, meanLoss);
    if (valid) {
      const score = validationScore(net, valid, s.output);
      validationScores.push(score);
      noImprove = score < best + s.tol ? noImprove + 1 : 0;
      if (score > best) {
        best = score;
        bestState = { W: net.W.map((w) => Float64Array.from(w)), b: net.b.map((b) => Float64Array.from(b)) };
      }
    } else {
      noImprove = meanLoss > bestLoss - s.tol ? noImprove + 1 : 0;
      if (meanLoss < bestLoss) bestLoss = meanLoss;
    }
    if (noImprove > s.nIterNoChange) break;
  }
  if (bestState) for (let l = 0; l < L; l++) (net.W[l].set(bestState.W[l]), net.b[l].set(bestState.b[l]));
  return { net, epochs: epoch, lossCurve, validationScores };
}

function adam(p: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, lr: number, s: TrainSettings): void {
  const { beta1, beta2, epsilon } = s;
  for (let q = 0; q < p.length; q++) {
    m[q] = beta1 * m[q] + (1 - beta1) * g[q];
    v[q] = beta2 * v[q] + (1 - beta2) * g[q] * g[q];
    p[q] -= (lr * m[q]) / (Math.sqrt(v[q]) + epsilon);
  }
}
