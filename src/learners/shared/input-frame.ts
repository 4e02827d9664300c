/**
 * @module learners/shared/input-frame
 * The Frame a model's preprocessing sees: the caller's columns aligned to the model's input
 * schema (order, dtypes) with categorical columns re-coded to the training dictionaries.
 * Unseen categories become missing here, so every learner treats "unseen" exactly like
 * "missing" (the `unseenCategory: 'as-missing'` tag).
 */
import { categoricalColumn, float64Column } from '../../data/frame/column.js';
import { Frame } from '../../data/frame/frame.js';
import { alignFeatures, type FeatureSchema } from '../feature-schema.js';

/** `X` aligned to `schema`; throws SchemaMismatchError naming a missing or mistyped column. */
export function alignedFrame(X: Frame, schema: FeatureSchema, modelName: string): Frame {
  const aligned = alignFeatures(X, schema, modelName);
  return Frame.fromColumns(
    schema.features.map((f, j) => {
      const values = aligned.columns[j];
      return f.kind === 'categorical' ? categoricalColumn(f.name, values as Int32Array, f.categories ?? []) : float64Column(f.name, values as Float64Array);
    }),
  );
}
