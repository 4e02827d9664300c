/**
 * @module explain/quadrature-tables
 * Row-independent tables of the quadrature TreeSHAP kernel, built once per ensemble:
 *   - per edge (node, side): the merged zero fraction Z (this split's cover ratio times those
 *     of the splits on the same feature above it) and, for one-fraction o ∈ {0, 1} and each
 *     quadrature node t_q, 1/F(t_q) and w_q/F(t_q) with F(t) = Z(1−t) + o·t — so the hot loop
 *     multiplies instead of dividing;
 *   - per edge: whether its feature is split on again below (only then are deeper-split sums
 *     collected);
 *   - per tree: the most distinct features on a path, which fixes the quadrature size.
 */
import { gaussLegendre } from './gauss-legendre.js';
import type { EnsembleView } from './tree-view.js';

/** The per-edge merged zero fractions and 1/F, w/F tables (see compile). */
export function edgeTables(trees: EnsembleView['trees'], qOf: Int32Array, root: Int32Array, N: number, M: number): { tabBase: Int32Array; invF: Float64Array; wInvF: Float64Array; edgeZ: Float64Array; dupBelow: Uint8Array } {
  const tabBase = new Int32Array(N);
  const edgeZ = new Float64Array(2 * N);
  const dupBelow = new Uint8Array(2 * N);
  let size = 0;
  trees.forEach((t, ti) => {
    for (let i = 0; i < t.nNodes; i++) {
      tabBase[root[ti] + i] = size;
      if (t.left[i] >= 0) size += 4 * qOf[ti];
    }
  });
  const invF = new Float64Array(size);
  const wInvF = new Float64Array(size);
  trees.forEach((t, ti) => {
    const has = subtreeFeatures(t, M);
    const words = (M + 31) >>> 5;
    for (let i = 0; i < t.nNodes; i++) {
      if (t.left[i] < 0) continue;
      const f = t.feature[i];
      const g = root[ti] + i;
      dupBelow[2 * g] = (has[t.left[i] * words + (f >>> 5)] >>> (f & 31)) & 1;
      dupBelow[2 * g + 1] = (has[t.right[i] * words + (f >>> 5)] >>> (f & 31)) & 1;
    }
    const Q = qOf[ti];
    const { nodes, weights } = gaussLegendre(Q);
    const zOf = new Map<number, number>();
    const walk = (i: number): void => {
      if (t.left[i] < 0) return;
      const f = t.feature[i];
      const above = zOf.get(f);
      for (let side = 0; side < 2; side++) {
        const child = side === 0 ? t.left[i] : t.right[i];
        const z = (above ?? 1) * (t.cover[child] / t.cover[i]);
        const g = root[ti] + i;
        edgeZ[2 * g + side] = z;
        for (let one = 0; one < 2; one++) {
          const b = tabBase[g] + (side * 2 + one) * Q;
          for (let q = 0; q < Q; q++) {
            const inv = 1 / (z + (one - z) * nodes[q]);
            invF[b + q] = inv;
            wInvF[b + q] = weights[q] * inv;
          }
        }
        zOf.set(f, z);
        walk(child);
        if (above === undefined) zOf.delete(f);
        else zOf.set(f, above);
      }
    };
    walk(0);
  });
  return { tabBase, invF, wInvF, edgeZ, dupBelow };
}

/** Per node, a bitset of the features split on in its subtree (the node included). */
function subtreeFeatures(t: EnsembleView['trees'][number], M: number): Uint32Array {
  const words = (M + 31) >>> 5;
  const has = new Uint32Array(t.nNodes * words);
  const order: number[] = [0];
  for (let q = 0; q < order.length; q++) if (t.left[order[q]] >= 0) order.push(t.left[order[q]], t.right[order[q]]);
  for (let q = order.length - 1; q >= 0; q--) {
    const i = order[q];
    if (t.left[i] < 0) continue;
    const l = t.left[i] * words;
    const r = t.right[i] * words;
    for (let w = 0; w < words; w++) has[i * words + w] = has[l + w] | has[r + w];
    const f = t.feature[i];
    has[i * words + (f >>> 5)] |= 1 << (f & 31);
  }
  return has;
}

/** The most distinct features on any root-to-leaf path (the integrand's degree + 1). */
export function maxUniqueFeatures(t: EnsembleView['trees'][number]): number {
  const count = new Map<number, number>();
  let best = 0;
  const walk = (i: number, unique: number): void => {
    if (t.left[i] < 0) {
      if (unique > best) best = unique;
      return;
    }
    const f = t.feature[i];
    const c = count.get(f) ?? 0;
    count.set(f, c + 1);
    walk(t.left[i], c === 0 ? unique + 1 : unique);
    walk(t.right[i], c === 0 ? unique + 1 : unique);
    count.set(f, c);
  };
  walk(0, 0);
  return best;
}
