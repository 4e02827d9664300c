/**
 * @module fit/saved-model
 * A model saved by `fit`: the learner's state plus what turns a raw table into its features
 * (the dataset schema) and what it predicts (target, task, classes) — all plain data in one
 * checksummed model file (learners/model-file.ts).
 */
import type { DatasetSchema, TaskInference } from '../data/schema/types.js';
import { ModelFileError } from '../errors.js';
import '../learners/all.js';
import type { Model } from '../learners/estimator.js';
import { type ModelFileJson, readModelFile, toModelFile, writeModelFile } from '../learners/model-file.js';
import { loadModelState } from '../learners/registry.js';
import type { DroppedColumn } from './feature-frame.js';

export interface FittedModelMeta {
  readonly target: string;
  readonly task: TaskInference;
  readonly schema: DatasetSchema;
  readonly dropped: readonly DroppedColumn[];
  readonly trainRows: number;
  readonly seed?: number;
  readonly [key: string]: unknown;
}

export interface FittedModel {
  readonly model: Model;
  readonly meta: FittedModelMeta;
  readonly file: ModelFileJson;
}

export function fittedModelFile(model: Model, meta: FittedModelMeta): ModelFileJson {
  return toModelFile(model.toJSON(), meta);
}

export async function saveFittedModel(path: string, model: Model, meta: FittedModelMeta): Promise<ModelFileJson> {
  const file = fittedModelFile(model, meta);
  await writeModelFile(path, file);
  return file;
}

/** Load and verify a model file written by `fit` (checksum checked; nothing evaluated). */
export async function loadFittedModel(path: string): Promise<FittedModel> {
  const file = await readModelFile(path);
  const meta = file.payload.meta as Partial<FittedModelMeta>;
  if (!meta.schema || !meta.task || typeof meta.target !== 'string') {
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `'${path}' has no training schema or target; it was not written by \`modelwright fit\`.`);
  }
  return { model: loadModelState(file.payload.model, `'${path}'`), meta: meta as FittedModelMeta, file };
}
