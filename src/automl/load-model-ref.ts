/**
 * @module automl/load-model-ref
 * One way to score with anything Modelwright saves: a predictor directory (from `train`) or a
 * model file (from `fit`), given as a path or as a registry reference (`NAME`, `NAME@VERSION`,
 * `NAME@ALIAS`, resolved and verified by registry/model-ref.ts). Both become a `TableScorer`
 * that maps a raw table to prediction columns (`prediction`, and `proba_<class>` per class for
 * classifiers).
 */
import { float64Column } from '../data/frame/column.js';
import { Frame } from '../data/frame/frame.js';
import type { TaskInference } from '../data/schema/types.js';
import { predictFrame } from '../fit/predict-frame.js';
import { loadFittedModel } from '../fit/saved-model.js';
import { resolveModelRef } from '../registry/model-ref.js';
import { isPredictorDir, loadPredictor } from './predictor-file.js';
import type { Predictor } from './predictor.js';

export interface TableScorer {
  readonly kind: 'predictor' | 'model';
  readonly task: TaskInference;
  /** Prediction columns for the rows of `data`. */
  score(data: Frame): Frame;
}

/** Prediction columns of a predictor: labels/values and class probabilities. */
export function predictorColumns(predictor: Predictor, data: Frame): Frame {
  const prediction = predictor.predict(data);
  const cols = [prediction];
  const classes = predictor.classes;
  if (classes) {
    const proba = predictor.predictProba(data);
    const k = classes.length;
    classes.forEach((cls, j) => {
      const values = new Float64Array(data.nRows);
      for (let i = 0; i < data.nRows; i++) values[i] = proba[i * k + j];
      cols.push(float64Column(`proba_${cls}`, values));
    });
  }
  return Frame.fromColumns(cols);
}

/** Load a predictor directory or a model file, by path or registry reference. */
export async function loadTableScorer(ref: string): Promise<TableScorer> {
  const { path } = await resolveModelRef(ref);
  if (await isPredictorDir(path)) {
    const predictor = await loadPredictor(path);
    return { kind: 'predictor', task: predictor.state.task, score: (data) => predictorColumns(predictor, data) };
  }
  const { model, meta } = await loadFittedModel(path);
  return { kind: 'model', task: meta.task, score: (data) => predictFrame(model, data, meta.schema) };
}
