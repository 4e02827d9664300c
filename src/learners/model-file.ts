/**
 * @module learners/model-file
 * The on-disk form of a fitted model: plain JSON data, never code.
 *
 *   { "format": "modelwright-model", "formatVersion": 1,
 *     "checksum": "sha256:<hex>",            ← sha256 of JSON.stringify(payload)
 *     "payload": { createdWith, createdAt, meta, model: ModelState } }
 *
 * Loading parses JSON (nothing is evaluated), checks the format and version, verifies the
 * checksum (a tampered or truncated file is refused), and dispatches on `model.kind` through
 * learners/registry.ts. JSON.stringify is idempotent on parsed JSON (key order and number
 * text are preserved), so re-serialising the parsed payload reproduces the hashed text.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ModelFileError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { VERSION, gitCommit } from '../version.js';
import type { ModelState } from './estimator.js';

export const MODEL_FORMAT = 'modelwright-model';
export const MODEL_FORMAT_VERSION = 1;

/** Facts about how a model came to be, kept beside its state. */
export interface ModelMeta {
  /** Name of the target column the model predicts. */
  readonly target?: string;
  readonly trainRows?: number;
  readonly seed?: number;
  readonly [key: string]: unknown;
}

export interface ModelPayload {
  readonly createdWith: { readonly modelwright: string; readonly commit: string | null };
  readonly createdAt: string;
  readonly meta: ModelMeta;
  readonly model: ModelState;
}

export interface ModelFileJson {
  readonly format: typeof MODEL_FORMAT;
  readonly formatVersion: number;
  readonly checksum: string;
  readonly payload: ModelPayload;
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Wrap a model's state into the file structure, with its checksum. */
export function toModelFile(model: ModelState, meta: ModelMeta = {}): ModelFileJson {
  const payload: ModelPayload = {
    createdWith: { modelwright: VERSION, commit: gitCommit() },
    createdAt: new Date().toISOString(),
    meta,
    model,
  };
  return { format: MODEL_FORMAT, formatVersion: MODEL_FORMAT_VERSION, checksum: `sha256:${sha256Hex(JSON.stringify(payload))}`, payload };
}

/** Serialise a model file to text (compact: model files can hold many trees). */
export function serializeModelFile(file: ModelFileJson): string {
  return JSON.stringify(file);
}

/**
 * Parse and verify model-file text. `where` names the source in messages (a path or a
 * registry reference).
 */
export function parseModelFile(text: string, where: string): ModelFileJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `'${where}' is not a Modelwright model file: it is not valid JSON (truncated or not a model).`, { cause });
  }
  const file = parsed as Partial<ModelFileJson> | null;
  if (!file || typeof file !== 'object' || file.format !== MODEL_FORMAT || typeof file.payload !== 'object' || file.payload === null) {
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `'${where}' is not a Modelwright model file (no "format": "${MODEL_FORMAT}" header).`);
  }
  if (file.formatVersion !== MODEL_FORMAT_VERSION) {
    throw new ModelFileError('MW_MODEL_VERSION', `'${where}' has model format version ${String(file.formatVersion)}; this Modelwright (${VERSION}) reads version ${MODEL_FORMAT_VERSION}.`);
  }
  const expected = `sha256:${sha256Hex(JSON.stringify(file.payload))}`;
  if (file.checksum !== expected) {
    throw new ModelFileError('MW_MODEL_CHECKSUM', `'${where}' failed its integrity check: the checksum in the file does not match its content, so it was modified or damaged after it was written.`, {
      details: { path: where, expected, found: file.checksum },
    });
  }
  const model = file.payload.model as Partial<ModelState> | undefined;
  if (!model || typeof model.kind !== 'string' || typeof model.task !== 'string' || !model.inputSchema) {
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `'${where}' is missing the model's kind, task or input schema.`);
  }
  return file as ModelFileJson;
}

export async function writeModelFile(path: string, file: ModelFileJson): Promise<void> {
  await writeFileAtomic(path, serializeModelFile(file));
}

export async function readModelFile(path: string): Promise<ModelFileJson> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ModelFileError('MW_MODEL_NOT_FOUND', `Model file '${path}' does not exist.`, { cause });
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `Could not read model file '${path}': ${(cause as Error).message}`, { cause });
  }
  return parseModelFile(text, path);
}
