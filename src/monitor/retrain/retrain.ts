/**
 * @module monitor/retrain/retrain
 * `retrain`: champion/challenger with an audited decision — the library face of
 * `modelwright retrain`.
 *
 *   champion (alias `champion`, else the latest version)
 *     ─▶ rows: new data (or reference + new) ─▶ split: training rows | evaluation window
 *     ─▶ trainChallenger (champion's settings) ─▶ registered as the next version, alias `challenger`
 *     ─▶ evaluate both on the same window (metric + fairness per sensitive column)
 *     ─▶ decide by the policy ─▶ promote (move `champion`) or keep
 *     ─▶ audit: tags retrain.* on the challenger (each a registry event), alias events
 */
import { Frame } from '../../data/frame/frame.js';
import { parseSource, readData } from '../../data/ingest/index.js';
import { holdoutSplit } from '../../data/split/holdout.js';
import type { Task } from '../../data/schema/types.js';
import { evaluateModel } from '../../evaluate/evaluate-model.js';
import { loadSavedModel } from '../../evaluate/saved-model-ref.js';
import { ModelwrightError, NotFoundError } from '../../errors.js';
import { encodeTarget } from '../../learners/target.js';
import { getMetric } from '../../metrics/registry.js';
import type { Env } from '../../registry/home.js';
import { versionPath } from '../../registry/model-ref.js';
import { type Registry, openRegistry } from '../../registry/open-registry.js';
import type { ModelVersion } from '../../registry/store.js';
import type { MonitorStore } from '../log-store/monitor-store.js';
import { saveReferenceProfile } from '../reference/save-reference-profile.js';
import { type Decision, type ModelScore, decide } from './decide.js';
import { labelledLogFrame } from './labelled-log-frame.js';
import type { RetrainPolicy } from './retrain-policy.js';
import { trainChallenger } from './train-challenger.js';

export interface RetrainOptions {
  readonly name: string;
  /** New labelled rows. */
  readonly data: Frame;
  /** Where they came from (lineage). */
  readonly source: string;
  readonly policy?: RetrainPolicy;
  /** Evaluate on these rows instead of a holdout or the log. */
  readonly evalData?: Frame;
  readonly env?: Env;
  readonly registry?: Registry;
  readonly log?: MonitorStore;
  readonly onProgress?: (done: number, total: number, status?: string) => void;
}

export interface RetrainResult extends Decision {
  readonly name: string;
  readonly champion: ModelScore;
  readonly challenger: ModelScore;
  readonly evaluation: { readonly source: 'holdout' | 'log' | 'data'; readonly rows: number };
  readonly training: { readonly rows: number; readonly data: 'new' | 'reference+new' };
  readonly aliases: Readonly<Record<string, number>>;
}

export const DEFAULT_RETRAIN_METRIC: Readonly<Record<Task, string>> = { binary: 'roc_auc', multiclass: 'log_loss', regression: 'rmse' };

async function championOf(reg: Registry, name: string): Promise<ModelVersion> {
  const n = await reg.store.getAlias(name, 'champion');
  const v = n === undefined ? await reg.store.latestVersion(name) : await reg.store.getVersion(name, n);
  if (!v) throw new NotFoundError('MW_MODEL_NOT_FOUND', `No model named '${name}' in the registry at ${reg.store.location}.`, { hint: 'Register one with `fit --name` or `train --name` first.' });
  return v;
}

/** Split off the evaluation rows: stratified by class for classification, seeded. */
function splitRows(frame: Frame, target: string, task: Task, classes: readonly string[] | undefined, share: number, seed: number): { train: Frame; test: Frame } {
  const strata = task === 'regression' ? undefined : encodeTarget(frame.column(target), task, classes).values;
  const { train, test } = holdoutSplit(frame.nRows, { testFraction: share, seed, strata });
  return { train: frame.take(train), test: frame.take(test) };
}

async function score(reg: Registry, v: ModelVersion, data: Frame, metric: string, policy: RetrainPolicy): Promise<ModelScore> {
  const model = await loadSavedModel(await versionPath(reg, v));
  const e = evaluateModel(model, data, { sensitive: policy.sensitive, bootstrap: 0 });
  const value = e.metrics[metric];
  const fairness: Record<string, number | null> = {};
  const gapMetric = policy.fairness_metric ?? (e.task === 'regression' ? 'rmse_difference' : 'demographic_parity_difference');
  for (const [col, f] of Object.entries(e.fairness ?? {})) fairness[col] = (f as unknown as Record<string, number | null | undefined>)[gapMetric] ?? null;
  return { version: v.version, value: typeof value === 'number' && Number.isFinite(value) ? value : null, n: e.n, fairness, fairness_metric: gapMetric };
}

