/**
 * @module evaluate/saved-model-ref
 * Anything Modelwright saves — a model file from `fit` or a predictor directory from `train` —
 * loaded with what evaluation and explanation need of it: the task (target, classes), how a
 * raw table becomes the model's feature frame, the model's output on feature frames
 * (probabilities n × K or values), and facts for reports (learner, parameters, lineage).
 */
import { modelOutput } from '../automl/cross-validate.js';
import type { Predictor } from '../automl/predictor.js';
import { isPredictorDir, loadPredictor } from '../automl/predictor-file.js';
import type { Frame } from '../data/frame/frame.js';
import type { DatasetSchema, TaskInference } from '../data/schema/types.js';
import { featureFrame } from '../fit/feature-frame.js';
import { type FittedModelMeta, loadFittedModel } from '../fit/saved-model.js';
import type { Model } from '../learners/estimator.js';
import type { ModelFileJson } from '../learners/model-file.js';
import { resolveModelRef } from '../registry/model-ref.js';

interface RefBase {
  readonly path: string;
  readonly task: TaskInference;
  readonly schema: DatasetSchema;
  /** 'gbdt', 'rf', … or 'ensemble' for predictors. */
  readonly learner: string;
  /** The model's feature frame of a raw table (target and non-feature columns left out). */
  features(data: Frame): Frame;
  /** Output on a feature frame: n × K probabilities (classifiers) or n values. */
  output(X: Frame): Float64Array;
  /** Binary predictors: P(class 1) at or above which class 1 is predicted (default 0.5). */
  readonly threshold?: number;
}

export interface ModelFileRef extends RefBase {
  readonly kind: 'model';
  readonly model: Model;
  readonly meta: FittedModelMeta;
  readonly file: ModelFileJson;
}

export interface PredictorRef extends RefBase {
  readonly kind: 'predictor';
  readonly predictor: Predictor;
}

export type SavedModelRef = ModelFileRef | PredictorRef;

/** The predictor's ensemble output on a feature frame (same arithmetic as Predictor). */
export function ensembleOutput(predictor: Predictor, X: Frame): Float64Array {
  let out: Float64Array | undefined;
  for (const m of predictor.state.members) {
    if (m.weight === 0) continue;
    for (const model of m.models) {
      const o = modelOutput(model, X);
      out ??= new Float64Array(o.length);
      const w = m.weight / m.models.length;
      for (let i = 0; i < o.length; i++) out[i] += w * o[i];
    }
  }
  return out ?? new Float64Array(0);
}

/**
 * Load a model file or a predictor directory (checksums verified, nothing evaluated).
 * @example const ref = await loadSavedModel('model.json'); ref.output(ref.features(table))
 */
export async function loadSavedModel(ref: string): Promise<SavedModelRef> {
  // A path, or a registry reference (NAME, NAME@VERSION, NAME@ALIAS) resolved and verified.
  const { path } = await resolveModelRef(ref);
  if (await isPredictorDir(path)) {
    const predictor = await loadPredictor(path);
    return {
      kind: 'predictor', path, predictor, task: predictor.state.task, schema: predictor.state.schema, learner: 'ensemble',
      threshold: predictor.state.threshold,
      features: (data) => predictor.features(data),
      output: (X) => ensembleOutput(predictor, X),
    };
  }
  const { model, meta, file } = await loadFittedModel(path);
  const schema = { columns: meta.schema.columns.filter((c) => c.role !== 'target') };
  return {
    kind: 'model', path, model, meta, file, task: meta.task, schema: meta.schema, learner: model.kind,
    features: (data) => featureFrame(data, schema).X,
    output: (X) => modelOutput(model, X),
  };
}
