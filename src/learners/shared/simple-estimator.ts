/**
 * @module learners/shared/simple-estimator
 * An Estimator built from a param schema and a fit function: params are resolved once
 * (aliases, defaults, ranges) and frozen, `withParams` returns a new validated estimator,
 * and `fit` checks the task before calling the learner's own fit.
 */
import type { Task } from '../../data/schema/types.js';
import { DataError, UsageError } from '../../errors.js';
import { type ParamSchema, type ParamsOf, resolveParams } from '../../params/index.js';
import type { Estimator, FitOptions, Model, TrainSet } from '../estimator.js';

export type FitFn<P, M extends Model> = (params: Readonly<P>, data: TrainSet, opts: FitOptions) => M | Promise<M>;

export class SimpleEstimator<S extends ParamSchema, M extends Model> implements Estimator<ParamsOf<S>, M> {
  readonly params: Readonly<ParamsOf<S>>;

  constructor(
    readonly kind: string,
    private readonly schema: S,
    given: Readonly<Record<string, unknown>>,
    private readonly tasks: readonly Task[],
    private readonly fitFn: FitFn<ParamsOf<S>, M>,
    /** Checks across params that a schema cannot express (throws InvalidParamError). */
    private readonly validate: (p: ParamsOf<S>) => void = () => {},
  ) {
    const params = resolveParams(schema, given, kind);
    validate(params);
    this.params = Object.freeze(params);
  }

  withParams(p: Partial<ParamsOf<S>>): SimpleEstimator<S, M> {
    return new SimpleEstimator(this.kind, this.schema, { ...this.params, ...p }, this.tasks, this.fitFn, this.validate);
  }

  async fit(data: TrainSet, opts: FitOptions = {}): Promise<M> {
    if (!this.tasks.includes(data.y.task)) {
      throw new UsageError('MW_TASK_UNSUPPORTED', `Learner '${this.kind}' does not support the task '${data.y.task}'. Must be one of ${this.tasks.join(', ')}.`);
    }
    checkTarget(this.kind, data);
    return this.fitFn(this.params, data, opts);
  }
}

/**
 * Learners index arrays with class indices and sum target values: a missing target (NaN) or
 * an index outside the classes would corrupt the model silently, so refuse it up front.
 */
function checkTarget(kind: string, data: TrainSet): void {
  const { values, task, classes } = data.y;
  if (values.length === 0 || data.X.nRows === 0) {
    throw new DataError('MW_DATA_EMPTY', `Learner '${kind}' got no training rows.`);
  }
  const K = classes?.length ?? 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const bad = task === 'regression' ? !Number.isFinite(v) : !(Number.isInteger(v) && v >= 0 && v < K);
    if (bad) {
      throw new UsageError('MW_USAGE', `Learner '${kind}' got an invalid target at row ${i} (${v}); ${task === 'regression' ? 'targets must be finite numbers' : `class indices must be integers in [0, ${K})`}.`, {
        hint: 'Drop rows with a missing target before fitting (rowsWithTarget / takeTarget in learners/target.ts).',
      });
    }
  }
}
