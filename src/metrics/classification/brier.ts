/**
 * @module metrics/classification/brier
 * Brier score: mean squared difference between predicted probabilities and the one-hot truth.
 * Binary (one P(positive) per row) equals sklearn.metrics.brier_score_loss: mean (p - y)².
 * Multiclass (n×K) is the original Brier (1950) score, mean over rows of Σₖ (pₖ - yₖ)², which is
 * what scikit-learn ≥ 1.7 returns for multiclass input; it lies in [0, 2].
 */
import { npAverage } from '../internal/numpy-sum.js';
import { checkBinaryLabels, checkNonEmpty, checkWeights, inputError, probaWidth, resolveNClasses } from '../internal/validate.js';

export interface BrierOptions {
  sampleWeight?: Float64Array;
  /** Number of classes K of an n×K probability matrix; default: inferred from its length. */
  nClasses?: number;
}

/**
 * Brier score; lower is better. An n×2 matrix is read as binary (its second column).
 * @example brierScoreLoss(Int32Array.of(0, 1, 1, 0), Float64Array.of(0.1, 0.9, 0.8, 0.3)) // 0.0375
 */
export function brierScoreLoss(yTrue: Int32Array, yProba: Float64Array, opts: BrierOptions = {}): number {
  const metric = 'brier_score_loss';
  const n = yTrue.length;
  checkNonEmpty(metric, n);
  checkWeights(metric, opts.sampleWeight, n);
  const width = probaWidth(metric, yProba, n, opts.nClasses);
  for (let i = 0; i < yProba.length; i++) {
    if (yProba[i] < 0 || yProba[i] > 1) throw inputError(metric, `y_proba holds ${yProba[i]} at index ${i}; probabilities must lie in [0, 1].`);
  }
  const sq = new Float64Array(n);
  if (width <= 2) {
    checkBinaryLabels(metric, yTrue);
    for (let i = 0; i < n; i++) {
      const d = yTrue[i] - (width === 1 ? yProba[i] : yProba[2 * i + 1]);
      sq[i] = d * d;
    }
  } else {
    const k = resolveNClasses(metric, width, yTrue);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let c = 0; c < k; c++) {
        const d = (yTrue[i] === c ? 1 : 0) - yProba[i * k + c];
        s += d * d;
      }
      sq[i] = s;
    }
  }
  return npAverage(sq, opts.sampleWeight);
}
