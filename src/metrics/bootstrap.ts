/**
 * @module metrics/bootstrap
 * Percentile bootstrap confidence intervals for any metric: resample rows with replacement
 * `nBoot` times (seeded, so the interval is reproducible), score each resample, and take the
 * (1 − level)/2 and (1 + level)/2 quantiles of the scores (NumPy's linear interpolation).
 * Rows are resampled independently; for ranking metrics, whose unit is the query, resample
 * queries yourself.
 */
import { Rng } from '../common/random.js';
import { DataError, ModelwrightError } from '../errors.js';
import { sortedQuantile } from './internal/quantile.js';
import { checkLength, checkNonEmpty, inputError, paramError } from './internal/validate.js';

export interface BootstrapOptions {
  /** Number of resamples; default 1000. */
  nBoot?: number;
  /** Coverage of the interval in (0, 1); default 0.95. */
  level?: number;
  /** Seed of the resampling; default 0. */
  seed?: number;
  /** Row weights, resampled with the rows and passed to the metric as its third argument. */
  sampleWeight?: Float64Array;
}

export interface BootstrapInterval {
  /** Lower bound: the (1 − level)/2 quantile of the resampled scores. */
  readonly low: number;
  /** Upper bound: the (1 + level)/2 quantile. */
  readonly high: number;
  /** The metric on the full data. */
  readonly estimate: number;
  /** Resamples that gave a finite score (resamples where the metric is undefined, e.g. AUC on one class, are skipped). */
  readonly nValid: number;
}

type Arr = Int32Array | Float64Array;

function take<T extends Arr>(src: T, idx: Uint32Array, width: number): T {
  const out = (src instanceof Int32Array ? new Int32Array(idx.length * width) : new Float64Array(idx.length * width)) as T;
  if (width === 1) {
    for (let j = 0; j < idx.length; j++) out[j] = src[idx[j]];
  } else {
    for (let j = 0; j < idx.length; j++) {
      const from = idx[j] * width;
      for (let c = 0; c < width; c++) out[j * width + c] = src[from + c];
    }
  }
  return out;
}

/**
 * Confidence interval of `metricFn(yTrue, yPred)`. `yPred` may hold several values per row
 * (an n×K probability matrix): rows are resampled whole.
 * @example bootstrapInterval((t, p) => rocAucScore(t, p), yTrue, proba, { nBoot: 500, seed: 7 })
 */
export function bootstrapInterval<T extends Arr, P extends Arr>(
  metricFn: (yTrue: T, yPred: P, sampleWeight?: Float64Array) => number,
  yTrue: T,
  yPred: P,
  opts: BootstrapOptions = {},
): BootstrapInterval {
  const metric = 'bootstrap_interval';
  const n = yTrue.length;
  checkNonEmpty(metric, n);
  if (yPred.length % n !== 0) throw inputError(metric, `y_pred has ${yPred.length} values for ${n} rows; expected a whole number of values per row.`);
  const w = opts.sampleWeight;
  if (w !== undefined) checkLength(metric, 'sample_weight', w, n);
  const nBoot = opts.nBoot ?? 1000;
  const level = opts.level ?? 0.95;
  if (!Number.isInteger(nBoot) || nBoot < 1) throw paramError(metric, 'nBoot', 'an integer >= 1', nBoot);
  if (!(level > 0 && level < 1)) throw paramError(metric, 'level', 'a number in (0, 1)', level);
  const width = yPred.length / n;
  const estimate = metricFn(yTrue, yPred, w);
  const rng = new Rng(opts.seed ?? 0);
  const idx = new Uint32Array(n);
  const scores: number[] = [];
  for (let b = 0; b < nBoot; b++) {
    for (let i = 0; i < n; i++) idx[i] = rng.nextInt(n);
    let s: number;
    try {
      s = metricFn(take(yTrue, idx, 1), take(yPred, idx, width), w === undefined ? undefined : take(w, idx, 1));
    } catch (err) {
      // A resample can miss a class (AUC undefined): skip it; anything else is a real error.
      if (err instanceof ModelwrightError && err.code === 'MW_METRIC_UNDEFINED') continue;
      throw err;
    }
    if (Number.isFinite(s)) scores.push(s);
  }
  if (scores.length < nBoot / 2) {
    throw new DataError('MW_METRIC_UNDEFINED', `${metric}: the metric was undefined on ${nBoot - scores.length} of ${nBoot} resamples, too many for an interval.`, {
      hint: 'Use more rows (rare classes get lost in resamples) or another metric.',
    });
  }
  const sorted = Float64Array.from(scores).sort();
  const tail = (1 - level) / 2;
  return { low: sortedQuantile(sorted, tail), high: sortedQuantile(sorted, 1 - tail), estimate, nValid: scores.length };
}
