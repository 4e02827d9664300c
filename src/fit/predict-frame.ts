/**
 * @module fit/predict-frame
 * Predictions as a table: a `prediction` column and, for classifiers, one `proba_<class>`
 * column per class (labels as they appear in the training data).
 */
import { float64Column } from '../data/frame/column.js';
import { Frame } from '../data/frame/frame.js';
import type { DatasetSchema } from '../data/schema/types.js';
import { type Model, isClassifier } from '../learners/estimator.js';
import { featureFrame } from './feature-frame.js';

/**
 * Score `data` (a raw table: the same kind of file the model was trained on) and return the
 * prediction columns. The training schema turns raw columns into features the same way as
 * at training time; columns the model does not use are ignored.
 */
export function predictFrame(model: Model, data: Frame, schema: DatasetSchema): Frame {
  // The target column may be absent at prediction time; a missing feature column is reported
  // by the model's own schema check (alignFeatures) with the column's name.
  const { X } = featureFrame(data, { columns: schema.columns.filter((c) => c.role !== 'target') });
  const prediction = model.predict(X);
  const cols = [{ ...prediction, name: 'prediction' }];
  if (isClassifier(model)) {
    const proba = model.predictProba(X);
    const k = model.classes.length;
    model.classes.forEach((cls, j) => {
      const values = new Float64Array(X.nRows);
      for (let i = 0; i < X.nRows; i++) values[i] = proba[i * k + j];
      cols.push(float64Column(`proba_${cls}`, values));
    });
  }
  return Frame.fromColumns(cols);
}
