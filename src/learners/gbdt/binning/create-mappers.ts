/**
 * @module learners/gbdt/binning/create-mappers
 * Choose every feature's bins from a seeded row sample (LightGBM's `bin_construct_sample_cnt`,
 * 200k by default), so binning cost does not grow with the data beyond one pass to bin it.
 */
import { Rng } from '../../../common/random.js';
import type { AlignedFeatures, FeatureSchema } from '../../feature-schema.js';
import { BinMapper } from './bin-mapper.js';

export interface BinningOptions {
  readonly maxBin: number;
  readonly minDataInBin: number;
  readonly sampleCount: number;
  readonly seed: number;
}

/** One BinMapper per schema feature, from a sample of the aligned training columns. */
export function createBinMappers(aligned: AlignedFeatures, schema: FeatureSchema, opts: BinningOptions): BinMapper[] {
  const n = aligned.nRows;
  const rows = n > opts.sampleCount ? new Rng(opts.seed).sampleIndices(n, opts.sampleCount) : null;
  const m = rows ? rows.length : n;
  return schema.features.map((spec, f) => {
    const col = aligned.columns[f];
    if (spec.kind === 'categorical') {
      const codes = col as Int32Array;
      const sample = rows ? new Int32Array(m) : codes;
      if (rows) for (let i = 0; i < m; i++) sample[i] = codes[rows[i]];
      return BinMapper.categorical(sample, spec.categories?.length ?? 0, opts.maxBin, opts.minDataInBin);
    }
    const values = col as Float64Array;
    const sample = rows ? new Float64Array(m) : values;
    if (rows) for (let i = 0; i < m; i++) sample[i] = values[rows[i]];
    return BinMapper.numeric(sample, opts.maxBin, opts.minDataInBin);
  });
}
