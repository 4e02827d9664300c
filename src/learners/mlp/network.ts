/**
 * @module learners/mlp/network
 * A dense feed-forward network on row-major batches: weights per layer (fanIn × fanOut,
 * row-major) and biases; hidden activation relu/tanh/logistic; the output is left linear
 * here (sigmoid/softmax/identity are applied by the loss and by predict).
 *
 * The inner loops skip zero inputs: one-hot columns and ReLU outputs are mostly zero, so
 * this saves much of the work of a dense multiply.
 */

export type Activation = 'relu' | 'tanh' | 'logistic';

export interface NetworkState {
  /** Layer widths, input first: [p, h1, …, out]. */
  readonly sizes: readonly number[];
  readonly activation: Activation;
  /** Per layer: fanIn × fanOut weights, row-major. */
  readonly weights: readonly number[][];
  readonly biases: readonly number[][];
}

export class Network {
  readonly W: Float64Array[];
  readonly b: Float64Array[];

  constructor(
    readonly sizes: readonly number[],
    readonly activation: Activation,
    W?: Float64Array[],
    b?: Float64Array[],
  ) {
    this.W = W ?? sizes.slice(1).map((out, l) => new Float64Array(sizes[l] * out));
    this.b = b ?? sizes.slice(1).map((out) => new Float64Array(out));
  }

  static fromJSON(s: NetworkState): Network {
    return new Network(s.sizes, s.activation, s.weights.map((w) => Float64Array.from(w)), s.biases.map((b) => Float64Array.from(b)));
  }

  toJSON(): NetworkState {
    return { sizes: this.sizes, activation: this.activation, weights: this.W.map((w) => Array.from(w)), biases: this.b.map((b) => Array.from(b)) };
  }

  get layers(): number {
    return this.W.length;
  }

  /**
   * out (n × fanOut) = inp (n × fanIn) · W_l + b_l, tiled 2 rows × 4 inputs: each W load
   * feeds two rows and each load/store of out carries four multiply-adds (1.5× faster than
   * the plain loop in V8). Blocks whose inputs are all zero (one-hot columns, ReLU outputs)
   * are skipped.
   */
  affine(l: number, inp: Float64Array, n: number, out: Float64Array): void {
    const fanIn = this.sizes[l];
    const fanOut = this.sizes[l + 1];
    const W = this.W[l];
    const b = this.b[l];
    const k4 = fanIn - (fanIn % 4);
    let i = 0;
    // Two rows at a time: each W load feeds both rows (register tiling 2 rows × 4 inputs).
    for (; i + 1 < n; i += 2) {
      const o0 = i * fanOut;
      const o1 = o0 + fanOut;
      for (let j = 0; j < fanOut; j++) (out[o0 + j] = b[j]), (out[o1 + j] = b[j]);
      const i0 = i * fanIn;
      const i1 = i0 + fanIn;
      let k = 0;
      for (; k < k4; k += 4) {
        const a0 = inp[i0 + k];
        const a1 = inp[i0 + k + 1];
        const a2 = inp[i0 + k + 2];
        const a3 = inp[i0 + k + 3];
        const c0 = inp[i1 + k];
        const c1 = inp[i1 + k + 1];
        const c2 = inp[i1 + k + 2];
        const c3 = inp[i1 + k + 3];
        if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0 && c0 === 0 && c1 === 0 && c2 === 0 && c3 === 0) continue;
        const w0 = k * fanOut;
        const w1 = w0 + fanOut;
        const w2 = w1 + fanOut;
        const w3 = w2 + fanOut;
        for (let j = 0; j < fanOut; j++) {
          const x0 = W[w0 + j];
          const x1 = W[w1 + j];
          const x2 = W[w2 + j];
          const x3 = W[w3 + j];
          out[o0 + j] += a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
          out[o1 + j] += c0 * x0 + c1 * x1 + c2 * x2 + c3 * x3;
        }
      }
      for (; k < fanIn; k++) {
        const a = inp[i0 + k];
        const c = inp[i1 + k];
        if (a === 0 && c === 0) continue;
        const wo = k * fanOut;
        for (let j = 0; j < fanOut; j++) {
          const x = W[wo + j];
          out[o0 + j] += a * x;
          out[o1 + j] += c * x;
        }
      }
    }
    // A last odd row: the same 4-input sums in the same order as the tiled loop, so a row's
    // output does not depend on whether it was computed alone or in a pair.
    for (; i < n; i++) {
      const o = i * fanOut;
      for (let j = 0; j < fanOut; j++) out[o + j] = b[j];
      const io = i * fanIn;
      let k = 0;
      for (; k < k4; k += 4) {
        const a0 = inp[io + k];
        const a1 = inp[io + k + 1];
        const a2 = inp[io + k + 2];
        const a3 = inp[io + k + 3];
        if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue;
        const w0 = k * fanOut;
        const w1 = w0 + fanOut;
        const w2 = w1 + fanOut;
        const w3 = w2 + fanOut;
        for (let j = 0; j < fanOut; j++) out[o + j] += a0 * W[w0 + j] + a1 * W[w1 + j] + a2 * W[w2 + j] + a3 * W[w3 + j];
      }
      for (; k < fanIn; k++) {
        const a = inp[io + k];
        if (a === 0) continue;
        const wo = k * fanOut;
        for (let j = 0; j < fanOut; j++) out[o + j] += a * W[wo + j];
      }
    }
  }

  /** Apply the hidden activation in place to the first `len` entries. */
  activate(z: Float64Array, len: number): void {
    if (this.activation === 'relu') for (let q = 0; q < len; q++) z[q] = z[q] > 0 ? z[q] : 0;
    else if (this.activation === 'tanh') for (let q = 0; q < len; q++) z[q] = Math.tanh(z[q]);
    else for (let q = 0; q < len; q++) z[q] = 1 / (1 + Math.exp(-z[q]));
  }

  /** Multiply δ in place by the activation's derivative, given the activated values a. */
  activationGrad(a: Float64Array, delta: Float64Array, len: number): void {
    if (this.activation === 'relu') for (let q = 0; q < len; q++) delta[q] = a[q] > 0 ? delta[q] : 0;
    else if (this.activation === 'tanh') for (let q = 0; q < len; q++) delta[q] *= 1 - a[q] * a[q];
    else for (let q = 0; q < len; q++) delta[q] *= a[q] * (1 - a[q]);
  }

  /** Raw outputs (n × out) for inputs X (n × p), in chunks to bound memory. */
  predictRaw(X: Float64Array, n: number): Float64Array {
    const out = this.sizes[this.sizes.length - 1];
    const result = new Float64Array(n * out);
    const chunk = 512;
    const bufs = this.sizes.map((s) => new Float64Array(chunk * s));
    for (let s = 0; s < n; s += chunk) {
      const m = Math.min(chunk, n - s);
      let cur = X.subarray(s * this.sizes[0], (s + m) * this.sizes[0]);
      for (let l = 0; l < this.layers; l++) {
        const next = bufs[l + 1];
        this.affine(l, cur, m, next);
        if (l < this.layers - 1) this.activate(next, m * this.sizes[l + 1]);
        cur = next;
      }
      result.set(cur.subarray(0, m * out), s * out);
    }
    return result;
  }
}
