/**
 * @module learners/gbdt/tree/tree
 * One regression tree as flat typed arrays, LightGBM's layout: internal node i has a split
 * feature, a threshold (a raw value: `v <= threshold` goes left) or a categorical bitset over
 * training category codes, a default-left flag for missing values, and children where a
 * negative number ~k is leaf k. Splitting leaf k keeps k as the left child and adds leaf
 * `numLeaves` as the right one.
 *
 * Trees also carry training-only views in bin space (threshold bins, categorical bins) so
 * rows outside the bag and validation rows can be scored from their bins; they are not saved.
 */
import type { BinnedDataset } from '../dataset.js';

export const DECISION_CATEGORICAL = 1;
export const DECISION_DEFAULT_LEFT = 2;

/** A tree as plain JSON data (model files). */
export interface TreeState {
  readonly numLeaves: number;
  readonly splitFeature: number[];
  /** Raw thresholds; +Infinity is written as the string "Infinity" (JSON has no infinities). */
  readonly threshold: (number | string)[];
  readonly decisionType: number[];
  readonly leftChild: number[];
  readonly rightChild: number[];
  readonly splitGain: number[];
  readonly internalValue: number[];
  readonly internalCount: number[];
  readonly leafValue: number[];
  readonly leafCount: number[];
  /** Categorical node j uses words catThreshold[catBoundaries[k]..catBoundaries[k+1]), k = threshold. */
  readonly catBoundaries: number[];
  readonly catThreshold: number[];
}

export class Tree {
  numLeaves = 1;
  splitFeature: Int32Array;
  threshold: Float64Array;
  decisionType: Uint8Array;
  leftChild: Int32Array;
  rightChild: Int32Array;
  splitGain: Float64Array;
  internalValue: Float64Array;
  internalCount: Int32Array;
  leafValue: Float64Array;
  leafCount: Int32Array;
  catBoundaries: number[] = [0];
  catThreshold: number[] = [];
  // Training only.
  leafParent: Int32Array;
  leafDepth: Int32Array;
  thresholdBin: Int32Array;
  /** Per categorical node: 1 for bins that go left. */
  binLeft: (Uint8Array | null)[] = [];

  constructor(maxLeaves: number) {
    const m = Math.max(1, maxLeaves - 1);
    this.splitFeature = new Int32Array(m);
    this.threshold = new Float64Array(m);
    this.decisionType = new Uint8Array(m);
    this.leftChild = new Int32Array(m);
    this.rightChild = new Int32Array(m);
    this.splitGain = new Float64Array(m);
    this.internalValue = new Float64Array(m);
    this.internalCount = new Int32Array(m);
    this.thresholdBin = new Int32Array(m);
    this.leafValue = new Float64Array(maxLeaves);
    this.leafCount = new Int32Array(maxLeaves);
    this.leafParent = new Int32Array(maxLeaves).fill(-1);
    this.leafDepth = new Int32Array(maxLeaves);
  }

  /**
   * Split `leaf` into itself (left) and a new leaf (right); returns the new leaf's index.
   * `catCodes` lists the training category codes that go left (categorical splits only).
   */
  split(
    leaf: number, feature: number, thresholdBin: number, threshold: number, defaultLeft: boolean,
    binLeft: Uint8Array | null, catCodes: readonly number[] | null,
    leftValue: number, rightValue: number, leftCount: number, rightCount: number, gain: number,
  ): number {
    const node = this.numLeaves - 1;
    const parent = this.leafParent[leaf];
    if (parent >= 0) {
      if (this.leftChild[parent] === ~leaf) this.leftChild[parent] = node;
      else this.rightChild[parent] = node;
    }
    const right = this.numLeaves;
    this.splitFeature[node] = feature;
    this.thresholdBin[node] = thresholdBin;
    this.decisionType[node] = (catCodes ? DECISION_CATEGORICAL : 0) | (defaultLeft ? DECISION_DEFAULT_LEFT : 0);
    if (catCodes) {
      this.threshold[node] = this.catBoundaries.length - 1;
      let maxCode = 0;
      for (const c of catCodes) maxCode = Math.max(maxCode, c);
      const words = new Array<number>((maxCode >> 5) + 1).fill(0);
      for (const c of catCodes) words[c >> 5] = (words[c >> 5] | (1 << (c & 31))) >>> 0;
      this.catThreshold.push(...words);
      this.catBoundaries.push(this.catThreshold.length);
    } else this.threshold[node] = threshold;
    this.binLeft[node] = binLeft;
    this.leftChild[node] = ~leaf;
    this.rightChild[node] = ~right;
    this.splitGain[node] = gain;
    this.internalValue[node] = this.leafValue[leaf];
    this.internalCount[node] = leftCount + rightCount;
    this.leafParent[leaf] = node;
    this.leafParent[right] = node;
    this.leafValue[leaf] = leftValue;
    this.leafValue[right] = rightValue;
    this.leafCount[leaf] = leftCount;
    this.leafCount[right] = rightCount;
    this.leafDepth[right] = this.leafDepth[leaf] + 1;
    this.leafDepth[leaf]++;
    this.numLeaves++;
    return right;
  }

