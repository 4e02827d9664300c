/**
 * Edge cases and errors of the metric functions: typed errors with clear messages, and the
 * values of perfect and constant predictions (readable companions to the sklearn fixtures).
 */
import { describe, expect, it } from 'vitest';
import { DataError, InvalidParamError, ModelwrightError } from '../../src/errors.js';
import {
  accuracyScore, averagePrecisionScore, brierScoreLoss, calibrationCurve, cohenKappaScore, confusionMatrix, expectedCalibrationError,
  f1Score, logLoss, matthewsCorrcoef, meanPoissonDeviance, precisionRecallFscorePerClass, r2Score, residualSummary, rocAucScore, rocCurve,
} from '../../src/metrics/index.js';

const i32 = (...v: number[]): Int32Array => Int32Array.from(v);
const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

function thrown(fn: () => unknown): ModelwrightError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ModelwrightError) return err;
    throw err;
  }
  throw new Error('expected a ModelwrightError');
}

describe('ROC AUC on a single class', () => {
  it('throws DataError MW_METRIC_UNDEFINED naming the class', () => {
    const err = thrown(() => rocAucScore(i32(1, 1, 1), f64(0.2, 0.5, 0.9)));
    expect(err).toBeInstanceOf(DataError);
    expect(err.code).toBe('MW_METRIC_UNDEFINED');
    expect(err.message).toMatch(/only class 1/);
    expect(err.hint).toMatch(/positive and negative/);
  });

  it('multiclass: names the classes missing from y_true', () => {
    const proba = f64(0.5, 0.3, 0.2, 0.2, 0.5, 0.3, 0.6, 0.2, 0.2);
    const err = thrown(() => rocAucScore(i32(0, 1, 0), proba));
    expect(err.code).toBe('MW_METRIC_UNDEFINED');
    expect(err.message).toMatch(/class 2 of 3 never occurs/);
  });

  it('multiclass: rows must be probabilities', () => {
    const err = thrown(() => rocAucScore(i32(0, 1, 2), f64(0.5, 0.3, 0.3, 0.2, 0.5, 0.3, 0.6, 0.2, 0.2)));
    expect(err.code).toBe('MW_METRIC_INPUT');
    expect(err.message).toMatch(/row 0 of y_proba sums to 1\.1/);
  });
});

describe('input checks', () => {
  it('length mismatch', () => {
    const err = thrown(() => accuracyScore(i32(0, 1), i32(0)));
    expect(err.code).toBe('MW_METRIC_INPUT');
    expect(err.message).toBe('accuracy_score: y_pred has 1 values but y_true has 2.');
  });

  it('NaN scores name the index', () => {
    expect(thrown(() => rocAucScore(i32(0, 1), f64(0.1, NaN))).message).toMatch(/y_proba holds NaN at index 1/);
    expect(thrown(() => r2Score(f64(1, 2), f64(1, NaN))).message).toMatch(/y_pred holds NaN at index 1/);
  });

  it('labels outside 0..K-1', () => {
    expect(thrown(() => confusionMatrix(i32(0, 3), i32(0, 1), { nClasses: 3 })).message).toMatch(/class 3 at row 1; class indices must lie in \[0, 2\]/);
    expect(thrown(() => logLoss(i32(0, 2), f64(0.3, 0.8))).message).toMatch(/binary task with classes 0 and 1/);
  });

  it('probability matrix of the wrong width', () => {
    expect(thrown(() => logLoss(i32(0, 1), f64(0.2, 0.3, 0.5), { nClasses: 3 })).message).toMatch(/3 values for 2 rows/);
    expect(thrown(() => logLoss(i32(0, 1), f64(0.2, 0.3, 0.5, 0.1, 0.1, 0.8), { nClasses: 2 })).message).toMatch(/3 columns but nClasses is 2/);
  });

  it('negative or all-zero weights', () => {
    expect(thrown(() => accuracyScore(i32(0, 1), i32(0, 1), { sampleWeight: f64(1, -1) })).message).toMatch(/weights must be finite and >= 0/);
    expect(thrown(() => accuracyScore(i32(0, 1), i32(0, 1), { sampleWeight: f64(0, 0) })).message).toMatch(/sums to zero/);
  });

  it('binary average on multiclass labels is a parameter error that suggests the alternatives', () => {
    const err = thrown(() => f1Score(i32(0, 1, 2), i32(0, 2, 1)));
    expect(err).toBeInstanceOf(InvalidParamError);
    expect(err.code).toBe('MW_PARAM_INVALID');
    expect(err.message).toMatch(/'macro'/);
  });

  it('Poisson deviance needs positive predictions', () => {
    expect(thrown(() => meanPoissonDeviance(f64(1, 2), f64(1, 0))).message).toMatch(/y_pred holds 0 at row 1/);
  });

  it('probabilities outside [0, 1]', () => {
    expect(thrown(() => brierScoreLoss(i32(0, 1), f64(0.5, 1.2))).code).toBe('MW_METRIC_INPUT');
    expect(thrown(() => calibrationCurve(i32(0, 1), f64(-0.1, 0.5))).code).toBe('MW_METRIC_INPUT');
  });
});

