/**
 * @module explain/tree-shap-kernel
 * Exact path-dependent TreeSHAP (Lundberg et al. 2020, "From local explanations to global
 * understanding with explainable AI for trees", Algorithm 2) over an EnsembleView, written
 * for typed arrays: every tree is flattened into one set of node arrays, the path of unique
 * features is kept in four preallocated arrays (feature, zero fraction, one fraction,
 * permutation weight) laid out as the paper's triangular stack — the path of recursion depth
 * d starts right after its parent's — and a row is read from a row-major block.
 *
 * For each row and tree the recursion follows both children of every node: the child x goes
 * to ("hot") with one-fraction 1, the other ("cold") with 0, both with the share of training
 * cover that went there as zero-fraction. A feature met twice on a path is unwound first, so
 * each path element is a unique feature. At a leaf every element i gets
 *   φ[feature_i] += unwoundSum(i) · (one_i − zero_i) · value(leaf) · scale.
 * `condition` = +1 / −1 fixes feature `condFeature` as present / absent (for interaction
 * values, Lundberg's conditional TreeSHAP); 0 is plain TreeSHAP.
 */
import { type EnsembleView, SPLIT_CATEGORICAL, SPLIT_DEFAULT_LEFT, treeDepth } from './tree-view.js';

export class TreeShapKernel {
  readonly nFeatures: number;
  readonly nOutputs: number;
  private readonly feat: Int32Array;
  private readonly thr: Float64Array;
  private readonly flags: Uint8Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly cover: Float64Array;
  private readonly valOff: Int32Array;
  private readonly vals: Float64Array;
  private readonly catStart: Int32Array;
  private readonly catEnd: Int32Array;
  private readonly catWords: Uint32Array;
  private readonly roots: Int32Array;
  private readonly width: Int32Array;
  private readonly outOff: Int32Array;
  private readonly scale: Float64Array;
  private readonly pf: Int32Array;
  private readonly pz: Float64Array;
  private readonly po: Float64Array;
  private readonly pw: Float64Array;

  constructor(view: EnsembleView) {
    this.nFeatures = view.features.length;
    this.nOutputs = view.outputs.length;
    const T = view.trees.length;
    let N = 0;
    let V = 0;
    let W = 0;
    let depth = 0;
    for (const t of view.trees) {
      N += t.nNodes;
      V += t.values.length;
      W += t.catWords.length;
      depth = Math.max(depth, treeDepth(t));
    }
    this.feat = new Int32Array(N);
    this.thr = new Float64Array(N);
    this.flags = new Uint8Array(N);
    this.left = new Int32Array(N);
    this.right = new Int32Array(N);
    this.cover = new Float64Array(N);
    this.valOff = new Int32Array(N);
    this.vals = new Float64Array(V);
    this.catStart = new Int32Array(N);
    this.catEnd = new Int32Array(N);
    this.catWords = new Uint32Array(W);
    this.roots = new Int32Array(T);
    this.width = new Int32Array(T);
    this.outOff = new Int32Array(T);
    this.scale = new Float64Array(T);
    let n0 = 0;
    let v0 = 0;
    let w0 = 0;
    view.trees.forEach((t, ti) => {
      this.roots[ti] = n0;
      this.width[ti] = t.width;
      this.outOff[ti] = t.outputOffset;
      this.scale[ti] = t.scale;
      for (let i = 0; i < t.nNodes; i++) {
        const j = n0 + i;
        this.feat[j] = t.feature[i];
        this.thr[j] = t.threshold[i];
        this.flags[j] = t.flags[i];
        this.left[j] = t.left[i] < 0 ? -1 : n0 + t.left[i];
        this.right[j] = t.right[i] < 0 ? -1 : n0 + t.right[i];
        this.cover[j] = t.cover[i];
        this.valOff[j] = v0 + i * t.width;
        this.catStart[j] = w0 + t.catStart[i];
        this.catEnd[j] = w0 + t.catEnd[i];
      }
      this.vals.set(t.values, v0);
      this.catWords.set(t.catWords, w0);
      n0 += t.nNodes;
      v0 += t.values.length;
      w0 += t.catWords.length;
    });
    // Path stack: depth d needs d + 2 elements on top of its parent's (root dummy included).
    const size = ((depth + 2) * (depth + 3)) / 2 + 1;
    this.pf = new Int32Array(size);
    this.pz = new Float64Array(size);
    this.po = new Float64Array(size);
    this.pw = new Float64Array(size);
  }

  /**
   * Add the contributions of row `x[xb .. xb + nFeatures)` to phi[pb + feature·K + output]
   * (K = nOutputs), over every tree.
   */
  addRow(x: Float64Array, xb: number, phi: Float64Array, pb: number, condition = 0, condFeature = -1): void {
    for (let t = 0; t < this.roots.length; t++) {
      this.tree = t;
      this.recurse(this.roots[t], 0, 0, 1, 1, -1, condition, condFeature, 1, x, xb, phi, pb);
    }
  }

  private tree = 0;

