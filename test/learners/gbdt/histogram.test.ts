/**
 * Histogram kernels and the subtraction trick against direct summation, over seeded random
 * data of every feature kind: numeric with NaN, narrow categorical, wide categorical (> 256
 * bins, 16-bit storage), constant columns.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { categoricalColumn, float64Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { alignFeatures, featureSchemaOf } from '../../../src/learners/feature-schema.js';
import { createBinMappers } from '../../../src/learners/gbdt/binning/create-mappers.js';
import { BinnedDataset } from '../../../src/learners/gbdt/dataset.js';
import { directFeatureHistogram, subtractHistogram } from '../../../src/learners/gbdt/tree/histogram.js';
import { LocalHistogramBuilder } from '../../../src/learners/gbdt/tree/histogram-builder.js';
import { treeFeatures } from '../../../src/learners/gbdt/sampling/column-sampler.js';

function randomDataset(seed: number, n: number): BinnedDataset {
  const rng = new Rng(seed);
  const cols = [
    float64Column('a', Float64Array.from({ length: n }, () => (rng.next() < 0.1 ? Number.NaN : rng.normal()))),
    float64Column('b', Float64Array.from({ length: n }, () => rng.nextInt(5))),
    categoricalColumn('c', Int32Array.from({ length: n }, () => (rng.next() < 0.05 ? -1 : rng.nextInt(7))), ['a', 'b', 'c', 'd', 'e', 'f', 'g']),
    float64Column('d', new Float64Array(n).fill(3)),
    categoricalColumn('wide', Int32Array.from({ length: n }, () => rng.nextInt(400)), Array.from({ length: 400 }, (_, i) => `w${i}`)),
    float64Column('e', Float64Array.from({ length: n }, () => rng.next() * 100)),
  ];
  const X = Frame.fromColumns(cols);
  const schema = featureSchemaOf(X);
  const aligned = alignFeatures(X, schema);
  const mappers = createBinMappers(aligned, schema, { maxBin: 63, minDataInBin: 1, sampleCount: 200000, seed: 1 });
  return BinnedDataset.build(aligned, mappers);
}

describe('histograms', () => {
  for (const seed of [11, 12, 13]) {
    it(`kernel and subtraction equal direct sums (seed ${seed})`, () => {
      const n = 4000;
      const data = randomDataset(seed, n);
      expect(data.layout.featureWide[4]).toBe(1);
      const rng = new Rng(seed + 100);
      const gh = Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? rng.normal() : rng.next()));
      const F = data.layout.nFeatures;
      // Parent = a random subset (sorted); child = a random subset of the parent.
      const parent = Int32Array.from({ length: n }, (_, i) => i).filter(() => rng.next() < 0.6);
      const child = parent.filter(() => rng.next() < 0.3);
      const sibling = parent.filter((r) => !child.includes(r));
      const indices = new Int32Array(n);
      indices.set(parent, 0);
      indices.set(child, parent.length);
      const hist = new Float64Array(2 * data.layout.histSize);
      const builder = new LocalHistogramBuilder(data, indices, gh, hist);
      const tf = treeFeatures(data.layout, Array.from({ length: F }, (_, f) => f));
      builder.build(tf, 0, parent.length, 0, 0);
      builder.build(tf, parent.length, parent.length + child.length, data.layout.histSize, 0);
      for (let f = 0; f < F; f++) {
        const bins = data.column(f);
        const nb = data.layout.numBins[f];
        const off = data.layout.histOffset[f];
        const direct = directFeatureHistogram(bins, parent, gh, 0, nb);
        expect(Array.from(hist.subarray(off, off + 2 * nb))).toEqual(Array.from(direct)); // same order: bit-identical
      }
      subtractHistogram(hist, 0, data.layout.histSize, data.layout, tf.features, F);
      for (let f = 0; f < F; f++) {
        const nb = data.layout.numBins[f];
        const off = data.layout.histOffset[f];
        const direct = directFeatureHistogram(data.column(f), sibling, gh, 0, nb);
        // Subtraction reorders the additions: equal up to rounding of sums of ~2000 terms.
        for (let j = 0; j < 2 * nb; j++) expect(hist[off + j]).toBeCloseTo(direct[j], 9);
      }
    });
  }

  it('bins every row the way the mapper says', () => {
    const data = randomDataset(5, 500);
    for (let f = 0; f < data.layout.nFeatures; f++) {
      const col = data.column(f);
      for (let r = 0; r < 500; r++) expect(data.bin(r, f)).toBe(col[r]);
      for (let r = 0; r < 500; r++) expect(col[r]).toBeLessThan(data.layout.numBins[f]);
    }
  });
});
