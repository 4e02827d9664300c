/**
 * @module learners/knn/estimator
 * Fit `knn`: preprocess (impute + indicators → standardise → one-hot, so every feature has a
 * comparable scale in the distance) and keep the resulting matrix.
 */
import type { ParamsOf } from '../../params/index.js';
import type { TrainSet } from '../estimator.js';
import { featureSchemaOf } from '../feature-schema.js';
import { ModelInput, denseSteps } from '../shared/preprocessing.js';
import { KnnModel } from './model.js';
import type { KNN_PARAMS } from './params.js';

export type KnnParams = ParamsOf<typeof KNN_PARAMS>;

export function fitKnn(params: Readonly<KnnParams>, data: TrainSet): KnnModel {
  const schema = featureSchemaOf(data.X);
  const { input, matrix } = ModelInput.fit(data.X, schema, denseSteps(params.max_categories, true), 'knn');
  return new KnnModel(data.y.task, schema, data.y.classes ?? [], { ...params }, input, matrix.data, Float64Array.from(data.y.values));
}
