/**
 * @module monitor/retrain/train-challenger
 * Train a challenger with the champion's settings, read from its lineage, and register it as
 * the next version (parent: the champion):
 *
 *   fit models   the same learner and resolved parameters (`lineage.learner`, `lineage.params`)
 *   predictors   AutoML again with the champion's options (metric, learners, folds, budget —
 *                `lineage.params` as `train --name` records them), so the search may pick a
 *                different model for the new data
 *
 * Imported models (XGBoost/LightGBM files) have no Modelwright training settings and are refused.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { savePredictor } from '../../automl/predictor-file.js';
import { train } from '../../automl/train.js';
import { fingerprintFrame } from '../../data/fingerprint.js';
import type { Frame } from '../../data/frame/frame.js';
import type { Task } from '../../data/schema/types.js';
import { ModelwrightError } from '../../errors.js';
import { fitLearner } from '../../fit/fit-learner.js';
import { fittedModelFile } from '../../fit/saved-model.js';
import { buildLineage } from '../../registry/lineage.js';
import type { Registry } from '../../registry/open-registry.js';
import { registerRun } from '../../registry/register-model.js';
import type { ModelVersion } from '../../registry/store.js';
import type { RetrainPolicy } from './retrain-policy.js';

export interface ChallengerInput {
  readonly champion: ModelVersion;
  readonly train: Frame;
  /** Where the training rows came from (for lineage). */
  readonly source: string;
  readonly policy: RetrainPolicy;
  readonly onProgress?: (done: number, total: number, status?: string) => void;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Train and register the challenger; returns its version. */
export async function trainChallenger(reg: Registry, c: ChallengerInput): Promise<ModelVersion> {
  const champ = c.champion;
  const lin = champ.lineage;
  const fail = (message: string, hint?: string) => new ModelwrightError('MW_RETRAIN_FAILED', message, { hint, details: { model: champ.name, version: champ.version } });
  if (lin.importedFrom) throw fail(`${champ.name}@${champ.version} was imported from ${lin.importedFrom.format}: Modelwright does not know how it was trained.`, 'Train a Modelwright model with `fit --name` or `train --name`, then retrain that.');
  if (!lin.target || !lin.learner) throw fail(`${champ.name}@${champ.version} has no target or learner in its lineage: there is nothing to retrain it with.`);
  const target = lin.target;
  const task = (lin.task ?? undefined) as Task | undefined;
  const seed = c.policy.seed ?? lin.seed ?? 0;
  const startedAt = new Date();
  const common = { name: champ.name, parentVersion: champ.version, startedAt, runName: `retrain of ${champ.name}@${champ.version} on ${c.source}` };
  if (champ.kind === 'model') {
    const result = await fitLearner(c.train, { target, task, learner: lin.learner, params: lin.params, seed, onProgress: c.onProgress });
    const meta = { target, task: result.task, schema: result.schema, dropped: result.dropped, trainRows: result.trainRows, seed, learner: lin.learner };
    const lineage = buildLineage({
      fingerprint: fingerprintFrame(c.train, result.schema), source: c.source, learner: lin.learner, task: result.task.task, target,
      params: result.params, seed, trainingStartedAt: startedAt, trainingEndedAt: new Date(),
    });
    const { version } = await registerRun(reg, { ...common, modelFile: fittedModelFile(result.model, meta), lineage, params: result.params });
    return version;
  }
  const p = lin.params;
  const learners = str(p.learners)?.split(',').map((s) => s.trim()).filter(Boolean);
  const predictor = await train(c.train, {
    target, task, seed,
    metric: str(p.metric),
    timeLimit: c.policy.time_limit ?? num(p.time_limit),
    maxTrials: c.policy.max_trials ?? num(p.max_trials),
    folds: num(p.folds),
    learners,
    onProgress: c.onProgress,
  });
  const best = predictor.leaderboard[0];
  const params = { ...p, best_model: best.model, time_limit: c.policy.time_limit ?? p.time_limit ?? null, max_trials: c.policy.max_trials ?? p.max_trials ?? null };
  const lineage = buildLineage({
    fingerprint: fingerprintFrame(c.train, predictor.state.schema), source: c.source, learner: `automl:${best.model}`, task: predictor.task, target, params, seed,
    metrics: { [`cv_${predictor.state.metric}`]: best.cv_score }, trainingStartedAt: startedAt, trainingEndedAt: new Date(),
  });
  const staging = await mkdtemp(join(tmpdir(), 'modelwright-retrain-'));
  try {
    const path = join(staging, 'model');
    await savePredictor(predictor, path);
    const { version } = await registerRun(reg, { ...common, path, lineage, params, metrics: lineage.metrics });
    return version;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