  private goLeft(node: number, v: number): boolean {
    const f = this.flags[node];
    if (f & SPLIT_CATEGORICAL) {
      if (!(v >= 0)) return (f & SPLIT_DEFAULT_LEFT) !== 0;
      const w = this.catStart[node] + (v >>> 5);
      return w < this.catEnd[node] && ((this.catWords[w] >>> (v & 31)) & 1) === 1;
    }
    if (v !== v) return (f & SPLIT_DEFAULT_LEFT) !== 0;
    return v <= this.thr[node];
  }

  private recurse(
    node: number, depth: number, parent: number, zero: number, one: number, feature: number,
    condition: number, condFeature: number, condFraction: number,
    x: Float64Array, xb: number, phi: Float64Array, pb: number,
  ): void {
    if (condFraction === 0) return;
    const { pf, pz, po, pw } = this;
    const s = parent + depth + 1;
    for (let i = 0; i <= depth; i++) {
      pf[s + i] = pf[parent + i];
      pz[s + i] = pz[parent + i];
      po[s + i] = po[parent + i];
      pw[s + i] = pw[parent + i];
    }
    if (condition === 0 || condFeature !== feature) this.extend(s, depth, zero, one, feature);
    let d = depth;
    const left = this.left[node];
    if (left < 0) {
      this.leaf(node, s, d, condFraction, phi, pb);
      return;
    }
    const split = this.feat[node];
    const right = this.right[node];
    const hotLeft = this.goLeft(node, x[xb + split]);
    const hot = hotLeft ? left : right;
    const cold = hotLeft ? right : left;
    const c = this.cover[node];
    const hotZero = this.cover[hot] / c;
    const coldZero = this.cover[cold] / c;
    let inZero = 1;
    let inOne = 1;
    let k = 1;
    while (k <= d && pf[s + k] !== split) k++;
    if (k <= d) {
      inZero = pz[s + k];
      inOne = po[s + k];
      this.unwind(s, d, k);
      d--;
    }
    let hotFraction = condFraction;
    let coldFraction = condFraction;
    if (condition !== 0 && split === condFeature) {
      if (condition > 0) coldFraction = 0;
      else {
        hotFraction *= hotZero;
        coldFraction *= coldZero;
      }
      d--;
    }
    this.recurse(hot, d + 1, s, hotZero * inZero, inOne, split, condition, condFeature, hotFraction, x, xb, phi, pb);
    this.recurse(cold, d + 1, s, coldZero * inZero, 0, split, condition, condFeature, coldFraction, x, xb, phi, pb);
  }

  /** Contributions of one leaf for every unique feature on the path. */
  private leaf(node: number, s: number, d: number, condFraction: number, phi: Float64Array, pb: number): void {
    const { pf, pz, po } = this;
    const t = this.tree;
    const W = this.width[t];
    const K = this.nOutputs;
    const o0 = pb + this.outOff[t];
    const v0 = this.valOff[node];
    const scale = this.scale[t] * condFraction;
    for (let i = 1; i <= d; i++) {
      const w = this.unwoundSum(s, d, i) * (po[s + i] - pz[s + i]) * scale;
      const base = o0 + pf[s + i] * K;
      for (let k = 0; k < W; k++) phi[base + k] += w * this.vals[v0 + k];
    }
  }

  /** Add a feature to the path with the given zero/one fractions (the paper's EXTEND). */
  private extend(s: number, d: number, zero: number, one: number, feature: number): void {
    const { pf, pz, po, pw } = this;
    pf[s + d] = feature;
    pz[s + d] = zero;
    po[s + d] = one;
    pw[s + d] = d === 0 ? 1 : 0;
    const inv = 1 / (d + 1);
    for (let i = d - 1; i >= 0; i--) {
      pw[s + i + 1] += one * pw[s + i] * (i + 1) * inv;
      pw[s + i] = zero * pw[s + i] * (d - i) * inv;
    }
  }

  /** Remove element k from the path, undoing its EXTEND (the paper's UNWIND). */
  private unwind(s: number, d: number, k: number): void {
    const { pf, pz, po, pw } = this;
    const one = po[s + k];
    const zero = pz[s + k];
    let next = pw[s + d];
    for (let i = d - 1; i >= 0; i--) {
      if (one !== 0) {
        const tmp = pw[s + i];
        pw[s + i] = (next * (d + 1)) / ((i + 1) * one);
        next = tmp - (pw[s + i] * zero * (d - i)) / (d + 1);
      } else {
        pw[s + i] = (pw[s + i] * (d + 1)) / (zero * (d - i));
      }
    }
    for (let i = k; i < d; i++) {
      pf[s + i] = pf[s + i + 1];
      pz[s + i] = pz[s + i + 1];
      po[s + i] = po[s + i + 1];
    }
  }

  /** Σ of the permutation weights with element k unwound, without changing the path. */
  private unwoundSum(s: number, d: number, k: number): number {
    const { pz, po, pw } = this;
    const one = po[s + k];
    const zero = pz[s + k];
    let total = 0;
    if (one !== 0) {
      let next = pw[s + d];
      for (let i = d - 1; i >= 0; i--) {
        const tmp = (next * (d + 1)) / ((i + 1) * one);
        total += tmp;
        next = pw[s + i] - (tmp * zero * (d - i)) / (d + 1);
      }
    } else {
      for (let i = d - 1; i >= 0; i--) total += (pw[s + i] * (d + 1)) / (zero * (d - i));
    }
    return total;
  }
}
