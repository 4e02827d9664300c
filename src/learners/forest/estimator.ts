/**
 * @module learners/forest/estimator
 * Fit `rf` / `extratrees`:
 *
 *   Frame ─ordinal codes─▶ columns (NaN kept) ─bin (≤255 bins)─▶ BinnedDataset
 *         ─▶ per tree: seed → bootstrap weights → growTree   (threads when n_jobs > 1)
 *         ─▶ importances, out-of-bag score ─▶ ForestModel
 *
 * Missing values are handled natively (NaN goes to the better side of each split);
 * categorical features enter as ordinal codes, unseen categories as missing.
 */
import { availableParallelism } from 'node:os';
import { Rng } from '../../common/random.js';
import { InvalidParamError } from '../../errors.js';
import { Pipeline } from '../../features/pipeline.js';
import type { FitOptions, TrainSet } from '../estimator.js';
import { featureSchemaOf } from '../feature-schema.js';
import { fitControl } from '../shared/fit-control.js';
import { alignedFrame } from '../shared/input-frame.js';
import { rowWeights } from '../shared/sample-weights.js';
import { binDataset } from './binning/binned-dataset.js';
import { ForestModel } from './model.js';
import { OobAccumulator } from './oob.js';
import { type ForestParams, featuresPerNode } from './params.js';
import { growTreesInWorkers } from './parallel.js';
import type { Criterion } from './tree/criterion.js';
import type { GrownTree } from './tree/grower.js';
import { type ForestJob, replayCounts, runTreeJob } from './tree-job.js';

function criterionFor(params: Readonly<ForestParams>, regression: boolean, kind: string): Criterion {
  const c = params.criterion === 'log_loss' ? 'entropy' : params.criterion;
  if (c === 'auto') return regression ? 'squared_error' : 'gini';
  if (regression !== (c === 'squared_error')) {
    const allowed = regression ? "'squared_error'" : "'gini', 'entropy', 'log_loss'";
    throw new InvalidParamError('MW_PARAM_INVALID', `The 'criterion' parameter of ${kind} must be one of ${allowed} for ${regression ? 'regression' : 'classification'}. Got '${params.criterion}' instead.`);
  }
  return c;
}

export async function fitForest(kind: 'rf' | 'extratrees', params: Readonly<ForestParams>, data: TrainSet, opts: FitOptions = {}): Promise<ForestModel> {
  const regression = data.y.task === 'regression';
  const criterion = criterionFor(params, regression, kind);
  const schema = featureSchemaOf(data.X);
  const frame = alignedFrame(data.X, schema, kind);
  const pipeline = Pipeline.fit(frame, [{ kind: 'ordinal' }]);
  const encoded = pipeline.transform(frame);
  const columns = pipeline.outputNames.map((name) => {
    const col = encoded.column(name);
    return col.dtype === 'categorical' ? Float64Array.from(col.codes) : col.values;
  });
  const rng = new Rng(params.seed);
  const threads = params.n_jobs === -1 ? availableParallelism() : (opts.threads ?? params.n_jobs);
  const binned = binDataset(columns, params.max_bins, rng, threads > 1);
  const K = regression ? 0 : (data.y.classes?.length ?? 2);
  const job: ForestJob = {
    data: binned,
    target: data.y.values,
    baseWeight: rowWeights(data, params.class_weight === 'balanced' ? 'balanced' : 'none'),
    grow: {
      criterion,
      nClasses: K,
      maxDepth: params.max_depth,
      minSamplesSplit: params.min_samples_split,
      minSamplesLeaf: params.min_samples_leaf,
      maxFeatures: featuresPerNode(params.max_features, columns.length, !regression, kind),
      mode: kind === 'rf' ? 'best' : 'random',
    },
    bootstrap: params.bootstrap,
    maxSamples: params.max_samples,
    balancedSubsample: params.class_weight === 'balanced_subsample' && !regression,
  };
  const seeds = Array.from({ length: params.n_estimators }, () => rng.nextUint32());
  const control = fitControl(opts, kind);
  let grown: GrownTree[];
  if (threads > 1 && seeds.length > 1) {
    grown = await growTreesInWorkers(job, seeds, Math.min(threads, seeds.length), control, opts.onProgress);
  } else {
    grown = [];
    for (const seed of seeds) {
      // A spent time budget keeps the trees grown so far (at least one).
      if (grown.length > 0 && control.shouldStop()) break;
      grown.push(...runTreeJob(job, [seed]));
      opts.onProgress?.(grown.length, seeds.length, `tree ${grown.length}`);
    }
  }
  const importance = new Float64Array(columns.length);
  for (const g of grown) for (let f = 0; f < importance.length; f++) importance[f] += g.importance[f] / Math.max(1e-300, sumOf(g.importance));
  const total = sumOf(importance);
  let oobScore: number | null = null;
  if (params.oob_score && params.bootstrap) {
    const acc = new OobAccumulator(binned.nRows, regression ? 1 : K);
    grown.forEach((g, t) => acc.add(g.tree, columns, replayCounts(job, seeds[t]) as Int32Array));
    const s = acc.score(data.y.values, regression);
    oobScore = Number.isFinite(s) ? s : null;
  }
  return new ForestModel(
    kind,
    data.y.task,
    schema,
    data.y.classes ?? [],
    { ...params },
    pipeline,
    grown.map((g) => g.tree),
    Array.from(importance, (v) => (total > 0 ? v / total : 0)),
    oobScore,
  );
}

function sumOf(a: Float64Array): number {
  let s = 0;
  for (const v of a) s += v;
  return s;
}
