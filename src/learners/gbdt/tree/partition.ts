/**
 * @module learners/gbdt/tree/partition
 * Which rows sit in which leaf (LightGBM's DataPartition): one index array where every leaf
 * owns a contiguous range. Splitting a leaf partitions its range stably — left rows first,
 * in their original order — so each leaf's rows stay sorted (forward memory access in the
 * histogram kernel) and the result does not depend on how the work is divided.
 */
import type { BinnedDataset } from '../dataset.js';

export class DataPartition {
  /** Row indices, grouped by leaf. Shared with worker threads when `shared`. */
  readonly indices: Int32Array;
  readonly leafBegin: Int32Array;
  readonly leafCount: Int32Array;
  private readonly scratch: Int32Array;
  /** Rows in use this tree (all rows, or the bag). */
  used = 0;

  constructor(nRows: number, maxLeaves: number, indices: Int32Array) {
    this.indices = indices;
    this.scratch = new Int32Array(nRows);
    this.leafBegin = new Int32Array(maxLeaves);
    this.leafCount = new Int32Array(maxLeaves);
  }

  /** Put every row (or the bagged rows, sorted) in leaf 0. */
  reset(nRows: number, bag: Int32Array | null): void {
    if (bag) {
      this.indices.set(bag);
      this.used = bag.length;
    } else {
      for (let i = 0; i < nRows; i++) this.indices[i] = i;
      this.used = nRows;
    }
    this.leafBegin.fill(0);
    this.leafCount.fill(0);
    this.leafCount[0] = this.used;
  }

  /**
   * Split `leaf`: rows whose bin of `feature` has goLeft[bin] = 1 (values 0/1 only) stay in `leaf`, the others
   * move to `newLeaf`. Returns the left count.
   */
  split(leaf: number, newLeaf: number, data: BinnedDataset, feature: number, goLeft: Uint8Array): number {
    const begin = this.leafBegin[leaf];
    const count = this.leafCount[leaf];
    const idx = this.indices;
    const tmp = this.scratch;
    const L = data.layout;
    const col = L.featureCol[feature];
    let nl = 0;
    let nr = 0;
    if (L.featureWide[feature]) {
      const wide = data.wide;
      const stride = L.wideStride;
      for (let i = begin, end = begin + count; i < end; i++) {
        const r = idx[i];
        const g = goLeft[wide[r * stride + col]];
        idx[begin + nl] = r;
        tmp[nr] = r;
        nl += g;
        nr += 1 - g;
      }
    } else {
      const narrow = data.narrow;
      const words = L.narrowWords;
      const w = col >> 2;
      const shift = (col & 3) << 3;
      // Branch-free: write the row to both sides and advance one cursor. Which side a row
      // takes is a coin flip to the branch predictor, and mispredictions dominated this loop.
      // idx[begin + nl] never overtakes the read position i, so the in-place write is safe.
      for (let i = begin, end = begin + count; i < end; i++) {
        const r = idx[i];
        const g = goLeft[(narrow[r * words + w] >>> shift) & 255];
        idx[begin + nl] = r;
        tmp[nr] = r;
        nl += g;
        nr += 1 - g;
      }
    }
    idx.set(tmp.subarray(0, nr), begin + nl);
    this.leafCount[leaf] = nl;
    this.leafBegin[newLeaf] = begin + nl;
    this.leafCount[newLeaf] = nr;
    return nl;
  }
}
