/**
 * @module export/export-model
 * `exportModel(ref, { format, out })`: the library side of `modelwright export`. The reference
 * (a path, NAME, NAME@VERSION or NAME@ALIAS) is resolved and verified, then written as
 *
 *   onnx   an ONNX graph of the model and its preprocessing (export/onnx/), for model files
 *          of kind gbdt, rf, extratrees or linear
 *   json   our own plain format: the checksummed model file (or the predictor directory)
 *
 * Every output is written atomically (temp file or directory, then rename).
 */
import { cp, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isPredictorDir, loadPredictor } from '../automl/predictor-file.js';
import { UsageError } from '../errors.js';
import { loadFittedModel } from '../fit/saved-model.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { parseModelFile } from '../learners/model-file.js';
import { resolveModelRef } from '../registry/model-ref.js';
import { modelToOnnx } from './onnx/model-to-onnx.js';
import type { NumericInputType } from './onnx/graph-frame.js';

export const EXPORT_FORMATS = ['onnx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly out: string;
  /** ONNX only: element type of numeric inputs (default double). */
  readonly numericInput?: NumericInputType;
}

export interface ExportResult {
  readonly ref: string;
  readonly format: ExportFormat;
  readonly out: string;
  readonly kind: string;
  readonly bytes: number;
  /** NAME@VERSION when the reference went through the registry. */
  readonly registered?: string;
}

/** Copy a directory to `out` atomically (temp sibling, then rename over any old one). */
async function copyDirAtomic(src: string, out: string): Promise<void> {
  const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}-${Date.now()}`);
  await cp(src, tmp, { recursive: true });
  const old = `${tmp}-old`;
  const exists = await stat(out).then(() => true, () => false);
  if (exists) await rename(out, old);
  await rename(tmp, out);
  if (exists) await rm(old, { recursive: true, force: true });
}

/**
 * Export a model.
 * @example await exportModel('churn@champion', { format: 'onnx', out: 'churn.onnx' })
 */
export async function exportModel(ref: string, opts: ExportOptions): Promise<ExportResult> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError('MW_USAGE', `--format must be one of ${EXPORT_FORMATS.join(', ')}. Got '${opts.format}' instead.`);
  }
  const { path, version } = await resolveModelRef(ref);
  const registered = version ? `${version.name}@${version.version}` : undefined;
  if (await isPredictorDir(path)) {
    if (opts.format === 'onnx') {
      throw new UsageError('MW_EXPORT_UNSUPPORTED', `'${ref}' is an AutoML predictor (an ensemble with its own feature preparation); ONNX export covers single models from \`modelwright fit\`.`, {
        hint: 'Export it with --format json, or fit the leaderboard\'s best learner with `modelwright fit --learner …` and export that.',
      });
    }
    await loadPredictor(path); // verifies every checksum: never copy a tampered predictor
    await copyDirAtomic(path, opts.out);
    return { ref, format: opts.format, out: opts.out, kind: 'predictor', bytes: 0, registered };
  }
  if (opts.format === 'json') {
    const text = await readFile(path, 'utf8');
    const file = parseModelFile(text, path); // refuses a tampered file
    await writeFileAtomic(opts.out, text);
    return { ref, format: 'json', out: opts.out, kind: file.payload.model.kind, bytes: Buffer.byteLength(text), registered };
  }
  const { model, meta } = await loadFittedModel(path);
  const bytes = modelToOnnx(model, {
    numericInput: opts.numericInput,
    metadata: { 'modelwright.target': meta.target, 'modelwright.source': registered ?? ref },
  });
  await writeFileAtomic(opts.out, bytes);
  return { ref, format: 'onnx', out: opts.out, kind: model.kind, bytes: bytes.length, registered };
}
