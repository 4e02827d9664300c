/**
 * @module explain/native-raw
 * A model's output on the scale its explanation uses, computed by the model itself (not from
 * the contributions), so reports can show — and tests can check — that base + Σ contributions
 * equals it: GBDT raw scores, linear scores (log-odds / softmax inputs / values), otherwise
 * probabilities (binary: the positive class) or values. Row-major n × outputs.
 */
import { modelOutput } from '../automl/cross-validate.js';
import type { Frame } from '../data/frame/frame.js';
import { type Model, isClassifier } from '../learners/estimator.js';
import type { GbdtModel } from '../learners/gbdt/model.js';
import type { LinearModel } from '../learners/linear/model.js';

export function nativeRaw(model: Model, X: Frame): Float64Array {
  if (model.kind === 'gbdt') return (model as GbdtModel).predictRaw(X);
  if (model.kind === 'linear') return (model as LinearModel).decisionFunction(X);
  const out = modelOutput(model, X);
  if (!isClassifier(model) || model.classes.length !== 2) return out;
  return Float64Array.from({ length: X.nRows }, (_, i) => out[2 * i + 1]);
}
