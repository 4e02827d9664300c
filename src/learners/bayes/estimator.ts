/**
 * @module learners/bayes/estimator
 * Fit `naive_bayes`: preprocess (impute + __missing indicators + one-hot, no scaling: naive
 * Bayes is scale-free per feature), then per-class statistics in one pass.
 */
import { DataError } from '../../errors.js';
import type { ParamsOf } from '../../params/index.js';
import type { TrainSet } from '../estimator.js';
import { featureSchemaOf } from '../feature-schema.js';
import { ModelInput, denseSteps } from '../shared/preprocessing.js';
import { rowWeights } from '../shared/sample-weights.js';
import { NaiveBayesModel, type NaiveBayesStats } from './model.js';
import { fitGaussian, fitMultinomial } from './naive-bayes-math.js';
import type { NAIVE_BAYES_PARAMS } from './params.js';

export type NaiveBayesParams = ParamsOf<typeof NAIVE_BAYES_PARAMS>;

export function fitNaiveBayes(params: Readonly<NaiveBayesParams>, data: TrainSet): NaiveBayesModel {
  const schema = featureSchemaOf(data.X);
  const { input, matrix } = ModelInput.fit(data.X, schema, denseSteps(params.max_categories, false), 'naive_bayes');
  const classes = data.y.classes ?? [];
  const w = rowWeights(data, 'none');
  let stats: NaiveBayesStats;
  if (params.variant === 'multinomial') {
    const bad = matrix.data.findIndex((v) => v < 0);
    if (bad >= 0) {
      const column = matrix.names[bad % matrix.nCols];
      throw new DataError('MW_DATA_NEGATIVE_VALUES', `naive_bayes with variant=multinomial needs non-negative features, but column '${column}' holds ${matrix.data[bad]} (row ${Math.floor(bad / matrix.nCols)}).`, {
        details: { column },
      });
    }
    stats = { variant: 'multinomial', ...fitMultinomial(matrix, data.y.values, w, classes.length) };
  } else {
    stats = { variant: 'gaussian', ...fitGaussian(matrix, data.y.values, w, classes.length, params.var_smoothing) };
  }
  return new NaiveBayesModel(data.y.task, schema, classes, { ...params }, input, stats);
}
