/**
 * @module learners/gbdt/boosting
 * The boosting loop (LightGBM's GBDT::Train):
 *
 *   bin features (sample → BinMappers → row-major bins)
 *   scores ← init model's raw scores | TrainSet.initScore | boost_from_average
 *   for each iteration:
 *     gradients of every output ← objective(scores)
 *     bag rows (every bagging_freq) · sample the tree's features
 *     for each output k: grow a tree → renew leaves (L1, quantile) → shrink by learning_rate
 *                        → add it to training scores (in-bag by partition, out-of-bag and
 *                          validation rows by traversal)
 *     evaluate validation metrics → log / progress → early stopping
 *   keep the trees up to the best iteration
 *
 * Training stops early when no tree of an iteration can split, when the time budget is
 * spent, or on early stopping; an aborted signal throws MW_CANCELLED.
 */
import { Rng } from '../../common/random.js';
import type { FitOptions, TrainSet } from '../estimator.js';
import type { AlignedFeatures, FeatureSchema } from '../feature-schema.js';
import { fitControl } from '../shared/fit-control.js';
import { createBinMappers } from './binning/create-mappers.js';
import { earlyStopping, logEvaluation, type EvalResult } from './callbacks.js';
import { BinnedDataset, allocate } from './dataset.js';
import { type EvalMetric, resolveMetrics } from './eval-metrics.js';
import { type CanonicalObjective, createObjective, transformRaw } from './objectives/index.js';
import { queriesOf } from './objectives/ranking.js';
import type { GbdtParams } from './params.js';
import type { ObjectiveSpec } from './parallel/protocol.js';
import { type PoolArrays, startWorkerPool } from './parallel/start-pool.js';
import type { WorkerPool } from './parallel/worker-pool.js';
import { Bagger } from './sampling/bagging.js';
import { ColumnSampler } from './sampling/column-sampler.js';
import type { GrowerConfig } from './tree/grower.js';
import { TreeGrower } from './tree/grower.js';
import { type HistogramBuilder, LocalHistogramBuilder } from './tree/histogram-builder.js';
import { DataPartition } from './tree/partition.js';
import { Tree } from './tree/tree.js';

export interface BoostInput {
  readonly params: GbdtParams;
  readonly objective: CanonicalObjective;
  readonly data: TrainSet;
  readonly aligned: AlignedFeatures;
  readonly schema: FeatureSchema;
  readonly threads: number;
  readonly opts: FitOptions;
  /** Validation features aligned to the schema (when opts.evalSet is given). */
  readonly validAligned?: AlignedFeatures;
  /** Continued training: raw scores of the init model, output-major K × n (train, valid). */
  readonly initRaw?: { readonly train: Float64Array; readonly valid?: Float64Array; readonly baseScore: Float64Array };
}

export interface BoostResult {
  readonly trees: Tree[];
  readonly baseScore: Float64Array;
  readonly numOutputs: number;
  /** Iterations kept (the best one when early stopping was on). */
  readonly bestIteration: number;
  readonly binningMs: number;
  readonly trainingMs: number;
}

/** Mix the master seed into a per-purpose seed (different purposes stay independent). */
export function subSeed(seed: number, purpose: number): number {
  return (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(purpose | 0, 0x85ebca6b)) >>> 0;
}

export function growerConfig(p: GbdtParams): GrowerConfig {
  return {
    numLeaves: p.num_leaves, maxDepth: p.max_depth, lambdaL1: p.lambda_l1, lambdaL2: p.lambda_l2, maxDeltaStep: p.max_delta_step,
    minDataInLeaf: p.min_data_in_leaf, minSumHessianInLeaf: p.min_sum_hessian_in_leaf, minGainToSplit: p.min_gain_to_split,
    maxCatToOnehot: p.max_cat_to_onehot, maxCatThreshold: p.max_cat_threshold, catL2: p.cat_l2, catSmooth: p.cat_smooth,
    minDataPerGroup: p.min_data_per_group,
  };
}

