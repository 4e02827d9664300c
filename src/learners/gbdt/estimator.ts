/**
 * @module learners/gbdt/estimator
 * `GbdtEstimator`: validated params in, a fitted `GbdtModel` out. It checks the inputs,
 * aligns features to the schema, resolves the objective and thread count, wires continued
 * training, and hands the work to the boosting loop (boosting.ts).
 */
import { availableParallelism } from 'node:os';
import { DataError, InvalidParamError } from '../../errors.js';
import { resolveParams } from '../../params/resolve.js';
import type { Estimator, FitOptions, TrainSet } from '../estimator.js';
import { alignFeatures, featureSchemaOf, type FeatureSchema } from '../feature-schema.js';
import { boost } from './boosting.js';
import { GbdtClassifierModel, GbdtModel, type GbdtModelInit } from './model.js';
import { resolveObjective } from './objectives/index.js';
import { GBDT_PARAMS, type GbdtParams } from './params.js';

/** Below this many cells (rows × features) threads cost more to start than they save. */
const AUTO_THREADS_MIN_CELLS = 2_000_000;

export class GbdtEstimator implements Estimator<GbdtParams, GbdtModel> {
  readonly kind = 'gbdt';

  private constructor(readonly params: Readonly<GbdtParams>) {}

  /**
   * An estimator from user params (LightGBM names or aliases, strings accepted).
   * @example GbdtEstimator.create({ num_leaves: 63, eta: '0.05' })
   */
  static create(given: Readonly<Record<string, unknown>> = {}): GbdtEstimator {
    return new GbdtEstimator(resolveParams(GBDT_PARAMS, given, 'gbdt'));
  }

  withParams(p: Partial<GbdtParams>): GbdtEstimator {
    return GbdtEstimator.create({ ...this.params, ...p });
  }

  async fit(data: TrainSet, opts: FitOptions = {}): Promise<GbdtModel> {
    const p = this.params;
    const task = data.y.task;
    const objective = resolveObjective(p.objective, task);
    checkTrainSet(data, 'training');
    if (opts.evalSet) checkTrainSet(opts.evalSet, 'validation');
    const init = opts.initModel;
    if (init && !(init instanceof GbdtModel)) {
      throw new InvalidParamError('MW_PARAM_INVALID', `Continued training needs a gbdt model as initModel; got a '${init.kind}' model.`);
    }
    if (init && (init.objective !== objective || init.task !== task)) {
      throw new InvalidParamError('MW_PARAM_INVALID', `Continued training needs the same objective and task: the init model uses '${init.objective}' (${init.task}), this fit '${objective}' (${task}).`);
    }
    // Continued training keeps the init model's schema: its trees refer to those category codes.
    const schema: FeatureSchema = init ? init.inputSchema : featureSchemaOf(data.X);
    const aligned = alignFeatures(data.X, schema, 'gbdt');
    const validAligned = opts.evalSet ? alignFeatures(opts.evalSet.X, schema, 'gbdt') : undefined;
    const threads = this.threadsFor(opts, aligned.nRows * schema.features.length);
    const initRaw = init
      ? {
          train: outputMajor(init.rawOfAligned(aligned), aligned.nRows, init.numOutputs),
          valid: validAligned ? outputMajor(init.rawOfAligned(validAligned), validAligned.nRows, init.numOutputs) : undefined,
          baseScore: init.baseScore,
        }
      : undefined;
    const result = await boost({ params: p, objective, data, aligned, schema, threads, opts, validAligned, initRaw });
    const modelInit: GbdtModelInit = {
      task, inputSchema: schema, params: { ...p }, classes: task === 'regression' ? undefined : data.y.classes,
      objective, sigmoid: p.sigmoid, numOutputs: result.numOutputs, baseScore: result.baseScore,
      trees: [...(init?.trees ?? []), ...result.trees], bestIteration: (init?.bestIteration ?? 0) + result.bestIteration,
    };
    const model = task === 'regression' ? new GbdtModel(modelInit) : new GbdtClassifierModel(modelInit);
    timings.set(model, { binningSeconds: result.binningMs / 1000, trainingSeconds: result.trainingMs / 1000, threads });
    opts.onPhase?.('binning', result.binningMs / 1000);
    opts.onPhase?.('training', result.trainingMs / 1000);
    return model;
  }

  private threadsFor(opts: FitOptions, cells: number): number {
    const p = this.params;
    const asked = opts.threads ?? (p.num_threads > 0 ? p.num_threads : 0);
    if (asked > 0) return Math.max(1, Math.floor(asked));
    return cells < AUTO_THREADS_MIN_CELLS ? 1 : Math.max(1, Math.min(availableParallelism(), 8));
  }
}

/** Seconds spent binning and training, and the threads used, per fitted model (for `fit --json`). */
export interface FitTimings {
  readonly binningSeconds: number;
  readonly trainingSeconds: number;
  readonly threads: number;
}

const timings = new WeakMap<GbdtModel, FitTimings>();

/** Timings of a model fitted in this process (undefined for a loaded model). */
export function fitTimings(model: GbdtModel): FitTimings | undefined {
  return timings.get(model);
}

function checkTrainSet(d: TrainSet, which: string): void {
  const n = d.y.values.length;
  if (d.X.nRows !== n) throw new DataError('MW_TARGET_INVALID', `The ${which} features have ${d.X.nRows} rows but the target has ${n}.`);
  if (n === 0) throw new DataError('MW_DATA_EMPTY', `The ${which} data has no rows.`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(d.y.values[i])) {
      throw new DataError('MW_TARGET_INVALID', `The ${which} target has a missing or non-finite value at row ${i}; drop rows without a target before fitting.`);
    }
  }
  if (d.weight) {
    if (d.weight.length !== n) throw new DataError('MW_TARGET_INVALID', `The ${which} weights have ${d.weight.length} entries for ${n} rows.`);
    for (let i = 0; i < n; i++) {
      if (!(d.weight[i] >= 0 && Number.isFinite(d.weight[i]))) throw new DataError('MW_TARGET_INVALID', `The ${which} weight at row ${i} is ${d.weight[i]}; weights must be finite and >= 0.`);
    }
  }
}

/** Row-major n × K → output-major K × n. */
function outputMajor(raw: Float64Array, n: number, K: number): Float64Array {
  const out = new Float64Array(n * K);
  for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) out[k * n + i] = raw[i * K + k];
  return out;
}
