/**
 * @module learners/forest/tree-job
 * Everything needed to grow a batch of trees, as plain data (typed arrays and numbers), so
 * the same function runs on the main thread or in a worker. Tree t uses its own seed
 * `seeds[t]` for the bootstrap draw and the splits, so the forest does not depend on how
 * trees are spread over threads.
 */
import { Rng } from '../../common/random.js';
import type { BinnedDataset } from './binning/binned-dataset.js';
import { treeSample } from './bootstrap.js';
import { type GrowSettings, type GrownTree, growTree } from './tree/grower.js';

export interface ForestJob {
  readonly data: BinnedDataset;
  /** Class index or regression value per row. */
  readonly target: Float64Array;
  /** Sample × class weights per row. */
  readonly baseWeight: Float64Array;
  readonly grow: GrowSettings;
  readonly bootstrap: boolean;
  readonly maxSamples: number;
  /** Recompute balanced class weights on each bootstrap sample. */
  readonly balancedSubsample: boolean;
}

/** Grow the trees with the given seeds, in order. */
export function runTreeJob(job: ForestJob, seeds: readonly number[]): GrownTree[] {
  return seeds.map((seed) => {
    const rng = new Rng(seed);
    const sub = job.balancedSubsample ? { y: job.target, K: job.grow.nClasses } : undefined;
    const { weight } = treeSample(job.baseWeight, job.bootstrap, job.maxSamples, rng, sub);
    return growTree(job.data, job.target, weight, job.grow, rng);
  });
}

/** The bootstrap counts tree `seed` drew (replayed: the draw is the first use of its rng). */
export function replayCounts(job: ForestJob, seed: number): Int32Array | undefined {
  return treeSample(job.baseWeight, job.bootstrap, job.maxSamples, new Rng(seed)).counts;
}
