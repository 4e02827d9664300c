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

  /** out (n × fanOut) = inp (n × fanIn) · W_l + b_l. */
  affine(l: number, inp: Float64Array, n: number, out: Float64Array): void {
    const fanIn = this.sizes[l];
    const fanOut = this.sizes[l + 1];
    const W = this.W[l];
    const b = this.b[l];
    for (let i = 0; i < n; i++) {
      const o = i * fanOut;
      for (let j = 0; j < fanOut; j++) out[o + j] = b[j];
      const io = i * fanIn;
      for (let k = 0; k < fanIn; k++) {
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
