/** PCA and truncated SVD against scikit-learn, inverse transforms, whitening, errors. */
import { describe, expect, it } from 'vitest';
import { Frame } from '../../../src/data/frame/frame.js';
import { DataError } from '../../../src/errors.js';
import { Pca } from '../../../src/learners/decomposition/pca.js';
import { ProjectionModel } from '../../../src/learners/decomposition/projection-model.js';
import { reduceFrame } from '../../../src/learners/decomposition/reduce-frame.js';
import { TruncatedSvd } from '../../../src/learners/decomposition/truncated-svd.js';
import { blobs, hasDatasets, readNumericCsv, sklearnReference } from '../unsupervised/helpers.js';

function row(M: Float64Array, r: number, width: number): number[] {
  return Array.from(M.subarray(r * width, (r + 1) * width));
}

describe.skipIf(!hasDatasets)('pca vs scikit-learn on segment (standardised, full solver)', () => {
  const ref = sklearnReference().pca_segment;
  it('explained variance to 1e-8 and components sign for sign', async () => {
    const { X } = readNumericCsv('segment.csv', 'class');
    const model = await new Pca().fit({ X });
    const d = model.featureNames.length;
    expect(model.nComponents).toBe(ref.explained_variance.length);
    model.explainedVariance.forEach((v, c) => expect(Math.abs(v - ref.explained_variance[c])).toBeLessThan(1e-8));
    model.explainedVarianceRatio.forEach((v, c) => expect(Math.abs(v - ref.explained_variance_ratio[c])).toBeLessThan(1e-10));
    for (let c = 0; c < model.nComponents; c++) {
      // A component is defined only when its variance is separated from its neighbours'; the
      // tail of segment has a zero-variance (constant) column and near-ties, skipped here.
      const ev = ref.explained_variance;
      const gap = Math.min(c > 0 ? ev[c - 1] - ev[c] : Infinity, c + 1 < ev.length ? ev[c] - ev[c + 1] : Infinity);
      if (gap < 1e-4) continue;
      const ours = row(model.components, c, d);
      ours.forEach((v, j) => expect(Math.abs(v - ref.components[c][j])).toBeLessThan(1e-7));
    }
    const scores = model.transform(X.slice(0, 5));
    for (let r = 0; r < 5; r++) for (let c = 0; c < 5; c++) expect(scores[r * model.nComponents + c]).toBeCloseTo(ref.first_rows_scores[r][c], 7);
  });

  it('the randomized solver finds the same leading variances', async () => {
    const { X } = readNumericCsv('segment.csv', 'class');
    const full = await new Pca({ n_components: 3 }).fit({ X });
    const fast = await new Pca({ n_components: 3, svd_solver: 'randomized', seed: 1 }).fit({ X });
    // Randomized SVD with 7 power iterations converges to ~1e-12 on a spectrum this separated.
    fast.explainedVariance.forEach((v, c) => expect(v / full.explainedVariance[c]).toBeCloseTo(1, 8));
  });
});

describe.skipIf(!hasDatasets)('truncated SVD vs scikit-learn (arpack) on raw vehicle values', () => {
  it('singular values, variances and components agree', async () => {
    const ref = sklearnReference().tsvd_vehicle;
    const { X } = readNumericCsv('vehicle.csv', 'Class');
    const model = await new TruncatedSvd({ n_components: 5 }).fit({ X });
    const d = model.featureNames.length;
    model.fit.singularValues.forEach((v, c) => expect(v / ref.singular_values[c]).toBeCloseTo(1, 10));
    model.explainedVariance.forEach((v, c) => expect(v / ref.explained_variance[c]).toBeCloseTo(1, 8));
    model.explainedVarianceRatio.forEach((v, c) => expect(v / ref.explained_variance_ratio[c]).toBeCloseTo(1, 8));
    for (let c = 0; c < 5; c++) row(model.components, c, d).forEach((v, j) => expect(v).toBeCloseTo(ref.components[c][j], 8));
  });
});

describe('pca model', () => {
  const { X } = blobs(150, 3, 4, 6);
  it('inverse_transform of all components gives the data back in original units', async () => {
    const model = await new Pca().fit({ X });
    const back = model.inverseTransform(model.transform(X));
    for (let i = 0; i < X.nRows; i += 17) X.names.forEach((name, j) => expect(back[i * 4 + j]).toBeCloseTo((X.column(name) as { values: Float64Array }).values[i], 9));
  });

  it('whitened scores have unit sample variance', async () => {
    const model = await new Pca({ n_components: 2, whiten: true }).fit({ X });
    const Z = model.transform(X);
    for (let c = 0; c < 2; c++) {
      let s = 0;
      for (let i = 0; i < X.nRows; i++) s += Z[i * 2 + c] ** 2;
      expect(s / (X.nRows - 1)).toBeCloseTo(1, 9);
    }
  });

  it('round-trips through JSON and is deterministic', async () => {
    const model = await new Pca({ n_components: 2, svd_solver: 'randomized', seed: 5 }).fit({ X });
    const again = await new Pca({ n_components: 2, svd_solver: 'randomized', seed: 5 }).fit({ X });
    expect(JSON.stringify(again.toJSON())).toBe(JSON.stringify(model.toJSON()));
    const back = ProjectionModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(back.transform(X)).toEqual(model.transform(X));
  });

  it('reduceFrame reports cumulative ratios and rejects too many components', async () => {
    const r = await reduceFrame(X, { components: 3 });
    expect(r.names).toEqual(['PC1', 'PC2', 'PC3']);
    expect(r.cumulative[2]).toBeCloseTo(r.explainedVarianceRatio.reduce((a, b) => a + b, 0), 14);
    await expect(reduceFrame(X, { components: 5 })).rejects.toBeInstanceOf(DataError);
    await expect(reduceFrame(X, { components: 5 })).rejects.toMatchObject({ code: 'MW_DATA_TOO_SMALL' });
    await expect(reduceFrame(Frame.fromArrays({ a: [1, 2, 3] }), { components: 0 })).rejects.toMatchObject({ code: 'MW_PARAM_INVALID' });
  });
});
