/**
 * @module explain/quadrature-tree-shap
 * The same exact path-dependent TreeSHAP values as Algorithm 2 (tree-shap-kernel.ts), computed
 * in O(nodes · depth/2) per tree and row instead of O(leaves · depth²), by writing the Shapley
 * weights as an integral (the idea behind Linear TreeShap, Yu et al. 2022):
 *
 *   for a leaf with unique path features j (merged zero fraction Z_j, one fraction O_j ∈ {0,1})
 *   and value v, feature i gets  (O_i − Z_i) · v · ∫₀¹ Π_{j≠i} (Z_j(1−t) + O_j t) dt,
 *
 * because Σ_{|S|=s} (coefficients of t^s) weighted by s!(d−1−s)!/d! = ∫ t^s (1−t)^{d−1−s} dt.
 * The integrand has degree < depth, so Gauss–Legendre with ⌈depth/2⌉ points is exact. One
 * depth-first pass per tree keeps the path product P(t_q) = Π_j F_j(t_q) top-down, sums
 * S(t_q) = Σ_leaves v·P(t_q) bottom-up, and credits each edge with the leaves for which it is
 * the deepest split on its feature (its subtree minus the subtrees of the nearest deeper
 * splits on the same feature): φ_f += (O − Z) Σ_q w_q (S_e − S_deeper)(t_q) / F_e(t_q).
 *
 * Conditioning (interaction values) makes the fixed feature a constant factor (O present,
 * Z absent) and not a player, exactly as conditional TreeSHAP does. Requires covers > 0.
 * The trees are flattened into shared typed arrays and the pass is a closure over them, so
 * the hot loop reads no object properties.
 */
import { gaussLegendre } from './gauss-legendre.js';
import { edgeTables, maxUniqueFeatures } from './quadrature-tables.js';
import { type EnsembleView, SPLIT_CATEGORICAL, SPLIT_DEFAULT_LEFT, treeDepth } from './tree-view.js';

export type AddRow = (x: Float64Array, xb: number, phi: Float64Array, pb: number, condition?: number, condFeature?: number) => void;

export class QuadratureTreeShap {
  readonly nFeatures: number;
  readonly nOutputs: number;
  /**
   * Add the contributions of row x[xb …] to phi[pb + feature·K + output] over every tree.
   * `condition` +1 / −1 fixes feature `condFeature` present / absent; 0 = plain SHAP values.
   */
  readonly addRow: AddRow;

  constructor(view: EnsembleView) {
    this.nFeatures = view.features.length;
    this.nOutputs = view.outputs.length;
    this.addRow = compile(view);
  }
}

