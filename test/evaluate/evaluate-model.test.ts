/**
 * evaluateModel on an in-memory model (the Evaluable interface): rows with missing or
 * unknown labels are left out and counted, metrics equal the metrics module on the kept
 * rows, undefined metrics become null with a warning, curves are thinned, and a binary
 * threshold (predictors) decides the predicted class.
 */
import { describe, expect, it } from 'vitest';
import { Frame } from '../../src/data/frame/frame.js';
import { thinIndices } from '../../src/evaluate/curves.js';
import { evaluateModel } from '../../src/evaluate/evaluate-model.js';
import { type Evaluable, predictedClasses } from '../../src/evaluate/labelled-data.js';
import { accuracyScore, logLoss, rocAucScore } from '../../src/metrics/index.js';

/** A fake classifier: P(b) is the column `p`. */
function fake(threshold?: number): Evaluable {
  return {
    task: { target: 'y', task: 'binary', reason: 'test', classes: ['a', 'b'] },
    threshold,
    features: (d) => d.select(['p']),
    output: (X) => {
      const p = (X.column('p') as { values: Float64Array }).values;
      return Float64Array.from({ length: 2 * p.length }, (_, i) => (i % 2 === 1 ? p[i >> 1] : 1 - p[i >> 1]));
    },
  };
}

const data = Frame.fromRows([
  { p: 0.9, y: 'b' }, { p: 0.2, y: 'a' }, { p: 0.6, y: 'a' }, { p: 0.4, y: 'b' },
  { p: 0.7, y: 'b' }, { p: 0.1, y: null }, { p: 0.3, y: 'zzz' }, { p: 0.55, y: 'b' },
]);

describe('evaluateModel', () => {
  it('drops unlabelled rows and rows with unknown labels, and counts them', () => {
    const e = evaluateModel(fake(), data, { bootstrap: 0 });
    expect(e.n).toBe(6);
    expect(e.dropped_rows).toBe(2);
    expect(e.warnings.join(' ')).toMatch(/2 rows were left out/);
    const y = Int32Array.of(1, 0, 0, 1, 1, 1);
    const p = Float64Array.of(0.9, 0.2, 0.6, 0.4, 0.7, 0.55);
    expect(e.metrics.roc_auc).toBeCloseTo(rocAucScore(y, p), 15);
    expect(e.metrics.log_loss).toBeCloseTo(logLoss(y, p), 15);
    expect(e.metrics.accuracy).toBeCloseTo(accuracyScore(y, Int32Array.of(1, 0, 1, 0, 1, 1)), 15);
  });

  it('a predictor threshold decides the class; undefined metrics are null with a warning', () => {
    const e = evaluateModel(fake(0.65), data, { bootstrap: 0 });
    expect(e.confusion_matrix!.matrix).toEqual([[2, 0], [2, 2]]);
    const one = evaluateModel(fake(), data.take([0, 3, 4]), { bootstrap: 10 });
    expect(one.metrics.roc_auc).toBeNull();
    expect(one.warnings.join(' ')).toMatch(/roc_auc is not reported/);
    expect(one.intervals).toEqual({});
  });

  it('predictedClasses: arg-max with first index on ties, or a threshold', () => {
    expect(Array.from(predictedClasses(Float64Array.of(0.5, 0.5, 0.2, 0.8), 2))).toEqual([0, 1]);
    expect(Array.from(predictedClasses(Float64Array.of(0.5, 0.5, 0.2, 0.8), 2, 0.5))).toEqual([1, 1]);
    expect(Array.from(predictedClasses(Float64Array.of(0.2, 0.5, 0.3, 0.4, 0.4, 0.2), 3))).toEqual([1, 0]);
  });

  it('thinIndices keeps both ends and at most max points', () => {
    expect(thinIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const t = thinIndices(1000, 5);
    expect(t).toEqual([0, 250, 500, 749, 999]);
  });
});