/**
 * Train a challenger for `name` on new rows and promote it only if the policy holds.
 * @example const r = await retrain({ name: 'churn', data: frame, source: 'may.csv', policy: { metric: 'roc_auc', min_improvement: 0.002 } });
 */
export async function retrain(o: RetrainOptions): Promise<RetrainResult> {
  const policy = o.policy ?? {};
  const reg = o.registry ?? (await openRegistry({ env: o.env }));
  try {
    const champion = await championOf(reg, o.name);
    const champModel = await loadSavedModel(await versionPath(reg, champion));
    const { target, task, classes } = champModel.task;
    const metric = policy.metric ?? DEFAULT_RETRAIN_METRIC[task];
    getMetric(metric); // an unknown metric fails before any training
    if (!o.data.has(target)) throw new ModelwrightError('MW_RETRAIN_FAILED', `The new data has no target column '${target}' (the champion predicts it).`, { details: { target } });
    const seed = policy.seed ?? champion.lineage.seed ?? 0;
    let trainRows = o.data;
    let evalRows: Frame;
    let evalSource: RetrainResult['evaluation']['source'];
    if (o.evalData) [evalRows, evalSource] = [o.evalData, 'data'];
    else if (policy.evaluation === 'log') {
      evalRows = await labelledLogFrame(o, champion, target, policy.window ?? '7d');
      evalSource = 'log';
    } else {
      const split = splitRows(o.data, target, task, classes, policy.holdout ?? 0.25, seed);
      [trainRows, evalRows, evalSource] = [split.train, split.test, 'holdout'];
    }
    let source = o.source;
    if (policy.data === 'reference+new') {
      const ref = champion.lineage.data?.source;
      if (!ref) throw new ModelwrightError('MW_RETRAIN_FAILED', `${champion.name}@${champion.version} does not record its training data source, so 'reference+new' cannot read it.`, { hint: "Use \"data\": \"new\", or pass the old rows together with the new ones." });
      const old = await readData(parseSource(ref));
      const cols = trainRows.names.filter((n) => old.has(n));
      trainRows = Frame.concat([old.select(cols), trainRows.select(cols)]);
      source = `${ref} + ${o.source}`;
    }
    const challengerVersion = await trainChallenger(reg, { champion, train: trainRows, source, policy, onProgress: o.onProgress });
    await saveReferenceProfile(reg, o.name, challengerVersion.version, trainRows, { heldOut: evalRows, seed }).catch(() => undefined);
    const champScore = await score(reg, champion, evalRows, metric, policy);
    const chalScore = await score(reg, challengerVersion, evalRows, metric, policy);
    const decision = decide(metric, getMetric(metric).greaterIsBetter, champScore, chalScore, policy);
    // The audit trail: aliases first (each move is an event), then the decision as tags.
    if ((await reg.store.getAlias(o.name, 'champion')) === undefined) await reg.store.setAlias(o.name, 'champion', champion.version);
    await reg.store.setAlias(o.name, 'challenger', challengerVersion.version);
    if (decision.decision === 'promoted') await reg.store.setAlias(o.name, 'champion', challengerVersion.version);
    const tags: Record<string, string> = {
      'retrain.decision': decision.decision,
      'retrain.reason': decision.reason,
      'retrain.metric': metric,
      'retrain.champion_version': String(champion.version),
      'retrain.champion_score': String(champScore.value),
      'retrain.challenger_score': String(chalScore.value),
      'retrain.evaluation': `${evalSource}:${evalRows.nRows}`,
    };
    for (const [k, v] of Object.entries(tags)) await reg.store.setTag(o.name, challengerVersion.version, k, v);
    const model = (await reg.store.listModels()).find((m) => m.name === o.name);
    return {
      name: o.name, ...decision, champion: champScore, challenger: chalScore,
      evaluation: { source: evalSource, rows: evalRows.nRows }, training: { rows: trainRows.nRows, data: policy.data ?? 'new' },
      aliases: model?.aliases ?? {},
    };
  } finally {
    if (!o.registry) await reg.close();
  }
}
