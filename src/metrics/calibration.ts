/**
 * @module metrics/calibration
 * Calibration of predicted probabilities: the reliability curve (sklearn.calibration.
 * calibration_curve, 'uniform' and 'quantile' bins) and the expected calibration error.
 *
 * ECE, as Modelwright defines it: rows are put in `nBins` equal-width bins on [0, 1] (bin edges
 * i/nBins; a value on an inner edge goes to the lower bin, as in calibration_curve); for each
 * non-empty bin b, acc_b is the (weighted) mean outcome and conf_b the (weighted) mean predicted
 * probability; ECE = Σ_b (W_b / W) · |acc_b − conf_b|, W_b the bin's weight (row count without
 * weights). Binary input (one P(positive) per row): the outcome is "y = 1" and the probability is
 * P(positive), so ECE is the weighted mean gap of the calibration curve. Multiclass input (n×K):
 * top-label ECE (Guo et al., 2017): the probability is the row's largest, the outcome is "the
 * arg-max class (first on ties) is the true class".
 */
import { sortedQuantile, unitLinspace } from './internal/quantile.js';
import { checkBinaryLabels, checkLength, checkNonEmpty, checkWeights, inputError, paramError, probaWidth, resolveNClasses } from './internal/validate.js';

export interface CalibrationCurveOptions {
  /** Number of bins; default 5 (sklearn's default). */
  nBins?: number;
  /** 'uniform' (equal width, default) or 'quantile' (equal count; edges are percentiles of y_prob). */
  strategy?: 'uniform' | 'quantile';
}

export interface CalibrationCurve {
  /** Fraction of positives in each non-empty bin. */
  readonly probTrue: Float64Array;
  /** Mean predicted probability in each non-empty bin. */
  readonly probPred: Float64Array;
  /** Rows in each non-empty bin. */
  readonly counts: Float64Array;
  /** All nBins + 1 bin edges. */
  readonly edges: Float64Array;
}

function checkUnitInterval(metric: string, p: Float64Array): void {
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0 && p[i] <= 1)) throw inputError(metric, `y_prob holds ${p[i]} at index ${i}; probabilities must lie in [0, 1].`);
  }
}

function checkBins(metric: string, nBins: number): void {
  if (!Number.isInteger(nBins) || nBins < 1) throw paramError(metric, 'nBins', 'an integer >= 1', nBins);
}

/** Bin index of p: how many inner edges lie strictly below it (np.searchsorted(edges[1:-1], p)). */
function binOf(edges: Float64Array, p: number): number {
  let lo = 1;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Reliability curve of binary probabilities, as sklearn's calibration_curve (y_true in {0, 1}).
 * @example calibrationCurve(yTrue, pPositive, { nBins: 10 }).probTrue
 */
export function calibrationCurve(yTrue: Int32Array, yProb: Float64Array, opts: CalibrationCurveOptions = {}): CalibrationCurve {
  const metric = 'calibration_curve';
  const n = yTrue.length;
  checkNonEmpty(metric, n);
  checkLength(metric, 'y_prob', yProb, n);
  checkUnitInterval(metric, yProb);
  checkBinaryLabels(metric, yTrue);
  const nBins = opts.nBins ?? 5;
  checkBins(metric, nBins);
  const strategy = opts.strategy ?? 'uniform';
  let edges: Float64Array;
  if (strategy === 'uniform') {
    edges = unitLinspace(nBins + 1);
  } else if (strategy === 'quantile') {
    const sorted = yProb.slice().sort();
    // np.percentile(y_prob, linspace * 100) divides by 100 again: keep that rounding.
    edges = unitLinspace(nBins + 1).map((q) => sortedQuantile(sorted, (q * 100) / 100));
  } else {
    throw paramError(metric, 'strategy', "'uniform' or 'quantile'", strategy);
  }
  const sums = new Float64Array(nBins);
  const trues = new Float64Array(nBins);
  const totals = new Float64Array(nBins);
  for (let i = 0; i < n; i++) {
    const b = binOf(edges, yProb[i]);
    sums[b] += yProb[i];
    trues[b] += yTrue[i];
    totals[b]++;
  }
  const keep = Array.from(totals.keys()).filter((b) => totals[b] !== 0);
  return {
    probTrue: Float64Array.from(keep, (b) => trues[b] / totals[b]),
    probPred: Float64Array.from(keep, (b) => sums[b] / totals[b]),
    counts: Float64Array.from(keep, (b) => totals[b]),
    edges,
  };
}

export interface EceOptions {
  /** Number of equal-width bins; default 10. */
  nBins?: number;
  sampleWeight?: Float64Array;
  /** Number of classes K of an n×K probability matrix; default: inferred from its length. */
  nClasses?: number;
}

/**
 * Expected calibration error (see the module header for the exact definition); lower is better,
 * 0 = perfectly calibrated on these bins.
 * @example expectedCalibrationError(yTrue, pPositive, { nBins: 10 })
 */
export function expectedCalibrationError(yTrue: Int32Array, yProba: Float64Array, opts: EceOptions = {}): number {
  const metric = 'expected_calibration_error';
  const n = yTrue.length;
  checkNonEmpty(metric, n);
  checkWeights(metric, opts.sampleWeight, n);
  const nBins = opts.nBins ?? 10;
  checkBins(metric, nBins);
  const width = probaWidth(metric, yProba, n, opts.nClasses);
  checkUnitInterval(metric, yProba);
  const conf = new Float64Array(n);
  const outcome = new Float64Array(n);
  if (width === 1) {
    checkBinaryLabels(metric, yTrue);
    conf.set(yProba);
    for (let i = 0; i < n; i++) outcome[i] = yTrue[i];
  } else {
    const k = resolveNClasses(metric, width, yTrue);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (yProba[i * k + c] > yProba[i * k + best]) best = c;
      conf[i] = yProba[i * k + best];
      outcome[i] = best === yTrue[i] ? 1 : 0;
    }
  }
  const edges = unitLinspace(nBins + 1);
  const w = opts.sampleWeight;
  const wSum = new Float64Array(nBins);
  const confSum = new Float64Array(nBins);
  const hitSum = new Float64Array(nBins);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const b = binOf(edges, conf[i]);
    const wi = w === undefined ? 1 : w[i];
    wSum[b] += wi;
    confSum[b] += wi * conf[i];
    hitSum[b] += wi * outcome[i];
    total += wi;
  }
  let ece = 0;
  for (let b = 0; b < nBins; b++) {
    if (wSum[b] === 0) continue;
    ece += (wSum[b] / total) * Math.abs(hitSum[b] / wSum[b] - confSum[b] / wSum[b]);
  }
  return ece;
}
