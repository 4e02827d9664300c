/**
 * @module learners/unsupervised/state-check
 * Checks used when rebuilding an unsupervised model from a model file: a malformed or
 * hand-edited state becomes a ModelFileError naming the field, not a crash deep in predict.
 */
import { ModelFileError } from '../../errors.js';

/** `value` as a Float64Array of `length` finite-or-NaN numbers (null in JSON reads as NaN). */
export function numberArray(value: unknown, length: number, kind: string, field: string): Float64Array {
  if (!Array.isArray(value) || value.length !== length || !value.every((v) => typeof v === 'number' || v === null)) {
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `The ${kind} model file is damaged: '${field}' should be an array of ${length} numbers.`, {
      details: { field, expectedLength: length },
    });
  }
  return Float64Array.from(value, (v) => (v === null ? Number.NaN : (v as number)));
}

/** `value` as an Int32Array of `length` integers. */
export function intArray(value: unknown, length: number, kind: string, field: string): Int32Array {
  if (!Array.isArray(value) || value.length !== length || !value.every((v) => Number.isInteger(v))) {
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `The ${kind} model file is damaged: '${field}' should be an array of ${length} integers.`, {
      details: { field, expectedLength: length },
    });
  }
  return Int32Array.from(value as number[]);
}

/** A positive integer field. */
export function positiveInt(value: unknown, kind: string, field: string): number {
  if (!Number.isInteger(value) || (value as number) < 0) {
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `The ${kind} model file is damaged: '${field}' should be a non-negative integer.`, { details: { field } });
  }
  return value as number;
}

/** The state object of a model file, checked to be an object. */
export function stateObject(value: unknown, kind: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ModelFileError('MW_MODEL_FILE_INVALID', `The ${kind} model file is damaged: its 'state' is not an object.`);
  }
  return value as Record<string, unknown>;
}
