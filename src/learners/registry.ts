/**
 * @module learners/registry
 * The one place that maps a learner `kind` (as written in model files and given to
 * `fit --learner`) to its definition. Loading a model dispatches here on `kind`; nothing else
 * in a model file decides what code runs.
 */
import { didYouMean } from '../common/closest-match.js';
import { InvalidParamError, ModelFileError } from '../errors.js';
import type { ParamSchema } from '../params/schema.js';
import type { Estimator, LearnerTags, Model, ModelState } from './estimator.js';

export interface LearnerDefinition {
  /** Registry key, e.g. 'gbdt'. */
  readonly kind: string;
  /** One line for `--help` and docs. */
  readonly description: string;
  readonly tags: LearnerTags;
  readonly paramSchema: ParamSchema;
  /** A new estimator from user params (validated; unknown names rejected). */
  create(params?: Readonly<Record<string, unknown>>): Estimator;
  /** Rebuild a fitted model from its state (plain data). */
  load(state: ModelState): Model;
}

const DEFINITIONS = new Map<string, LearnerDefinition>();

/** Add a learner; called once per learner from learners/all.ts. */
export function registerLearner(def: LearnerDefinition): void {
  DEFINITIONS.set(def.kind, def);
}

export function listLearners(): LearnerDefinition[] {
  return [...DEFINITIONS.values()];
}

export function getLearner(kind: string): LearnerDefinition {
  const def = DEFINITIONS.get(kind);
  if (!def) {
    const known = [...DEFINITIONS.keys()];
    throw new InvalidParamError('MW_PARAM_INVALID', `Unknown learner '${kind}'. Must be one of ${known.join(', ')}.${didYouMean(kind, known)}`, {
      details: { learner: kind, allowed: known },
    });
  }
  return def;
}

/** Rebuild a model from a model file's state, dispatching on its kind. */
export function loadModelState(state: ModelState, where = 'the model file'): Model {
  const def = DEFINITIONS.get(state.kind);
  if (!def) {
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `${where} holds a model of kind '${state.kind}', which this Modelwright does not know. Known kinds: ${[...DEFINITIONS.keys()].join(', ')}.`);
  }
  return def.load(state);
}
