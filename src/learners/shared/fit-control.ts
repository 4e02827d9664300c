/**
 * @module learners/shared/fit-control
 * Cancellation and time budgets for iterative fits (trees, epochs): `control.shouldStop()`
 * is checked between units of work; an aborted signal throws MW_CANCELLED, an exhausted
 * time budget stops gracefully and keeps what is fitted.
 */
import { ModelwrightError } from '../../errors.js';
import type { FitOptions } from '../estimator.js';

export interface FitControl {
  /** True when the time budget is spent; throws when the signal was aborted. */
  shouldStop(): boolean;
}

export function fitControl(opts: FitOptions, who: string): FitControl {
  const deadline = opts.timeBudgetMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + opts.timeBudgetMs;
  return {
    shouldStop() {
      if (opts.signal?.aborted) throw new ModelwrightError('MW_CANCELLED', `Training of ${who} was cancelled.`);
      return Date.now() > deadline;
    },
  };
}
