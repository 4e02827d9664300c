/**
 * @module serve/predict-response
 * Scores as JSON, mirroring the request's shape:
 *
 *   rows    → "predictions": [{ "prediction": "yes", "probabilities": { "no": 0.2, "yes": 0.8 } }, …]
 *   columns → "predictions": { "prediction": ["yes", …], "probabilities": { "no": [0.2, …], "yes": [0.8, …] } }
 *
 * Regression rows carry only "prediction" (a number). Probabilities are rounded to 1e-12 so
 * that the JSON stays short without changing any decision.
 */
import type { ServedModel, Scores } from './served-model.js';
import type { BodyShape } from './validate-rows.js';

export type PredictionValue = string | number | null;

const round = (p: number): number => Math.round(p * 1e12) / 1e12;

/** The prediction of row i: a class label or a value (null for a NaN regression output). */
export function predictionAt(model: ServedModel, s: Scores, i: number): PredictionValue {
  if (s.labels && model.classes) return model.classes[s.labels[i]];
  const v = (s.values as Float64Array)[i];
  return Number.isFinite(v) ? v : null;
}

/** Row i's probabilities by class. */
export function probabilitiesAt(model: ServedModel, s: Scores, i: number): Record<string, number> | undefined {
  const classes = model.classes;
  if (!classes || !s.proba) return undefined;
  const k = classes.length;
  const out: Record<string, number> = {};
  for (let j = 0; j < k; j++) out[classes[j]] = round(s.proba[i * k + j]);
  return out;
}

/** One object per row. */
export function predictionRows(model: ServedModel, s: Scores): { prediction: PredictionValue; probabilities?: Record<string, number> }[] {
  const out = new Array<{ prediction: PredictionValue; probabilities?: Record<string, number> }>(s.n);
  for (let i = 0; i < s.n; i++) {
    const probabilities = probabilitiesAt(model, s, i);
    out[i] = probabilities ? { prediction: predictionAt(model, s, i), probabilities } : { prediction: predictionAt(model, s, i) };
  }
  return out;
}

/** One array per output. */
export function predictionColumns(model: ServedModel, s: Scores): { prediction: PredictionValue[]; probabilities?: Record<string, number[]> } {
  const prediction = Array.from({ length: s.n }, (_, i) => predictionAt(model, s, i));
  const classes = model.classes;
  if (!classes || !s.proba) return { prediction };
  const k = classes.length;
  const proba = s.proba;
  const probabilities = Object.fromEntries(classes.map((c, j) => [c, Array.from({ length: s.n }, (_, i) => round(proba[i * k + j]))]));
  return { prediction, probabilities };
}

/** The "predictions" member of a response for a request of shape `shape`. */
export function predictionsJson(model: ServedModel, s: Scores, shape: BodyShape): unknown {
  return shape === 'rows' ? predictionRows(model, s) : predictionColumns(model, s);
}

/** The "model" member of every prediction response. */
export function modelJson(name: string, model: ServedModel): { name: string; version: number | null } {
  return { name, version: model.version };
}

/** Version label for metrics and logs: the number, or "file" for a model loaded from a path. */
export function versionLabel(model: ServedModel): string {
  return model.version === null ? 'file' : String(model.version);
}
