/** Isolation forest: c(n), scores vs scikit-learn's ROC AUC on creditcard fraud, thresholds, errors. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/common/random.js';
import { float64Column } from '../../../src/data/frame/column.js';
import { Frame } from '../../../src/data/frame/frame.js';
import { InvalidParamError } from '../../../src/errors.js';
import { detectAnomalies } from '../../../src/learners/anomaly/detect-anomalies.js';
import { IsolationForest } from '../../../src/learners/anomaly/isolation-forest.js';
import { IsolationForestModel } from '../../../src/learners/anomaly/isolation-forest-model.js';
import { averagePathLength } from '../../../src/learners/anomaly/path-length.js';
import { rocAucScore } from '../../../src/metrics/classification/roc-auc.js';
import { hasDatasets, readNumericCsv, sklearnReference } from '../unsupervised/helpers.js';

/** 500 normal rows in 3 dimensions plus 5 far-away rows at the end. */
function withOutliers(seed = 1): Frame {
  const rng = new Rng(seed);
  const cols = [0, 1, 2].map(() => new Float64Array(505));
  for (let i = 0; i < 505; i++) for (const c of cols) c[i] = i < 500 ? rng.normal() : 8 + rng.normal();
  return Frame.fromColumns(cols.map((v, j) => float64Column(`x${j}`, v)));
}

describe('averagePathLength', () => {
  it("uses scikit-learn's constants", () => {
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
    expect(averagePathLength(256)).toBeCloseTo(2 * (Math.log(255) + 0.5772156649015329) - (2 * 255) / 256, 14);
  });
});

describe.skipIf(!hasDatasets)('isolation forest vs scikit-learn on creditcard_fraud_subset', () => {
  it('ROC AUC averaged over 5 seeds is within 0.02 of scikit-learn\'s', async () => {
    const ref = sklearnReference().iforest_creditcard;
    const { X, y } = readNumericCsv('creditcard_fraud_subset.csv', 'Class');
    const truth = Int32Array.from(y, (v) => Number(v));
    const aucs: number[] = [];
    for (let seed = 0; seed < 5; seed++) {
      const model = await new IsolationForest({ n_estimators: ref.n_estimators, max_samples: ref.max_samples, seed }).fit({ X });
      aucs.push(rocAucScore(truth, model.scoreSamples(X)));
    }
    const mean = aucs.reduce((a, b) => a + b) / aucs.length;
    // scikit-learn's AUC over 10 seeds: 0.913 ± 0.005 (sd); 0.02 is four of its standard deviations.
    expect(Math.abs(mean - ref.auc_mean)).toBeLessThan(0.02);
  });
});

describe('isolation forest', () => {
  const X = withOutliers();
  it('scores far rows highest, in (0, 1]', async () => {
    const model = await new IsolationForest({ seed: 2 }).fit({ X });
    const s = model.scoreSamples(X);
    expect(s.every((v) => v > 0 && v <= 1)).toBe(true);
    const order = Array.from(s.keys()).sort((a, b) => s[b] - s[a]);
    expect(order.slice(0, 5).sort((a, b) => a - b)).toEqual([500, 501, 502, 503, 504]);
    expect(model.threshold).toBe(0.5); // contamination 'auto'
  });

  it('flags the top share of rows for a given contamination', async () => {
    const r = await detectAnomalies(X, { contamination: 0.01, seed: 3 });
    // numpy's percentile: position 0.99 × 504 = 498.96 lies between sorted rows 498 and 499, so
    // the 6 rows from 499 up score above it (scikit-learn flags the same 6).
    expect(r.nFlagged).toBe(6);
    expect(r.top.slice(0, 5).map((t) => t.row).sort((a, b) => a - b)).toEqual([500, 501, 502, 503, 504]);
    expect(Array.from(r.flags.slice(500))).toEqual([1, 1, 1, 1, 1]);
  });

  it('trees respect the depth limit ⌈log2 max_samples⌉', async () => {
    const model = await new IsolationForest({ n_estimators: 5, max_samples: 64 }).fit({ X });
    for (const tree of model.trees) {
      const depth = (node: number): number => (tree.feature[node] < 0 ? 0 : 1 + Math.max(depth(tree.left[node]), depth(tree.right[node])));
      expect(depth(0)).toBeLessThanOrEqual(6);
    }
  });

  it('is deterministic by seed and round-trips through JSON', async () => {
    const a = await new IsolationForest({ n_estimators: 30, seed: 7 }).fit({ X });
    const b = await new IsolationForest({ n_estimators: 30, seed: 7 }).fit({ X });
    expect(JSON.stringify(b.toJSON())).toBe(JSON.stringify(a.toJSON()));
    const back = IsolationForestModel.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    expect(back.scoreSamples(X)).toEqual(a.scoreSamples(X));
  });

  it('rejects a contamination outside (0, 0.5] and sample weights', async () => {
    expect(() => new IsolationForest({ contamination: '0.7' })).toThrow(InvalidParamError);
    expect(() => new IsolationForest({ contamination: 'lots' })).toThrow(/must be 'auto' or a number in \(0, 0.5\]/);
    expect(() => new IsolationForest({ contamination: 0.1 })).not.toThrow();
    await expect(new IsolationForest().fit({ X, weight: new Float64Array(X.nRows) })).rejects.toMatchObject({ code: 'MW_PARAM_INVALID' });
  });
});