export async function boost(input: BoostInput): Promise<BoostResult> {
  const { params: p, data, opts } = input;
  const control = fitControl(opts, 'gbdt');
  const t0 = performance.now();
  const n = data.y.values.length;
  const labels = data.y.values;
  const weights = data.weight ?? null;
  const objective = createObjective(input.objective, p, { labels, weights, groups: data.group ?? null, numClasses: data.y.classes?.length ?? 0 });
  const K = objective.numOutputs;
  const shared = input.threads > 1;
  const mappers = createBinMappers(input.aligned, input.schema, {
    maxBin: p.max_bin, minDataInBin: p.min_data_in_bin, sampleCount: p.bin_construct_sample_cnt, seed: subSeed(p.seed, p.data_random_seed),
  });
  const dataset = BinnedDataset.build(input.aligned, mappers, shared);
  const valid = opts.evalSet && input.validAligned ? BinnedDataset.build(input.validAligned, mappers) : null;
  const t1 = performance.now();

  // Starting scores, output-major.
  const baseScore = new Float64Array(K);
  const score = allocate(Float64Array, K * n, shared);
  const nv = valid ? valid.nRows : 0;
  const validScore = new Float64Array(K * nv);
  if (input.initRaw) {
    baseScore.set(input.initRaw.baseScore);
    score.set(input.initRaw.train);
    if (input.initRaw.valid) validScore.set(input.initRaw.valid);
  } else {
    if (!data.initScore) for (let k = 0; k < K; k++) baseScore[k] = objective.initScore(k);
    for (let k = 0; k < K; k++) {
      score.fill(baseScore[k], k * n, (k + 1) * n);
      validScore.fill(baseScore[k], k * nv, (k + 1) * nv);
    }
    addRowMajor(score, data.initScore, n, K);
    addRowMajor(validScore, opts.evalSet?.initScore, nv, K);
  }

  const gh = allocate(Float64Array, K * 2 * n, shared);
  const indices = allocate(Int32Array, n, shared);
  const hist = allocate(Float64Array, p.num_leaves * dataset.layout.histSize, shared);
  // More threads than feature slices (words of 4 narrow features, wide features) would idle.
  const threads = Math.min(input.threads, dataset.layout.narrowWords + dataset.layout.wideStride);
  const spec = objective.rowParallel ? objectiveSpec(input.objective, p, labels, weights, data.y.classes?.length ?? 0) : null;
  const pool = threads > 1 ? await tryWorkerPool(dataset, { indices, gh, hist, score }, threads, spec, opts.log) : null;
  const builder: HistogramBuilder = pool ?? new LocalHistogramBuilder(dataset, indices, gh, hist);
  const gradients = pool && spec
    ? () => pool.gradients(n, (b, e) => objective.gradients(score, gh, b, e))
    : () => objective.gradients(score, gh);
  if (p.early_stopping_round > 0 && !opts.evalSet) opts.log?.('early_stopping_round is set but no validation set was given: training every iteration.');
  try {
    const partition = new DataPartition(n, p.num_leaves, indices, pool);
    const grower = new TreeGrower(dataset, growerConfig(p), builder, partition);
    const allFeatures = Int32Array.from({ length: mappers.length }, (_, f) => f);
    const sampler = new ColumnSampler(dataset.layout, allFeatures, p.feature_fraction, p.feature_fraction_bynode,
      new Rng(subSeed(p.seed, p.feature_fraction_seed)), new Rng(subSeed(p.seed, p.feature_fraction_seed + 1)));
    const bagger = new Bagger(n, p.bagging_fraction, p.bagging_freq, new Rng(subSeed(p.seed, p.bagging_seed)));
    const metrics = valid ? resolveMetrics(p.metric, objective.defaultMetric, p.alpha, p.eval_at, p.label_gain.length > 0 ? p.label_gain : undefined) : [];
    const evalData = opts.evalSet
      ? { labels: opts.evalSet.y.values, weights: opts.evalSet.weight ?? null, queries: opts.evalSet.group ? queriesOf(opts.evalSet.group) : null, numOutputs: K }
      : null;
    const stopper = earlyStopping(p.early_stopping_round);
    const formatLog = logEvaluation(p.metric_freq);
    const trees: Tree[] = [];
    let iterations = 0;
    for (let iter = 0; iter < p.num_iterations; iter++) {
      if (control.shouldStop()) break;
      gradients();
      const bag = bagger.bagFor(iter);
      const oob = bagger.outOfBagRows();
      const tf = sampler.nextTree();
      const grown: Tree[] = [];
      let anySplit = false;
      for (let k = 0; k < K; k++) {
        if (!objective.needsTraining(k)) {
          grown.push(new Tree(1));
          continue;
        }
        const tree = grower.grow(tf, sampler, k * 2 * n, bag);
        if (tree.numLeaves > 1) {
          anySplit = true;
          finishTree(tree, partition, objective.renewLeaf?.bind(objective), score.subarray(k * n, (k + 1) * n), p.learning_rate);
          if (oob) tree.addBinnedPredictions(dataset, oob, score, k * n);
          if (valid) tree.addBinnedPredictions(valid, null, validScore, k * nv);
        }
        grown.push(tree);
      }
      if (!anySplit) {
        opts.log?.(`[${iter + 1}] stopped: no tree can be split further (min_data_in_leaf, min_sum_hessian_in_leaf, min_gain_to_split).`);
        break;
      }
      trees.push(...grown);
      iterations = iter + 1;
      const wantEval = metrics.length > 0 && (p.early_stopping_round > 0 || iterations % p.metric_freq === 0 || iterations === p.num_iterations);
      const results: EvalResult[] = wantEval && evalData ? evaluate(metrics, validScore, nv, K, input.objective, p.sigmoid, evalData) : [];
      const info = { iteration: iterations, total: p.num_iterations, results };
      const line = formatLog(info);
      if (line) opts.log?.(line);
      opts.onProgress?.(iterations, p.num_iterations, line ?? `iteration ${iterations}`);
      if (results.length > 0 && stopper.update(info)) {
        opts.log?.(`Early stopping at iteration ${iterations}; best iteration ${stopper.bestIteration}.`);
        break;
      }
      // Let timers, signals and progress output run between iterations.
      if (iter % 4 === 3) await new Promise((r) => setImmediate(r));
    }
    let kept = iterations;
    if (p.early_stopping_round > 0 && stopper.bestIteration > 0) kept = stopper.bestIteration;
    trees.length = kept * K;
    return { trees, baseScore, numOutputs: K, bestIteration: kept, binningMs: t1 - t0, trainingMs: performance.now() - t1 };
  } finally {
    await builder.close();
  }
}

