/**
 * @module learners/gbdt/callbacks
 * Per-iteration hooks of the boosting loop (lightgbm/callback.py): `earlyStopping()` watches
 * the first validation metric and says when to stop and which iteration was best;
 * `logEvaluation()` formats "[10] valid auc: 0.912345 binary_logloss: 0.301234" every k
 * iterations.
 */

export interface EvalResult {
  readonly name: string;
  readonly value: number;
  readonly higherBetter: boolean;
}

export interface IterationInfo {
  /** 1-based iteration just finished. */
  readonly iteration: number;
  readonly total: number;
  /** Validation metrics (empty without a validation set). */
  readonly results: readonly EvalResult[];
}

export interface EarlyStopping {
  /** Record an iteration; true when training should stop. */
  update(info: IterationInfo): boolean;
  /** Best iteration so far (1-based; 0 before any metric was seen). */
  readonly bestIteration: number;
  readonly bestScore: number;
}

/**
 * Stop when the first metric has not improved for `rounds` iterations (LightGBM with
 * first_metric_only). Improvement is strict, so ties keep the earlier, smaller model.
 * @example const es = earlyStopping(10); if (es.update(info)) break;
 */
export function earlyStopping(rounds: number): EarlyStopping {
  let bestIteration = 0;
  let bestScore = Number.NaN;
  return {
    update(info) {
      const first = info.results[0];
      if (!first) return false;
      const better = Number.isNaN(bestScore) || (first.higherBetter ? first.value > bestScore : first.value < bestScore);
      if (better) {
        bestScore = first.value;
        bestIteration = info.iteration;
      }
      return rounds > 0 && info.iteration - bestIteration >= rounds;
    },
    get bestIteration() {
      return bestIteration;
    },
    get bestScore() {
      return bestScore;
    },
  };
}

/** A formatter that returns a log line every `freq` iterations (and at the last), else null. */
export function logEvaluation(freq: number): (info: IterationInfo) => string | null {
  return (info) => {
    if (info.results.length === 0) return null;
    if (info.iteration % freq !== 0 && info.iteration !== info.total) return null;
    return `[${info.iteration}] valid ${info.results.map((r) => `${r.name}: ${r.value.toPrecision(6)}`).join(' ')}`;
  };
}
