/**
 * @module import/import-model
 * `importModel(file, { format })`: read a foreign boosted-tree model (XGBoost JSON, LightGBM
 * text), translate it to our gbdt model and wrap it in a checksummed model file — the same
 * kind `fit` writes — so that predict, explain, serve, export and the registry treat it like
 * one of ours. The model is rebuilt through the learner registry before it is returned, so a
 * translation that our loader would refuse fails here.
 */
import { readFile } from 'node:fs/promises';
import { ModelFileError, UsageError } from '../errors.js';
import { sha256Hex, toModelFile, type ModelFileJson } from '../learners/model-file.js';
import '../learners/all.js';
import type { Model } from '../learners/estimator.js';
import { loadModelState } from '../learners/registry.js';
import { type ImportNaming, importedModelState } from './imported-gbdt.js';
import { parseLightGbmModel } from './lightgbm.js';
import { parseXgboostModel } from './xgboost.js';

export const IMPORT_FORMATS = ['xgboost', 'lightgbm'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions extends ImportNaming {
  readonly format: ImportFormat;
}

export interface ImportedModel {
  readonly model: Model;
  readonly file: ModelFileJson;
  /** sha256 of the source file (for lineage). */
  readonly sourceSha256: string;
}

/**
 * Import `path` as a Modelwright gbdt model.
 * @example const { model, file } = await importModel('booster.json', { format: 'xgboost', classes: ['no', 'yes'] });
 */
export async function importModel(path: string, opts: ImportOptions): Promise<ImportedModel> {
  if (!(IMPORT_FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError('MW_USAGE', `--format must be one of ${IMPORT_FORMATS.join(', ')}. Got '${opts.format}' instead.`);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ModelFileError('MW_MODEL_NOT_FOUND', `Model file '${path}' could not be read: ${(cause as Error).message}`, { cause });
  }
  const imported = opts.format === 'xgboost' ? parseXgboostModel(text, path) : parseLightGbmModel(text, path);
  const expected = imported.task === 'binary' ? 2 : imported.task === 'multiclass' ? imported.numOutputs : 0;
  if (opts.classes && opts.classes.length !== expected) {
    throw new UsageError('MW_USAGE', `The model predicts ${expected || 'values, not'} classes, but ${opts.classes.length} class labels were given.`);
  }
  const { state, meta } = importedModelState(imported, opts);
  const model = loadModelState(state, `the model imported from '${path}'`);
  const sourceSha256 = sha256Hex(text);
  const file = toModelFile(model.toJSON(), { ...meta, importedFrom: { format: opts.format, file: path, sha256: sourceSha256 } });
  return { model, file, sourceSha256 };
}