/**
 * Workers when asked for; when they cannot start, the calling thread alone — the model is the
 * same either way, so falling back only costs time.
 */
async function tryWorkerPool(data: BinnedDataset, arrays: PoolArrays, threads: number, spec: ObjectiveSpec | null, log?: (line: string) => void): Promise<WorkerPool | null> {
  try {
    return await startWorkerPool(data, arrays, threads, spec);
  } catch (e) {
    log?.(`${(e as Error).message} Training on 1 thread instead.`);
    return null;
  }
}

/** The objective as workers rebuild it: labels and weights copied to shared memory. */
function objectiveSpec(name: CanonicalObjective, params: GbdtParams, labels: Float64Array, weights: Float64Array | null, numClasses: number): ObjectiveSpec {
  const share = (a: Float64Array): Float64Array => {
    const s = allocate(Float64Array, a.length, true);
    s.set(a);
    return s;
  };
  return { name, params, numClasses, labels: share(labels), weights: weights ? share(weights) : null };
}

/** Renew leaf values (L1, quantile), shrink, and add the tree to in-bag training scores. */
function finishTree(tree: Tree, partition: DataPartition, renew: ((rows: Int32Array, score: Float64Array) => number) | undefined, score: Float64Array, lr: number): void {
  const idx = partition.indices;
  if (renew) {
    for (let l = 0; l < tree.numLeaves; l++) {
      const b = partition.leafBegin[l];
      tree.leafValue[l] = renew(idx.subarray(b, b + partition.leafCount[l]), score);
    }
  }
  tree.shrink(lr);
  for (let l = 0; l < tree.numLeaves; l++) {
    const v = tree.leafValue[l];
    const b = partition.leafBegin[l];
    for (let i = b, e = b + partition.leafCount[l]; i < e; i++) score[idx[i]] += v;
  }
}

/** score (output-major) += init (row-major n × K). */
function addRowMajor(score: Float64Array, init: Float64Array | undefined, n: number, K: number): void {
  if (!init) return;
  for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) score[k * n + i] += init[i * K + k];
}

function evaluate(metrics: readonly EvalMetric[], validScore: Float64Array, nv: number, K: number, objective: CanonicalObjective, sigmoid: number, data: Parameters<EvalMetric['evaluate']>[1]): EvalResult[] {
  const pred = new Float64Array(nv * K);
  for (let i = 0; i < nv; i++) for (let k = 0; k < K; k++) pred[i * K + k] = validScore[k * nv + i];
  transformRaw(objective, sigmoid, pred, K);
  return metrics.map((m) => ({ name: m.name, value: m.evaluate(pred, data), higherBetter: m.higherBetter }));
}
