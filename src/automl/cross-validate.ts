/**
 * @module automl/cross-validate
 * Fit one candidate on k folds: each fold's model is trained on the other folds and predicts
 * its own, giving out-of-fold (OOF) predictions for every row — the honest score of the
 * candidate, the input of ensemble selection and stacking, and (as a bag) the final predictor.
 * Preprocessing lives inside each learner's model, so it is fitted inside each fold too.
 */
import { performance } from 'node:perf_hooks';
import type { Frame } from '../data/frame/frame.js';
import { ModelSkipped } from '../errors.js';
import { type Model, type TrainSet, isClassifier } from '../learners/estimator.js';
import { getLearner } from '../learners/registry.js';
import { takeTarget } from '../learners/target.js';
import { holdoutSplit } from '../data/split/holdout.js';
import type { Candidate } from './candidate.js';

export interface FoldPlan {
  /** Fold number per row (0..k-1). */
  readonly assignment: Int32Array;
  readonly k: number;
  /** Train and test rows per fold, precomputed once for all candidates. */
  readonly folds: readonly { readonly train: Int32Array; readonly test: Int32Array }[];
}

export interface CrossValResult {
  readonly candidate: Candidate;
  readonly models: readonly Model[];
  /** OOF predictions: n × K probabilities (classification) or n values (regression). */
  readonly oof: Float64Array;
  readonly fitSeconds: number;
  readonly predictSeconds: number;
}

export interface CrossValOptions {
  readonly threads?: number;
  readonly signal?: AbortSignal;
  /** Wall-clock deadline (performance.now() ms) after which the candidate is abandoned. */
  readonly deadline?: number;
  readonly seed?: number;
}

/** Share of a fold's training rows held back for early stopping (never the fold's test rows). */
const EARLY_STOPPING_SHARE = 0.1;

function usesEarlyStopping(params: Readonly<Record<string, unknown>>): boolean {
  return Number(params.early_stopping_round ?? 0) > 0;
}

/** Predictions of `model` on `X`: probabilities for classifiers, values for regressors. */
export function modelOutput(model: Model, X: Frame): Float64Array {
  if (isClassifier(model)) return model.predictProba(X);
  const col = model.predict(X);
  if (col.dtype === 'categorical') throw new Error(`${model.kind} returned labels for a regression task`);
  return col.values;
}

function subset(data: TrainSet, rows: Int32Array): TrainSet {
  return {
    X: data.X.take(rows),
    y: takeTarget(data.y, rows),
    weight: data.weight ? Float64Array.from(rows, (r) => (data.weight as Float64Array)[r]) : undefined,
  };
}

/** Train `candidate` on every fold of `plan`; OOF predictions fill the returned array. */
export async function crossValidate(candidate: Candidate, data: TrainSet, plan: FoldPlan, options: CrossValOptions = {}): Promise<CrossValResult> {
  const def = getLearner(candidate.learner);
  const estimator = def.create(candidate.params);
  const width = data.y.task === 'regression' ? 1 : (data.y.classes?.length ?? 2);
  const oof = new Float64Array(data.X.nRows * width);
  const models: Model[] = [];
  let fitSeconds = 0;
  let predictSeconds = 0;
  for (const fold of plan.folds) {
    if (options.deadline !== undefined && performance.now() > options.deadline) {
      throw new ModelSkipped('MW_MODEL_SKIPPED', `${candidate.name}: the time budget ran out after ${models.length} of ${plan.k} folds.`);
    }
    const remaining = options.deadline === undefined ? undefined : Math.max(1, options.deadline - performance.now());
    const t0 = performance.now();
    let train = subset(data, fold.train);
    let evalSet: TrainSet | undefined;
    if (usesEarlyStopping(candidate.params)) {
      // Early stopping looks at rows inside the fold's training part only, so the OOF
      // predictions stay honest.
      const inner = holdoutSplit(train.X.nRows, { testFraction: EARLY_STOPPING_SHARE, seed: options.seed, strata: train.y.task === 'regression' ? undefined : train.y.values });
      evalSet = subset(train, inner.test);
      train = subset(train, inner.train);
    }
    const model = await estimator.fit(train, { evalSet, threads: options.threads, signal: options.signal, timeBudgetMs: remaining });
    const t1 = performance.now();
    const out = modelOutput(model, data.X.take(fold.test));
    predictSeconds += (performance.now() - t1) / 1000;
    fitSeconds += (t1 - t0) / 1000;
    for (let i = 0; i < fold.test.length; i++) {
      const r = fold.test[i];
      for (let j = 0; j < width; j++) oof[r * width + j] = out[i * width + j];
    }
    models.push(model);
  }
  return { candidate, models, oof, fitSeconds, predictSeconds };
}
