/**
 * @module import/tree-builder
 * Foreign trees → our gbdt tree state (learners/gbdt/tree/tree.ts). Importers first describe
 * each tree as nested nodes (`ImportNode`), which lets them rewrite a split into several of
 * ours when the semantics differ (LightGBM's zero-as-missing, XGBoost's categorical default
 * direction) by simply reusing subtrees; `buildTree` then numbers interior nodes in pre-order
 * (every child after its parent, as the loader checks) and leaves in visiting order.
 *
 * Our split semantics, which the importers target:
 *   numeric       NaN → the default side; otherwise `x <= threshold` goes left
 *   categorical   x ≥ 0 whose integer part has its bit set in the bitset goes left; anything
 *                 else (NaN, negative, unset bit, beyond the bitset) goes right
 */
import { DECISION_CATEGORICAL, DECISION_DEFAULT_LEFT, type TreeState } from '../learners/gbdt/tree/tree.js';

export type ImportNode =
  | { readonly leaf: true; readonly value: number; readonly count?: number }
  | {
      readonly leaf: false;
      readonly feature: number;
      /** `x <= leq` (numeric) or bitset words over category values (categorical). */
      readonly test: { readonly leq: number } | { readonly bitset: readonly number[] };
      readonly defaultLeft: boolean;
      readonly left: ImportNode;
      readonly right: ImportNode;
      readonly gain?: number;
      readonly count?: number;
      readonly value?: number;
    };

/** Bitset words (32 bits each) with the bits of `values` set. */
export function bitsetOf(values: readonly number[]): number[] {
  const max = values.reduce((m, v) => Math.max(m, v), 0);
  const words = new Array<number>((max >> 5) + 1).fill(0);
  for (const v of values) words[v >> 5] = (words[v >> 5] | (1 << (v & 31))) >>> 0;
  return words;
}

/** Our tree state for one imported tree. */
export function buildTree(root: ImportNode): TreeState {
  const s = {
    numLeaves: 0,
    splitFeature: [] as number[],
    threshold: [] as (number | string)[],
    decisionType: [] as number[],
    leftChild: [] as number[],
    rightChild: [] as number[],
    splitGain: [] as number[],
    internalValue: [] as number[],
    internalCount: [] as number[],
    leafValue: [] as number[],
    leafCount: [] as number[],
    catBoundaries: [0],
    catThreshold: [] as number[],
  };
  /** Returns the child reference: node index ≥ 0, or ~leaf. */
  const visit = (n: ImportNode): number => {
    if (n.leaf) {
      s.leafValue.push(n.value);
      s.leafCount.push(n.count ?? 0);
      return ~(s.leafValue.length - 1);
    }
    const i = s.splitFeature.length;
    s.splitFeature.push(n.feature);
    if ('leq' in n.test) {
      s.threshold.push(Number.isFinite(n.test.leq) ? n.test.leq : String(n.test.leq));
      s.decisionType.push(n.defaultLeft ? DECISION_DEFAULT_LEFT : 0);
    } else {
      s.threshold.push(s.catBoundaries.length - 1);
      s.catThreshold.push(...n.test.bitset);
      s.catBoundaries.push(s.catThreshold.length);
      s.decisionType.push(DECISION_CATEGORICAL | (n.defaultLeft ? DECISION_DEFAULT_LEFT : 0));
    }
    s.leftChild.push(0);
    s.rightChild.push(0);
    s.splitGain.push(n.gain ?? 0);
    s.internalValue.push(n.value ?? 0);
    s.internalCount.push(n.count ?? 0);
    s.leftChild[i] = visit(n.left);
    s.rightChild[i] = visit(n.right);
    return i;
  };
  visit(root);
  s.numLeaves = s.leafValue.length;
  return s;
}

/** A tree that adds `value` to every row. */
export function constantTree(value: number): TreeState {
  return buildTree({ leaf: true, value });
}