describe('perfect predictions', () => {
  const y = i32(0, 1, 1, 0, 1, 0);
  const p = f64(0.1, 0.9, 0.8, 0.2, 0.7, 0.3);
  it('score the maximum', () => {
    expect(accuracyScore(y, y)).toBe(1);
    expect(f1Score(y, y)).toBe(1);
    expect(matthewsCorrcoef(y, y)).toBe(1);
    expect(cohenKappaScore(y, y)).toBe(1);
    expect(rocAucScore(y, p)).toBe(1);
    expect(averagePrecisionScore(y, p)).toBe(1);
    expect(r2Score(f64(1, 2, 3), f64(1, 2, 3))).toBe(1);
  });

  it('certain and right is a zero loss, clipped at machine epsilon', () => {
    expect(logLoss(i32(0, 1), f64(0, 1))).toBeCloseTo(-Math.log(1 - Number.EPSILON), 20);
    expect(brierScoreLoss(i32(0, 1), f64(0, 1))).toBe(0);
  });

  it('certain and wrong is large but finite (sklearn 1.2 clips to eps = 2.2e-16)', () => {
    expect(logLoss(i32(1), f64(0))).toBeCloseTo(-Math.log(Number.EPSILON), 10);
  });
});

describe('constant predictions', () => {
  const y = i32(0, 1, 1, 0, 1);
  it('AUC 0.5, MCC 0, kappa 0, r2 0 or below', () => {
    expect(rocAucScore(y, f64(0.5, 0.5, 0.5, 0.5, 0.5))).toBe(0.5);
    expect(averagePrecisionScore(y, f64(0.3, 0.3, 0.3, 0.3, 0.3))).toBe(0.6);
    expect(matthewsCorrcoef(y, i32(1, 1, 1, 1, 1))).toBe(0);
    expect(cohenKappaScore(y, i32(1, 1, 1, 1, 1))).toBe(0);
    expect(r2Score(f64(1, 2, 3), f64(2, 2, 2))).toBe(0);
  });

  it('constant y_true: r2 is 1 if exact else 0 (sklearn force_finite)', () => {
    expect(r2Score(f64(2, 2, 2), f64(2, 2, 2))).toBe(1);
    expect(r2Score(f64(2, 2, 2), f64(1, 2, 3))).toBe(0);
  });

  it('kappa is NaN when both raters use one class only (0/0, as sklearn)', () => {
    expect(cohenKappaScore(i32(1, 1), i32(1, 1))).toBeNaN();
  });

  it('ROC curve of a constant score is the diagonal', () => {
    const roc = rocCurve(y, f64(0.5, 0.5, 0.5, 0.5, 0.5));
    expect(Array.from(roc.fpr)).toEqual([0, 1]);
    expect(Array.from(roc.tpr)).toEqual([0, 1]);
    expect(Array.from(roc.thresholds)).toEqual([1.5, 0.5]);
  });
});

describe('small worked values', () => {
  it('confusion matrix spans all classes, row = true class', () => {
    const cm = confusionMatrix(i32(0, 1, 2, 2), i32(0, 2, 2, 2), { nClasses: 4 });
    expect(Array.from(cm.labels)).toEqual([0, 1, 2, 3]);
    expect(Array.from(cm.matrix)).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0]);
  });

  it('per-class report defaults to classes present', () => {
    const r = precisionRecallFscorePerClass(i32(0, 1, 2, 2), i32(0, 2, 2, 2));
    expect(Array.from(r.labels)).toEqual([0, 1, 2]);
    expect(Array.from(r.recall)).toEqual([1, 0, 1]);
    expect(Array.from(r.support)).toEqual([1, 1, 2]);
  });

  it('ECE: one bin half right at confidence 0.9 → |0.5 - 0.9|', () => {
    expect(expectedCalibrationError(i32(1, 0), f64(0.9, 0.9))).toBeCloseTo(0.4, 15);
    // Multiclass, top label: row 0 confident and right, row 1 confident and wrong.
    expect(expectedCalibrationError(i32(0, 1), f64(0.95, 0.05, 0.95, 0.05), { nBins: 10 })).toBeCloseTo(0.45, 15);
  });

  it('residual summary', () => {
    const s = residualSummary(f64(1, 2, 3, 4), f64(0, 2, 2, 5));
    expect(s.mean).toBe(0.25);
    expect(s.min).toBe(-1);
    expect(s.max).toBe(1);
    expect(s.quantiles.find((q) => q.q === 0.5)?.value).toBe(0.5);
  });
});
