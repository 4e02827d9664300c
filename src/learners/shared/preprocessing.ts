/**
 * @module learners/shared/preprocessing
 * The default preprocessing each learner family brings inside its model, so that a learner
 * works on raw Frames with NaN and text categories:
 *
 *   scaled  (linear, knn, mlp):   impute median + __missing indicators → standardise → one-hot
 *   unscaled (naive Bayes):       impute median + __missing indicators → one-hot
 *
 * Scaling comes before one-hot so that 0/1 category columns stay 0/1 (as in the usual
 * scikit-learn ColumnTransformer); missing and unseen categories both give all-zero rows.
 * Trees (forest/) use ordinal codes and handle NaN natively instead.
 */
import type { Frame } from '../../data/frame/frame.js';
import type { DesignMatrix } from '../../features/design-matrix.js';
import { Pipeline, type PipelineState, type StepSpec } from '../../features/pipeline.js';
import { defineParams } from '../../params/index.js';
import type { FeatureSchema } from '../feature-schema.js';
import { alignedFrame } from './input-frame.js';

/** The one-hot parameter every dense learner shares (declared once here). */
export const ONE_HOT_PARAMS = defineParams({
  max_categories: {
    type: 'number',
    integer: true,
    min: 2,
    default: 32,
    description: 'One-hot columns per categorical feature at most; rarer categories share an __other__ column.',
  },
});

export function denseSteps(maxCategories: number, scale: boolean): StepSpec[] {
  const steps: StepSpec[] = [{ kind: 'impute', options: { numeric: 'median', addIndicator: true } }];
  if (scale) steps.push({ kind: 'standard-scale' });
  steps.push({ kind: 'one-hot', options: { maxCategories } });
  return steps;
}

/** A fitted pipeline bound to a model's input schema: raw Frame in, design matrix out. */
export class ModelInput {
  constructor(
    readonly schema: FeatureSchema,
    readonly pipeline: Pipeline,
    private readonly modelName: string,
  ) {}

  static fit(X: Frame, schema: FeatureSchema, steps: readonly StepSpec[], modelName: string): { input: ModelInput; matrix: DesignMatrix } {
    const frame = alignedFrame(X, schema, modelName);
    const pipeline = Pipeline.fit(frame, steps);
    const input = new ModelInput(schema, pipeline, modelName);
    return { input, matrix: pipeline.toMatrix(frame) };
  }

  static fromJSON(schema: FeatureSchema, state: PipelineState, modelName: string): ModelInput {
    return new ModelInput(schema, Pipeline.fromJSON(state), modelName);
  }

  matrix(X: Frame): DesignMatrix {
    return this.pipeline.toMatrix(alignedFrame(X, this.schema, this.modelName));
  }

  toJSON(): PipelineState {
    return this.pipeline.toJSON();
  }
}
