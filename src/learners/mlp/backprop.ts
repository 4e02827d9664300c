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
    const { net, act, deltas } = this;
    const { sizes, layers: L } = net;
    const p = sizes[0];
    const outWidth = sizes[L];
    const keep = 1 - this.dropout;
    const x0 = act[0];
    let wSum = 0;
    for (let r = 0; r < m; r++) {
      const i = rows[r];
      // A plain copy loop: X.subarray() per row would allocate a view object per row.
      for (let j = 0, src = i * p, dst = r * p; j < p; j++) x0[dst + j] = X[src + j];
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
        for (let k = 0; k < outWidth; k++) sum += dOut[o + k] = Math.exp(out[o + k] - max);
        loss += wi * (max + Math.log(sum) - out[o + yi]);
        for (let k = 0; k < outWidth; k++) dOut[o + k] = wi * (dOut[o + k] / sum - (k === yi ? 1 : 0));
      }
    }
    let pen = 0;
    for (const W of net.W) for (let q = 0; q < W.length; q++) pen += W[q] * W[q];
    loss += (0.5 * this.alpha * pen) / m;
    for (let l = L - 1; l >= 0; l--) this.backwardLayer(l, inputs[l], m);
    return loss;
  }

  /**
   * Gradients of layer l from the delta of its output (deltas[l+1]); then the delta of its
   * input (deltas[l]) unless l is the first layer. A method of its own so V8 optimises it
   * separately from the forward pass (one large function tiers up late).
   */
  private backwardLayer(l: number, inp: Float64Array, m: number): void {
    const { net, deltas } = this;
    const fanIn = net.sizes[l];
    const fanOut = net.sizes[l + 1];
    const dl = deltas[l + 1];
    const GW = this.gW[l];
    const Gb = this.gb[l];
    const W = net.W[l];
    const decay = this.alpha / m;
    for (let q = 0; q < GW.length; q++) GW[q] = decay * W[q];
    Gb.fill(0);
    for (let r = 0; r < m; r++) {
      const dro = r * fanOut;
      for (let j = 0; j < fanOut; j++) Gb[j] += dl[dro + j];
    }
    // GW += inpᵀ · δ, tiled 2 inputs × 4 rows (see Network.affine for why).
    const m4 = m - (m % 4);
    let k = 0;
    for (; k + 1 < fanIn; k += 2) {
      const g0 = k * fanOut;
      const g1 = g0 + fanOut;
      let r = 0;
      for (; r < m4; r += 4) {
        const i0 = r * fanIn + k;
        const a0 = inp[i0];
        const a1 = inp[i0 + fanIn];
        const a2 = inp[i0 + 2 * fanIn];
        const a3 = inp[i0 + 3 * fanIn];
        const c0 = inp[i0 + 1];
        const c1 = inp[i0 + fanIn + 1];
        const c2 = inp[i0 + 2 * fanIn + 1];
        const c3 = inp[i0 + 3 * fanIn + 1];
        if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0 && c0 === 0 && c1 === 0 && c2 === 0 && c3 === 0) continue;
        const d0 = r * fanOut;
        const d1 = d0 + fanOut;
        const d2 = d1 + fanOut;
        const d3 = d2 + fanOut;
        for (let j = 0; j < fanOut; j++) {
          const e0 = dl[d0 + j];
          const e1 = dl[d1 + j];
          const e2 = dl[d2 + j];
          const e3 = dl[d3 + j];
          GW[g0 + j] += a0 * e0 + a1 * e1 + a2 * e2 + a3 * e3;
          GW[g1 + j] += c0 * e0 + c1 * e1 + c2 * e2 + c3 * e3;
        }
      }
      for (; r < m; r++) {
        const a = inp[r * fanIn + k];
        const c = inp[r * fanIn + k + 1];
        if (a === 0 && c === 0) continue;
        const dro = r * fanOut;
        for (let j = 0; j < fanOut; j++) {
          const e = dl[dro + j];
          GW[g0 + j] += a * e;
          GW[g1 + j] += c * e;
        }
      }
    }
    for (; k < fanIn; k++) {
      const go = k * fanOut;
      for (let r = 0; r < m; r++) {
        const a = inp[r * fanIn + k];
        if (a === 0) continue;
        const dro = r * fanOut;
        for (let j = 0; j < fanOut; j++) GW[go + j] += a * dl[dro + j];
      }
    }
    if (l === 0) return;
    // δ_prev = δ · Wᵀ, four inputs per pass over a δ row (one δ load feeds four sums).
    const dPrev = deltas[l];
    const k4 = fanIn - (fanIn % 4);
    for (let r = 0; r < m; r++) {
      const dro = r * fanOut;
      const po = r * fanIn;
      let k = 0;
      for (; k < k4; k += 4) {
        const w0 = k * fanOut;
        const w1 = w0 + fanOut;
        const w2 = w1 + fanOut;
        const w3 = w2 + fanOut;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = 0; j < fanOut; j++) {
          const e = dl[dro + j];
          s0 += W[w0 + j] * e;
          s1 += W[w1 + j] * e;
          s2 += W[w2 + j] * e;
          s3 += W[w3 + j] * e;
        }
        dPrev[po + k] = s0;
        dPrev[po + k + 1] = s1;
        dPrev[po + k + 2] = s2;
        dPrev[po + k + 3] = s3;
      }
      for (; k < fanIn; k++) {
        const wo = k * fanOut;
        let sum = 0;
        for (let j = 0; j < fanOut; j++) sum += W[wo + j] * dl[dro + j];
        dPrev[po + k] = sum;
      }
    }
    // Through the dropout mask (kept units were scaled by 1/keep), then the activation.
    const d = this.dropped[l];
    const keep = 1 - this.dropout;
    if (d) for (let q = 0; q < m * fanIn; q++) dPrev[q] = d[q] === 0 ? 0 : dPrev[q] / keep;
    net.activationGrad(this.act[l], dPrev, m * fanIn);
  }
}
