/**
 * @module serve/served-model
 * One loaded model as the server holds it: where it came from (reference, registry version),
 * its input contract, and two operations — `score` (labels or values plus class
 * probabilities, computed in one pass over the model) and `explain` (per-row SHAP
 * contributions through src/explain). Loading resolves registry references and verifies
 * artifacts (registry/model-ref.ts) and evaluates nothing (evaluate/saved-model-ref.ts).
 *
 * Nothing here exposes the file path a model was loaded from: responses and errors name the
 * served name and version only.
 */
import { performance } from 'node:perf_hooks';
import { argmaxLabels } from '../automl/scoring.js';
import type { Frame } from '../data/frame/frame.js';
import type { TaskInference } from '../data/schema/types.js';
import { type SavedModelRef, loadSavedModel } from '../evaluate/saved-model-ref.js';
import { type ExplainRowJson, type PerOutput, perOutput, rowsJson } from '../explain/explain-json.js';
import { explainModel } from '../explain/explain-model.js';
import { explainPredictor } from '../explain/explain-predictor.js';
import { nativeRaw } from '../explain/native-raw.js';
import { type ClassifierModel, isClassifier } from '../learners/estimator.js';
import { resolveModelRef } from '../registry/model-ref.js';
import type { Registry } from '../registry/open-registry.js';
import { type InputContract, inputContractOf } from './input-fields.js';

/** Scores of n rows. */
export interface Scores {
  readonly n: number;
  /** Classification: the predicted class index per row (into `classes`). */
  readonly labels?: Int32Array;
  /** Regression: the predicted values. */
  readonly values?: Float64Array;
  /** Classification: n × K probabilities, row-major. */
  readonly proba?: Float64Array;
}

/** Per-row contributions in the shape of `modelwright explain --json`. */
export interface RequestExplanation {
  readonly method: string;
  readonly note: string;
  readonly output_space: string;
  readonly outputs: readonly string[];
  readonly base_value: PerOutput;
  readonly rows: readonly ExplainRowJson[];
}

export interface ServedModel {
  /** The reference it was loaded from (as configured). */
  readonly ref: string;
  /** Registry name and version, or null for a model loaded from a path. */
  readonly registryName: string | null;
  readonly version: number | null;
  /** Aliases that pointed at this version when it was loaded. */
  readonly aliases: readonly string[];
  readonly kind: 'model' | 'predictor';
  readonly learner: string;
  readonly task: TaskInference;
  readonly classes?: readonly string[];
  readonly contract: InputContract;
  readonly metrics: Readonly<Record<string, number>>;
  readonly loadedAt: string;
  readonly loadSeconds: number;
  score(frame: Frame): Scores;
  explain(frame: Frame): Promise<RequestExplanation | null>;
}

function classesOf(saved: SavedModelRef): readonly string[] | undefined {
  if (saved.task.task === 'regression') return undefined;
  if (saved.kind === 'model' && isClassifier(saved.model)) return (saved.model as ClassifierModel).classes;
  return saved.task.classes;
}

function scorer(saved: SavedModelRef, classes: readonly string[] | undefined): (frame: Frame) => Scores {
  return (frame) => {
    const out = saved.output(saved.features(frame));
    if (!classes) return { n: frame.nRows, values: out };
    return { n: frame.nRows, labels: argmaxLabels(out, classes.length, saved.threshold), proba: out };
  };
}

async function explainSaved(saved: SavedModelRef, frame: Frame): Promise<RequestExplanation | null> {
  // Background rows = the request's own rows: GBDT covers come from training, but forests'
  // covers and linear means then describe the request (noted in `note`).
  const ids = Int32Array.from({ length: frame.nRows }, (_, i) => i);
  if (saved.kind === 'predictor') {
    const e = await explainPredictor(saved.predictor, frame, frame, 1);
    if (e.method === 'none') return null;
    return { method: e.method, note: e.note, output_space: e.outputSpace, outputs: e.outputs, base_value: perOutput(e.outputs, (k) => e.base[k]), rows: rowsJson(e, e.prediction, e.unexplained, ids) };
  }
  const X = saved.features(frame);
  const e = await explainModel(saved.model, X, { threads: 1 });
  if (!e) return null;
  return { method: e.method, note: e.note, output_space: e.outputSpace, outputs: e.outputs, base_value: perOutput(e.outputs, (k) => e.base[k]), rows: rowsJson(e, nativeRaw(saved.model, X), null, ids) };
}

/** Wrap a loaded model file or predictor for serving. */
export function servedModelOf(saved: SavedModelRef, info: { ref: string; registryName: string | null; version: number | null; aliases: readonly string[]; metrics: Readonly<Record<string, number>>; loadSeconds: number }): ServedModel {
  const classes = classesOf(saved);
  return {
    ...info,
    kind: saved.kind,
    learner: saved.learner,
    task: saved.task,
    classes,
    contract: inputContractOf(saved),
    loadedAt: new Date().toISOString(),
    score: scorer(saved, classes),
    explain: (frame) => explainSaved(saved, frame),
  };
}

/**
 * Load `ref` (a path, or NAME / NAME@VERSION / NAME@ALIAS from `registry`).
 * @example const m = await loadServedModel('churn@champion', reg); m.score(frame)
 */
export async function loadServedModel(ref: string, registry?: Registry): Promise<ServedModel> {
  const t0 = performance.now();
  const { path, version } = await resolveModelRef(ref, registry);
  const saved = await loadSavedModel(path);
  return servedModelOf(saved, {
    ref,
    registryName: version?.name ?? null,
    version: version?.version ?? null,
    aliases: version?.aliases ?? [],
    metrics: version?.metrics ?? {},
    loadSeconds: (performance.now() - t0) / 1000,
  });
}
