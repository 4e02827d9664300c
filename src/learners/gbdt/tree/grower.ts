/**
 * @module learners/gbdt/tree/grower
 * Leaf-wise (best-first) growth of one tree, as LightGBM's SerialTreeLearner:
 *
 *   root histogram → best split per leaf
 *   repeat until num_leaves: split the leaf with the largest gain
 *     → partition its rows → build the smaller child's histogram
 *     → larger child = parent − smaller (the subtraction trick) → best split of each child
 *
 * Histograms live in a pool with one slot per leaf; the larger child inherits its parent's
 * slot. Children that cannot be split (too few rows, too little hessian, max_depth) get no
 * histogram at all, and the last split builds none.
 */
import type { BinnedDataset } from '../dataset.js';
import type { ColumnSampler, TreeFeatures } from '../sampling/column-sampler.js';
import type { DataPartition } from './partition.js';
import type { HistogramBuilder } from './histogram-builder.js';
import { subtractHistogram } from './histogram.js';
import { type SplitConfig, SplitInfo } from './split-info.js';
import { findBestSplit } from './splitter.js';
import { Tree } from './tree.js';

export interface GrowerConfig extends SplitConfig {
  readonly numLeaves: number;
  /** <= 0: unlimited. */
  readonly maxDepth: number;
}

export class TreeGrower {
  private readonly best: SplitInfo[];
  private readonly scratch = new SplitInfo();
  private readonly sumG: Float64Array;
  private readonly sumH: Float64Array;
  private readonly slot: Int32Array;
  private readonly goLeft: Uint8Array;

  constructor(
    private readonly data: BinnedDataset,
    private readonly cfg: GrowerConfig,
    private readonly builder: HistogramBuilder,
    readonly partition: DataPartition,
  ) {
    const m = cfg.numLeaves;
    this.best = Array.from({ length: m }, () => new SplitInfo());
    this.sumG = new Float64Array(m);
    this.sumH = new Float64Array(m);
    this.slot = new Int32Array(m);
    this.goLeft = new Uint8Array(Math.max(...data.layout.numBins, 2));
  }

  /** Grow one tree on the gradients at `ghBase` over all rows or the bag (sorted). */
  grow(tf: TreeFeatures, sampler: ColumnSampler, ghBase: number, bag: Int32Array | null): Tree {
    const { data, cfg, partition, builder } = this;
    const gh = builder.gh;
    const histSize = data.layout.histSize;
    partition.reset(data.nRows, bag);
    const tree = new Tree(cfg.numLeaves);
    let G = 0;
    let H = 0;
    const idx = partition.indices;
    for (let i = 0; i < partition.used; i++) {
      const p = ghBase + 2 * idx[i];
      G += gh[p];
      H += gh[p + 1];
    }
    this.sumG[0] = G;
    this.sumH[0] = H;
    this.slot[0] = 0;
    for (const b of this.best) b.reset();
    if (this.splittable(tree, 0)) {
      builder.build(tf, 0, partition.used, 0, ghBase);
      this.findSplit(tree, 0, sampler);
    }
    while (tree.numLeaves < cfg.numLeaves) {
      let L = -1;
      for (let l = 0; l < tree.numLeaves; l++) if (this.best[l].feature >= 0 && (L < 0 || this.best[l].gain > this.best[L].gain)) L = l;
      if (L < 0) break;
      const R = this.applySplit(tree, L);
      if (tree.numLeaves >= cfg.numLeaves) break;
      const canL = this.splittable(tree, L);
      const canR = this.splittable(tree, R);
      if (!canL && !canR) continue;
      const nl = partition.leafCount[L];
      const nr = partition.leafCount[R];
      const small = nl < nr ? L : R;
      const large = small === L ? R : L;
      const parentSlot = this.slot[L];
      this.slot[small] = R; // slot R has never been used: leaves and slots are both 0..numLeaves-1
      this.slot[large] = parentSlot;
      const begin = partition.leafBegin[small];
      builder.build(tf, begin, begin + partition.leafCount[small], this.slot[small] * histSize, ghBase);
      if (small === L ? canR : canL) {
        subtractHistogram(builder.hist, parentSlot * histSize, this.slot[small] * histSize, data.layout, tf.features, tf.features.length);
      }
      if (canL) this.findSplit(tree, L, sampler);
      if (canR) this.findSplit(tree, R, sampler);
    }
    return tree;
  }

  private splittable(tree: Tree, leaf: number): boolean {
    const { cfg } = this;
    if (cfg.maxDepth > 0 && tree.leafDepth[leaf] >= cfg.maxDepth) return false;
    return this.partition.leafCount[leaf] >= 2 * cfg.minDataInLeaf && this.sumH[leaf] >= 2 * cfg.minSumHessianInLeaf;
  }

  private findSplit(tree: Tree, leaf: number, sampler: ColumnSampler): void {
    const { features, count } = sampler.forNode();
    findBestSplit(
      this.builder.hist, this.slot[leaf] * this.data.layout.histSize, this.data.layout, features, count,
      this.sumG[leaf], this.sumH[leaf], this.partition.leafCount[leaf], this.cfg, this.best[leaf], this.scratch,
    );
  }

  /** Partition the rows of leaf L by its best split and record the split in the tree. */
  private applySplit(tree: Tree, L: number): number {
    const s = this.best[L];
    const mapper = this.data.mappers[s.feature];
    const nb = mapper.numBins;
    const goLeft = this.goLeft;
    let binLeft: Uint8Array | null = null;
    let catCodes: number[] | null = null;
    if (s.categorical) {
      goLeft.fill(0, 0, nb);
      for (const b of s.catBins) goLeft[b] = 1;
      binLeft = goLeft.slice(0, nb);
      catCodes = s.catBins.map((b) => mapper.binToCategory[b]);
    } else {
      for (let b = 0; b < nb - 1; b++) goLeft[b] = b <= s.threshold ? 1 : 0;
      goLeft[nb - 1] = s.defaultLeft ? 1 : 0;
    }
    const R = tree.numLeaves;
    const nl = this.partition.split(L, R, this.data, s.feature, goLeft);
    const nr = this.partition.leafCount[R];
    const threshold = s.categorical ? 0 : mapper.upperBound(s.threshold);
    tree.split(L, s.feature, s.threshold, threshold, s.defaultLeft, binLeft, catCodes, s.leftOutput, s.rightOutput, nl, nr, s.gain);
    this.sumG[L] = s.leftG;
    this.sumH[L] = s.leftH;
    this.sumG[R] = s.rightG;
    this.sumH[R] = s.rightH;
    this.best[L].reset();
    this.best[R].reset();
    return R;
  }
}
