/**
 * @module learners/bayes/model
 * A fitted naive Bayes classifier: the preprocessing pipeline plus the per-class statistics
 * (plain numbers). Log-probabilities are derived again on load, so the state never holds
 * −Infinity (which JSON cannot carry).
 */
import type { Frame } from '../../data/frame/frame.js';
import type { Task } from '../../data/schema/types.js';
import type { PipelineState } from '../../features/pipeline.js';
import type { ModelState } from '../estimator.js';
import type { FeatureSchema } from '../feature-schema.js';
import { ModelInput } from '../shared/preprocessing.js';
import { SupervisedModel } from '../shared/supervised-model.js';
import {
  type GaussianStats,
  type MultinomialStats,
  gaussianJll,
  logPriors,
  multinomialJll,
  multinomialLogProbs,
  normaliseLogLikelihoods,
} from './naive-bayes-math.js';

export type NaiveBayesStats = ({ readonly variant: 'gaussian' } & GaussianStats) | ({ readonly variant: 'multinomial' } & MultinomialStats);

export interface NaiveBayesState {
  readonly pipeline: PipelineState;
  readonly stats: NaiveBayesStats;
}

export class NaiveBayesModel extends SupervisedModel {
  readonly kind = 'naive_bayes';
  private readonly logPrior: Float64Array;
  private readonly logProb?: Float64Array;

  constructor(
    task: Task,
    inputSchema: FeatureSchema,
    classes: readonly string[],
    params: Readonly<Record<string, unknown>>,
    readonly input: ModelInput,
    readonly stats: NaiveBayesStats,
  ) {
    super(task, inputSchema, classes, params);
    this.logPrior = logPriors(stats.classCount, params.fit_prior !== false);
    if (stats.variant === 'multinomial') this.logProb = multinomialLogProbs(stats, Number(params.alpha), input.pipeline.outputNames.length);
  }

  static load(s: ModelState): NaiveBayesModel {
    const st = s.state as NaiveBayesState;
    return new NaiveBayesModel(s.task, s.inputSchema, s.classes ?? [], s.params, ModelInput.fromJSON(s.inputSchema, st.pipeline, 'naive_bayes'), st.stats);
  }

  /** n × K joint log-likelihoods (log prior + log likelihood), before normalisation. */
  jointLogLikelihood(X: Frame): Float64Array {
    const m = this.input.matrix(X);
    return this.stats.variant === 'gaussian' ? gaussianJll(m, this.stats, this.logPrior) : multinomialJll(m, this.logProb as Float64Array, this.logPrior);
  }

  protected output(X: Frame): Float64Array {
    return normaliseLogLikelihoods(this.jointLogLikelihood(X), this.classes.length);
  }

  protected state(): NaiveBayesState {
    return { pipeline: this.input.toJSON(), stats: this.stats };
  }
}
