/**
 * @module learners/mlp/backprop
 * Loss and gradients of one mini-batch (forward pass with dropout, output delta, backward
 * pass), into reusable buffers. Loss: squared error / 2 (identity), log loss (sigmoid,
 * softmax), a weighted mean over the batch, plus alpha/2 · ‖W‖² / batch size — scikit-learn's
 * MLP objective.
 */
import type { Rng } from '../../common/random.js';
import type { Network } from './network.js';

export type OutputKind = 'sigmoid' | 'softmax' | 'identity';

export class Backprop {
  private readonly act: Float64Array[];
  private readonly dropped: (Float64Array | undefined)[];
  private readonly deltas: Float64Array[];
  readonly gW: Float64Array[];
  readonly gb: Float64Array[];

  constructor(
    private readonly net: Network,
    readonly batchSize: number,
    private readonly output: OutputKind,
    private readonly alpha: number,
    private readonly dropout: number,
  ) {
    const { sizes, layers } = net;
    this.act = sizes.map((w) => new Float64Array(batchSize * w));
    this.dropped = sizes.map((w, l) => (dropout > 0 && l > 0 && l < layers ? new Float64Array(batchSize * w) : undefined));
    this.deltas = sizes.map((w) => new Float64Array(batchSize * w));
    this.gW = net.W.map((w) => new Float64Array(w.length));
    this.gb = net.b.map((b) => new Float64Array(b.length));
  }

  /**
   * Loss of rows `rows[0..m)` of X (row-major, p columns) and its gradient (into gW, gb).
   * `rng` draws the dropout masks.
   */
  run(X: Float64Array, y: Float64Array, w: Float64Array, rows: ArrayLike<number>, m: number, rng: Rng): number {
    const { net, act, deltas, gW, gb } = this;
    const { sizes, layers: L } = net;
    const p = sizes[0];
    const outWidth = sizes[L];
    const keep = 1 - this.dropout;
    const x0 = act[0];
    let wSum = 0;
    for (let r = 0; r < m; r++) {
      const i = rows[r];
      x0.set(X.subarray(i * p, (i + 1) * p), r * p);
      wSum += w[i];
    }
    // Forward: the input of layer l+1 is the (possibly dropped-out) activation of layer l.
    const inputs: Float64Array[] = [x0];
    for (let l = 0; l < L; l++) {
      const z = act[l + 1];
      net.affine(l, inputs[l], m, z);
      if (l === L - 1) break;
      net.activate(z, m * sizes[l + 1]);
      const d = this.dropped[l + 1];
      if (d) {
        for (let q = 0; q < m * sizes[l + 1]; q++) d[q] = rng.next() < keep ? z[q] / keep : 0;
        inputs.push(d);
      } else inputs.push(z);
    }
    // Output delta: ∂loss/∂z of the weighted-mean loss.
    const out = act[L];
    const dOut = deltas[L];
    let loss = 0;
    for (let r = 0; r < m; r++) {
      const i = rows[r];
      const wi = w[i] / wSum;
      const yi = y[i];
      if (this.output === 'identity') {
        const e = out[r] - yi;
        loss += wi * 0.5 * e * e;
        dOut[r] = wi * e;
      } else if (this.output === 'sigmoid') {
        const z = out[r];
        const pr = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        loss += wi * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - yi * z);
        dOut[r] = wi * (pr - yi);
      } else {
        const o = r * outWidth;
        let max = out[o];
        for (let k = 1; k < outWidth; k++) max = Math.max(max, out[o + k]);
        let sum = 0;
        for (let k = 0; k < outWidth; k++) sum += Math.exp(out[o + k] - max);
        const lse = max + Math.log(sum);
        loss += wi * (lse - out[o + yi]);
        for (let k = 0; k < outWidth; k++) dOut[o + k] = wi * (Math.exp(out[o + k] - lse) - (k === yi ? 1 : 0));
      }
    }
    let pen = 0;
    for (const W of net.W) for (let q = 0; q < W.length; q++) pen += W[q] * W[q];
    loss += (0.5 * this.alpha * pen) / m;
    // Backward.
    for (let l = L - 1; l >= 0; l--) {
      const fanIn = sizes[l];
      const fanOut = sizes[l + 1];
      const inp = inputs[l];
      const dl = deltas[l + 1];
      const GW = gW[l];
      const Gb = gb[l];
      const W = net.W[l];
      for (let q = 0; q < GW.length; q++) GW[q] = (this.alpha * W[q]) / m;
      Gb.fill(0);
      for (let r = 0; r < m; r++) {
        const dro = r * fanOut;
        for (let j = 0; j < fanOut; j++) Gb[j] += dl[dro + j];
        const io = r * fanIn;
        for (let k = 0; k < fanIn; k++) {
          const a = inp[io + k];
          if (a === 0) continue;
          const go = k * fanOut;
          for (let j = 0; j < fanOut; j++) GW[go + j] += a * dl[dro + j];
        }
      }
      if (l === 0) break;
      const dPrev = deltas[l];
      for (let r = 0; r < m; r++) {
        const dro = r * fanOut;
        for (let k = 0; k < fanIn; k++) {
          const wo = k * fanOut;
          let sum = 0;
          for (let j = 0; j < fanOut; j++) sum += W[wo + j] * dl[dro + j];
          dPrev[r * fanIn + k] = sum;
        }
      }
      // Through the dropout mask (kept units were scaled by 1/keep), then the activation.
      const d = this.dropped[l];
      if (d) for (let q = 0; q < m * fanIn; q++) dPrev[q] = d[q] === 0 ? 0 : dPrev[q] / keep;
      net.activationGrad(act[l], dPrev, m * fanIn);
    }
    return loss;
  }
}