function compile(view: EnsembleView): AddRow {
  const M = view.features.length;
  const K = view.outputs.length;
  const trees = view.trees;
  const T = trees.length;
  let N = 0;
  let V = 0;
  let CW = 0;
  let depth = 0;
  for (const t of trees) {
    N += t.nNodes;
    V += t.values.length;
    CW += t.catWords.length;
    depth = Math.max(depth, treeDepth(t));
  }
  const feat = new Int32Array(N);
  const thr = new Float64Array(N);
  const flags = new Uint8Array(N);
  const left = new Int32Array(N);
  const right = new Int32Array(N);
  const valOff = new Int32Array(N);
  const vals = new Float64Array(V);
  const catStart = new Int32Array(N);
  const catEnd = new Int32Array(N);
  const catWords = new Uint32Array(CW);
  const root = new Int32Array(T);
  const width = new Int32Array(T);
  const outOff = new Int32Array(T);
  const scale = new Float64Array(T);
  const qOf = new Int32Array(T);
  let n0 = 0;
  let v0 = 0;
  let w0 = 0;
  trees.forEach((t, ti) => {
    root[ti] = n0;
    width[ti] = t.width;
    outOff[ti] = t.outputOffset;
    scale[ti] = t.scale;
    qOf[ti] = Math.max(1, Math.ceil(maxUniqueFeatures(t) / 2));
    for (let i = 0; i < t.nNodes; i++) {
      const j = n0 + i;
      const l = t.left[i];
      feat[j] = t.feature[i];
      thr[j] = t.threshold[i];
      flags[j] = t.flags[i];
      left[j] = l < 0 ? -1 : n0 + l;
      right[j] = l < 0 ? -1 : n0 + t.right[i];
      valOff[j] = v0 + i * t.width;
      catStart[j] = w0 + t.catStart[i];
      catEnd[j] = w0 + t.catEnd[i];
    }
    vals.set(t.values, v0);
    catWords.set(t.catWords, w0);
    n0 += t.nNodes;
    v0 += t.values.length;
    w0 += t.catWords.length;
  });
  // Per edge (node, side) and one-fraction o ∈ {0, 1}: 1/F(t_q) and w_q/F(t_q), where
  // F(t) = Z(1−t) + o·t and Z is the edge's merged zero fraction (row-independent: the
  // product of cover ratios of this split and the splits on the same feature above it).
  const tab = edgeTables(trees, qOf, root, N, M);
  const { tabBase, invF, wInvF, edgeZ, dupBelow } = tab;
  const maxQ = Math.max(1, ...qOf);
  const maxW = Math.max(1, ...width);
  const stride = maxW * maxQ;
  const levels = depth + 2;
  // Per feature: merged fractions of its splits on the current path, and the offset in `sub`
  // where its nearest deeper splits' sums are collected (-1: no split on it above).
  const curZ = new Float64Array(M);
  const curO = new Float64Array(M);
  const onPath = new Uint8Array(M);
  const subAt = new Int32Array(M).fill(-1);
  const tabAt = new Int32Array(M);
  // Per path level: product P (Q values), deeper-split sums (W·Q); per level and side:
  // subtree sums S (W·Q), so a node adds its two children's S without zeroing first.
  const P = new Float64Array(levels * maxQ);
  const S = new Float64Array(2 * levels * stride);
  const sub = new Float64Array(levels * stride);
  let nodes: Float64Array = new Float64Array(0);
  let Q = 1;
  let W = 1;
  let tOut = 0;
  let tScale = 1;
  let x: Float64Array = new Float64Array(0);
  let xb = 0;
  let phi: Float64Array = new Float64Array(0);
  let pb = 0;
  let cond = 0;
  let condF = -1;

  const goLeft = (node: number, v: number): boolean => {
    const f = flags[node];
    if (f & SPLIT_CATEGORICAL) {
      if (!(v >= 0)) return (f & SPLIT_DEFAULT_LEFT) !== 0;
      const w = catStart[node] + (v >>> 5);
      return w < catEnd[node] && ((catWords[w] >>> (v & 31)) & 1) === 1;
    }
    if (v !== v) return (f & SPLIT_DEFAULT_LEFT) !== 0;
    return v <= thr[node];
  };

  /** Visit `node` at path level `lvl`; its S goes to slot (lvl, side) of the S buffer. */
  const visit = (node: number, lvl: number, side0: number): void => {
    const sOff = (2 * lvl + side0) * stride;
    const pOff = lvl * maxQ;
    const WQ = W * Q;
    if (left[node] < 0) {
      const v = valOff[node];
      for (let k = 0; k < W; k++) {
        const value = vals[v + k];
        for (let q = 0; q < Q; q++) S[sOff + k * Q + q] = value * P[pOff + q];
      }
      return;
    }
    const f = feat[node];
    const hotLeft = goLeft(node, x[xb + f]);
    const conditioned = cond !== 0 && f === condF;
    const was = onPath[f];
    const oldZ = was ? curZ[f] : 1;
    const oldO = was ? curO[f] : 1;
    const oldSub = subAt[f];
    const oldTab = tabAt[f];
    const cpOff = pOff + maxQ;
    const subOff = (lvl + 1) * stride;
    let done = 0;
    for (let side = 0; side < 2; side++) {
      const child = side === 0 ? left[node] : right[node];
      const cOff = (2 * (lvl + 1) + side) * stride;
      const one = (side === 0) === hotLeft ? oldO : 0;
      const edge = 2 * node + side;
      const zero = edgeZ[edge];
      const tb = tabBase[node] + (side * 2 + one) * Q;
      if (conditioned) {
        if (cond > 0 && one === 0) continue; // fixed present: x never goes this way
        const ratio = cond > 0 ? one / oldO : zero / oldZ;
        for (let q = 0; q < Q; q++) P[cpOff + q] = P[pOff + q] * ratio;
      } else if (was) {
        for (let q = 0; q < Q; q++) P[cpOff + q] = P[pOff + q] * invF[oldTab + q] * (zero + (one - zero) * nodes[q]);
      } else {
        for (let q = 0; q < Q; q++) P[cpOff + q] = P[pOff + q] * (zero + (one - zero) * nodes[q]);
      }
      const deeper = !conditioned && dupBelow[edge] === 1;
      onPath[f] = 1;
      curZ[f] = zero;
      curO[f] = one;
      tabAt[f] = tb;
      if (deeper) {
        subAt[f] = subOff;
        for (let k = 0; k < WQ; k++) sub[subOff + k] = 0;
      }
      visit(child, lvl + 1, side);
      onPath[f] = was;
      curZ[f] = oldZ;
      curO[f] = oldO;
      subAt[f] = oldSub;
      tabAt[f] = oldTab;
      if (!conditioned) {
        // Leaves for which this edge is the deepest split on f: the child's subtree minus
        // the subtrees of the nearest deeper splits on f (collected in sub meanwhile).
        const base = pb + f * K + tOut;
        const coef = (one - zero) * tScale;
        for (let k = 0; k < W; k++) {
          let acc = 0;
          const o = cOff + k * Q;
          if (deeper) for (let q = 0; q < Q; q++) acc += (S[o + q] - sub[subOff + k * Q + q]) * wInvF[tb + q];
          else for (let q = 0; q < Q; q++) acc += S[o + q] * wInvF[tb + q];
          phi[base + k] += coef * acc;
        }
        // This edge is a nearest deeper split for the enclosing split on f, if any.
        if (oldSub >= 0) for (let k = 0; k < WQ; k++) sub[oldSub + k] += S[cOff + k];
      }
      done |= 1 << side;
    }
    const lOff = 2 * (lvl + 1) * stride;
    const rOff = lOff + stride;
    if (done === 3) for (let k = 0; k < WQ; k++) S[sOff + k] = S[lOff + k] + S[rOff + k];
    else if (done === 1) for (let k = 0; k < WQ; k++) S[sOff + k] = S[lOff + k];
    else for (let k = 0; k < WQ; k++) S[sOff + k] = S[rOff + k];
  };

  return (xIn, xbIn, phiOut, pbOut, condition = 0, condFeature = -1) => {
    x = xIn;
    xb = xbIn;
    phi = phiOut;
    pb = pbOut;
    cond = condition;
    condF = condFeature;
    for (let t = 0; t < T; t++) {
      Q = qOf[t];
      W = width[t];
      tOut = outOff[t];
      tScale = scale[t];
      nodes = gaussLegendre(Q).nodes;
      P.fill(1, 0, Q);
      visit(root[t], 0, 0);
    }
  };
}
