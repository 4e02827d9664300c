/**
 * @module learners/forest/binning/binned-dataset
 * The training features as bins, column-major (one Uint8Array per feature), with the bin
 * facts the splitter needs. Built once per fit and shared by every tree (and, through
 * SharedArrayBuffer, by worker threads).
 */
import type { Rng } from '../../../common/random.js';
import { type FeatureBins, binColumn, fitFeatureBins } from './bin-mapper.js';

export interface BinnedDataset {
  readonly nRows: number;
  readonly nFeatures: number;
  /** nFeatures × nRows bins, feature-major: bins[f * nRows + i]. */
  readonly bins: Uint8Array;
  readonly features: readonly FeatureBins[];
}

/** Bin every column of a float matrix given as columns (NaN = missing). */
export function binDataset(columns: readonly Float64Array[], maxBins: number, rng: Rng, shared = false): BinnedDataset {
  const nRows = columns[0]?.length ?? 0;
  const nFeatures = columns.length;
  const buffer = shared ? new SharedArrayBuffer(nRows * nFeatures) : new ArrayBuffer(nRows * nFeatures);
  const bins = new Uint8Array(buffer);
  const features = columns.map((col, f) => {
    const fb = fitFeatureBins(col, maxBins, rng);
    bins.set(binColumn(col, fb), f * nRows);
    return fb;
  });
  return { nRows, nFeatures, bins, features };
}