  /** Multiply every value by `rate` (learning-rate shrinkage). */
  shrink(rate: number): void {
    for (let i = 0; i < this.numLeaves; i++) this.leafValue[i] *= rate;
    for (let i = 0; i < this.numLeaves - 1; i++) this.internalValue[i] *= rate;
  }

  /** The leaf a row of `data` falls in, traversing by bins. */
  leafOfBinnedRow(data: BinnedDataset, r: number): number {
    let node = this.numLeaves > 1 ? 0 : -1;
    while (node >= 0) {
      const b = data.bin(r, this.splitFeature[node]);
      const binLeft = this.binLeft[node];
      let left: boolean;
      if (binLeft) left = binLeft[b] === 1;
      else if (b === data.layout.numBins[this.splitFeature[node]] - 1) left = (this.decisionType[node] & DECISION_DEFAULT_LEFT) !== 0;
      else left = b <= this.thresholdBin[node];
      node = left ? this.leftChild[node] : this.rightChild[node];
    }
    return ~node;
  }

  /** score[offset + r] += value of the leaf of row r, for the given rows (all when null). */
  addBinnedPredictions(data: BinnedDataset, rows: Int32Array | null, score: Float64Array, offset: number): void {
    const n = rows ? rows.length : data.nRows;
    if (this.numLeaves === 1) {
      for (let i = 0; i < n; i++) score[offset + (rows ? rows[i] : i)] += this.leafValue[0];
      return;
    }
    for (let i = 0; i < n; i++) {
      const r = rows ? rows[i] : i;
      score[offset + r] += this.leafValue[this.leafOfBinnedRow(data, r)];
    }
  }

  toJSON(): TreeState {
    const m = this.numLeaves - 1;
    const nodes = <T extends ArrayLike<number>>(a: T): number[] => Array.from(a).slice(0, m);
    return {
      numLeaves: this.numLeaves,
      splitFeature: nodes(this.splitFeature),
      threshold: nodes(this.threshold).map((v) => (Number.isFinite(v) ? v : String(v))),
      decisionType: nodes(this.decisionType),
      leftChild: nodes(this.leftChild),
      rightChild: nodes(this.rightChild),
      splitGain: nodes(this.splitGain),
      internalValue: nodes(this.internalValue),
      internalCount: nodes(this.internalCount),
      leafValue: Array.from(this.leafValue).slice(0, this.numLeaves),
      leafCount: Array.from(this.leafCount).slice(0, this.numLeaves),
      catBoundaries: [...this.catBoundaries],
      catThreshold: [...this.catThreshold],
    };
  }

  static fromJSON(s: TreeState): Tree {
    const t = new Tree(s.numLeaves);
    t.numLeaves = s.numLeaves;
    t.splitFeature.set(s.splitFeature);
    t.threshold.set(s.threshold.map(Number));
    t.decisionType.set(s.decisionType);
    t.leftChild.set(s.leftChild);
    t.rightChild.set(s.rightChild);
    t.splitGain.set(s.splitGain);
    t.internalValue.set(s.internalValue);
    t.internalCount.set(s.internalCount);
    t.leafValue.set(s.leafValue);
    t.leafCount.set(s.leafCount);
    t.catBoundaries = [...s.catBoundaries];
    t.catThreshold = [...s.catThreshold];
    return t;
  }
}
