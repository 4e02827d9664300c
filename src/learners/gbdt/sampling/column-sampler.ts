/**
 * @module learners/gbdt/sampling/column-sampler
 * Feature sampling: `feature_fraction` picks the features of each tree (histograms are built
 * only for them), `feature_fraction_bynode` picks a subset of those at every node (only the
 * split search is restricted). Counts follow LightGBM: round(total · fraction), at least 1.
 */
import type { Rng } from '../../../common/random.js';
import type { DatasetLayout } from '../dataset.js';

/** The features a tree uses, in the shapes the histogram kernels want. */
export interface TreeFeatures {
  /** Active features, increasing. */
  readonly features: Int32Array;
  /** Narrow-block word runs [start, end) that hold an active feature, as pairs. */
  readonly wordRuns: Int32Array;
  /** Active wide features. */
  readonly wide: Int32Array;
}

export function treeFeatures(layout: DatasetLayout, active: ArrayLike<number>): TreeFeatures {
  const features = Int32Array.from(active).sort();
  const words = new Uint8Array(layout.narrowWords);
  const wide: number[] = [];
  for (const f of features) {
    if (layout.featureWide[f]) wide.push(f);
    else words[layout.featureCol[f] >> 2] = 1;
  }
  const runs: number[] = [];
  for (let w = 0; w < words.length; w++) {
    if (!words[w]) continue;
    if (runs.length > 0 && runs[runs.length - 1] === w) runs[runs.length - 1] = w + 1;
    else runs.push(w, w + 1);
  }
  return { features, wordRuns: Int32Array.from(runs), wide: Int32Array.from(wide) };
}

/** How many of `total` a fraction keeps (LightGBM's rounding, at least one). */
export function sampleCount(total: number, fraction: number): number {
  return Math.max(1, Math.min(total, Math.round(total * fraction)));
}

export class ColumnSampler {
  private readonly all: TreeFeatures;
  private current: TreeFeatures;
  private readonly nodeBuffer: Int32Array;

  constructor(
    private readonly layout: DatasetLayout,
    private readonly usable: Int32Array,
    private readonly fractionByTree: number,
    private readonly fractionByNode: number,
    private readonly treeRng: Rng,
    private readonly nodeRng: Rng,
  ) {
    this.all = treeFeatures(layout, usable);
    this.current = this.all;
    this.nodeBuffer = new Int32Array(usable.length);
  }

  /** Draw the features of the next tree. */
  nextTree(): TreeFeatures {
    if (this.fractionByTree >= 1) return (this.current = this.all);
    const k = sampleCount(this.usable.length, this.fractionByTree);
    const pick = this.treeRng.sampleIndices(this.usable.length, k);
    return (this.current = treeFeatures(this.layout, Array.from(pick, (i) => this.usable[i])));
  }

  /** The features a node may split on: a view valid until the next call. */
  forNode(): { features: Int32Array; count: number } {
    const feats = this.current.features;
    if (this.fractionByNode >= 1) return { features: feats, count: feats.length };
    const k = sampleCount(feats.length, this.fractionByNode);
    const pick = this.nodeRng.sampleIndices(feats.length, k);
    for (let i = 0; i < k; i++) this.nodeBuffer[i] = feats[pick[i]];
    return { features: this.nodeBuffer, count: k };
  }
}
