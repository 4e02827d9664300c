/**
 * @module learners/shared/simple-estimator
 * An Estimator built from a param schema and a fit function: params are resolved once
 * (aliases, defaults, ranges) and frozen, `withParams` returns a new validated estimator,
 * and `fit` checks the task before calling the learner's own fit.
 */
import type { Task } from '../../data/schema/types.js';
import { UsageError } from '../../errors.js';
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
    return this.fitFn(this.params, data, opts);
  }
}
