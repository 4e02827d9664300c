/**
 * @module learners/unsupervised/registry
 * The one place that maps an unsupervised learner `kind` (kmeans, gmm, dbscan, pca,
 * truncated_svd, isolation_forest) to its definition — the twin of learners/registry.ts,
 * which holds the supervised learners. Loading a model dispatches here on `kind`; nothing in
 * a model file decides what code runs.
 */
import { didYouMean } from '../../common/closest-match.js';
import { InvalidParamError, ModelFileError } from '../../errors.js';
import { ISOLATION_FOREST_DEFINITION } from '../anomaly/isolation-forest.js';
import { DBSCAN_DEFINITION } from '../cluster/dbscan.js';
import { GMM_DEFINITION } from '../cluster/gaussian-mixture.js';
import { KMEANS_DEFINITION } from '../cluster/kmeans.js';
import { PCA_DEFINITION } from '../decomposition/pca.js';
import { TRUNCATED_SVD_DEFINITION } from '../decomposition/truncated-svd.js';
import type { ModelState } from '../estimator.js';
import { type ModelFileJson, type ModelMeta, readModelFile, toModelFile } from '../model-file.js';
import type { UnsupervisedDefinition, UnsupervisedModel, UnsupervisedState } from '../unsupervised.js';

const DEFINITIONS: ReadonlyMap<string, UnsupervisedDefinition> = new Map(
  ([KMEANS_DEFINITION, GMM_DEFINITION, DBSCAN_DEFINITION, PCA_DEFINITION, TRUNCATED_SVD_DEFINITION, ISOLATION_FOREST_DEFINITION] as UnsupervisedDefinition[]).map((d) => [d.kind, d]),
);

export function listUnsupervisedLearners(): UnsupervisedDefinition[] {
  return [...DEFINITIONS.values()];
}

/** The definition of `kind`; an InvalidParamError with close names when unknown. */
export function getUnsupervisedLearner(kind: string): UnsupervisedDefinition {
  const def = DEFINITIONS.get(kind);
  if (!def) {
    const known = [...DEFINITIONS.keys()];
    throw new InvalidParamError('MW_PARAM_INVALID', `Unknown unsupervised learner '${kind}'. Must be one of ${known.join(', ')}.${didYouMean(kind, known)}`, {
      details: { learner: kind, allowed: known },
    });
  }
  return def;
}

/** Rebuild a model from its state, dispatching on its kind. */
export function loadUnsupervisedModel(state: UnsupervisedState, where = 'the model file'): UnsupervisedModel {
  const def = DEFINITIONS.get(state.kind);
  if (!def) {
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `${where} holds a model of kind '${state.kind}', which is not an unsupervised learner this Modelwright knows. Known kinds: ${[...DEFINITIONS.keys()].join(', ')}.`);
  }
  return def.load(state);
}

/**
 * The model-file structure (checksummed, see learners/model-file.ts) for an unsupervised
 * model. The file format only requires `task` to be a string, so the unsupervised task names
 * travel in the same envelope as supervised models.
 */
export function toUnsupervisedModelFile(model: UnsupervisedModel, meta: ModelMeta = {}): ModelFileJson {
  return toModelFile(model.toJSON() as unknown as ModelState, meta);
}

/** Read, verify and load an unsupervised model file. */
export async function readUnsupervisedModel(path: string): Promise<UnsupervisedModel> {
  const file = await readModelFile(path);
  return loadUnsupervisedModel(file.payload.model as unknown as UnsupervisedState, `'${path}'`);
}
