/**
 * @module automl/trainer
 * The AutoML loop, within a time budget:
 *
 *   folds ─▶ portfolio candidates (k-fold bagged, OOF predictions) ─▶ random search (GBDT)
 *         ─▶ greedy ensemble selection on OOF ─▶ decision threshold (binary, label metrics)
 *         ─▶ Predictor (bagged fold models as the final predictor: no refit)
 *
 * A failing candidate is recorded on the leaderboard with its reason and never stops the run
 * (set `rethrow` while developing a learner).
 */
import { performance } from 'node:perf_hooks';
import { kfoldAssignment, foldIndices } from '../data/split/kfold.js';
import { ModelSkipped, ModelwrightError } from '../errors.js';
import type { Candidate } from './candidate.js';
import { type CrossValResult, type FoldPlan, crossValidate } from './cross-validate.js';
import { caruanaSelection, weightedAverage } from './ensemble/caruana.js';
import { type LeaderboardRow, sortLeaderboard } from './leaderboard.js';
import { portfolioCandidates, searchCandidate } from './portfolio.js';
import type { EnsembleMember, PredictorState } from './predictor.js';
import type { PreparedData } from './prepare.js';
import { type Scorer, makeScorer } from './scoring.js';
import { tuneThreshold } from './threshold.js';

export interface TrainerOptions {
  /** Seconds for the whole run (candidates, ensemble and save); the run stays within +5%. */
  readonly timeLimit?: number;
  /** Stop after this many candidates (portfolio + search): with a seed, the run is reproducible. */
  readonly maxTrials?: number;
  readonly folds?: number;
  readonly seed?: number;
  readonly threads?: number;
  /** Restrict to these learners. */
  readonly learners?: readonly string[];
  /** Candidates to try instead of the built-in portfolio (the search still follows). */
  readonly candidates?: readonly Candidate[];
  readonly rethrow?: boolean;
  readonly onProgress?: (done: number, total: number, status?: string) => void;
  readonly log?: (line: string) => void;
  /** Fold assignment to use instead of stratified k-fold (group- or time-aware splits). */
  readonly assignment?: Int32Array;
  /** When the run's clock started (performance.now() ms): reading and preparing data count too. */
  readonly startedAt?: number;
}

/** Share of the budget kept for ensemble selection, threshold tuning and saving. */
const RESERVE_SHARE = 0.08;

export function foldPlan(prepared: PreparedData, k: number, seed: number, assignment?: Int32Array): FoldPlan {
  const y = prepared.train.y;
  const a = assignment ?? kfoldAssignment(prepared.train.X.nRows, k, { seed, strata: y.task === 'regression' ? undefined : y.values });
  const kk = assignment ? Math.max(...assignment) + 1 : k;
  return { assignment: a, k: kk, folds: Array.from({ length: kk }, (_, f) => foldIndices(a, f)) };
}

function failureRow(c: Candidate, err: unknown): LeaderboardRow {
  const reason = err instanceof ModelwrightError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
  return { model: c.name, learner: c.learner, params: c.params, cv_score: Number.NaN, fit_seconds: 0, predict_seconds: 0, origin: c.origin, error: reason };
}

export async function runTrainer(prepared: PreparedData, options: TrainerOptions = {}): Promise<PredictorState> {
  const started = options.startedAt ?? performance.now();
  const seed = options.seed ?? 0;
  const limitMs = (options.timeLimit ?? Number.POSITIVE_INFINITY) * 1000;
  const deadline = started + limitMs * (1 - RESERVE_SHARE);
  const maxTrials = options.maxTrials ?? Number.POSITIVE_INFINITY;
  const log = options.log ?? (() => undefined);
  const k = options.folds ?? (prepared.train.X.nRows > 100_000 ? 3 : 5);
  const plan = foldPlan(prepared, k, seed, options.assignment);
  const { train, task } = prepared;
  const nClasses = task.classes?.length ?? 0;
  const scorer: Scorer = makeScorer(task.task, prepared.metric, train.y.values, nClasses, train.weight);

  const results: CrossValResult[] = [];
  const rows: LeaderboardRow[] = [];
  const portfolio = options.candidates ?? portfolioCandidates(task.task, options.learners);
  const searchAllowed = !options.learners || options.learners.includes('gbdt');
  let best = Number.NEGATIVE_INFINITY;
  const foldSeconds = new Map<string, number>();
  for (let trial = 0; trial < maxTrials; trial++) {
    const candidate = trial < portfolio.length ? portfolio[trial] : searchAllowed ? searchCandidate(trial - portfolio.length, seed) : undefined;
    if (!candidate) break;
    if (performance.now() > deadline) break;
    // Skip a candidate whose learner already showed it cannot finish its folds in the time left
    // (most learners cannot be interrupted mid-fit, so starting it would overrun the budget).
    const perFold = foldSeconds.get(candidate.learner);
    if (perFold !== undefined && Number.isFinite(limitMs) && performance.now() + perFold * plan.k * 1000 > deadline) {
      if (candidate.origin === 'search') break; // every later search candidate is the same learner
      rows.push(failureRow(candidate, new ModelSkipped('MW_MODEL_SKIPPED', `${candidate.name}: skipped, its folds would take about ${(perFold * plan.k).toFixed(1)}s and less time is left.`)));
      continue;
    }
    const total = Number.isFinite(maxTrials) ? maxTrials : portfolio.length;
    options.onProgress?.(trial, Math.max(total, trial + 1), `${candidate.name} | best ${Number.isFinite(best) ? scorer.metric.greaterIsBetter ? best.toFixed(4) : (-best).toFixed(4) : '-'}`);
    try {
      const r = await crossValidate(candidate, train, plan, { threads: options.threads, deadline: Number.isFinite(limitMs) ? deadline : undefined, seed });
      const value = scorer.value(r.oof);
      if (!Number.isFinite(value)) throw new Error(`out-of-fold ${prepared.metric} is ${value}`);
      results.push(r);
      foldSeconds.set(candidate.learner, Math.max(foldSeconds.get(candidate.learner) ?? 0, (r.fitSeconds + r.predictSeconds) / plan.k));
      best = Math.max(best, scorer.score(r.oof));
      rows.push({ model: candidate.name, learner: candidate.learner, params: candidate.params, cv_score: value, fit_seconds: r.fitSeconds, predict_seconds: r.predictSeconds, origin: candidate.origin });
      log(`${candidate.name}: ${prepared.metric} ${value.toFixed(5)} (${r.fitSeconds.toFixed(1)}s)`);
    } catch (err) {
      if (options.rethrow) throw err;
      rows.push(failureRow(candidate, err));
      log(`${candidate.name}: failed — ${rows[rows.length - 1].error}`);
    }
  }
  if (results.length === 0) {
    throw new ModelwrightError('MW_TRAIN_FAILED', `No candidate model could be trained: ${rows.map((r) => `${r.model} (${r.error})`).join('; ') || 'the time limit ran out before the first one'}.`, {
      hint: 'Raise --time-limit, or check the data with `modelwright profile`.',
    });
  }

  const selection = caruanaSelection(
    results.map((r) => r.oof),
    (avg) => scorer.score(avg),
  );
  const ensembleOof = weightedAverage(
    results.map((r) => r.oof),
    selection.weights,
  );
  const threshold = task.task === 'binary' && !scorer.metric.needsProba ? tuneThreshold(scorer, ensembleOof) : undefined;
  const members: EnsembleMember[] = results
    .map((r, j) => ({ name: r.candidate.name, learner: r.candidate.learner, weight: selection.weights[j], models: r.models }))
    .filter((m) => m.weight > 0);
  rows.push({
    model: 'WeightedEnsemble',
    learner: 'ensemble',
    params: Object.fromEntries(members.map((m) => [m.name, Number(m.weight.toFixed(4))])),
    cv_score: scorer.value(ensembleOof, threshold),
    fit_seconds: members.reduce((s, m) => s + (rows.find((r) => r.model === m.name)?.fit_seconds ?? 0), 0),
    predict_seconds: members.reduce((s, m) => s + (rows.find((r) => r.model === m.name)?.predict_seconds ?? 0), 0),
    origin: 'ensemble',
  });
  return {
    task,
    metric: prepared.metric,
    schema: prepared.schema,
    dates: prepared.dates,
    dropped: prepared.dropped,
    members,
    threshold,
    leaderboard: sortLeaderboard(rows, scorer.metric.greaterIsBetter),
    info: {
      folds: plan.k,
      seed,
      refit_policy: `bagged: the final predictor averages the ${plan.k} fold models of each ensemble member (no refit on all data), so every score shown is out-of-fold`,
      trials: rows.length - 1,
      seconds: (performance.now() - started) / 1000,
      reproducibility: Number.isFinite(maxTrials)
        ? 'deterministic: same data, seed and --max-trials give the same leaderboard and predictions (unless --time-limit cut the run short)'
        : 'with only --time-limit, how many candidates fit in the budget depends on machine speed and load, so the leaderboard and predictions may vary between runs; pass --max-trials and --seed for identical runs',
    },
  };
}
