/**
 * @module learners/target
 * Encode a target column for learners (class index per row, or the numeric value) and decode
 * learner output back to labels. Class labels are kept as they appear in the data.
 */
import { DataError } from '../errors.js';
import type { Column } from '../data/frame/column.js';
import type { Task } from '../data/schema/types.js';
import type { Target } from './estimator.js';

/** The text of a label as it appears in data: numbers without a trailing ".0". */
export function labelText(col: Column, i: number): string | null {
  if (col.dtype === 'categorical') return col.codes[i] < 0 ? null : col.categories[col.codes[i]];
  const v = col.values[i];
  if (Number.isNaN(v)) return null;
  return col.dtype === 'datetime' ? new Date(v).toISOString() : String(v);
}

/**
 * Encode `col` as a learner target. For classification `classes` fixes the index order
 * (normally sorted labels from inferTask); rows with a missing target, or a label not in
 * `classes`, get NaN — callers drop those rows before fitting (see `rowsWithTarget`).
 */
export function encodeTarget(col: Column, task: Task, classes?: readonly string[]): Target {
  const n = col.dtype === 'categorical' ? col.codes.length : col.values.length;
  const values = new Float64Array(n);
  if (task === 'regression') {
    if (col.dtype === 'categorical') {
      const parsed = col.categories.map((c) => Number(c));
      const bad = col.categories.find((c, k) => !Number.isFinite(parsed[k]));
      if (bad !== undefined) {
        throw new DataError('MW_TARGET_NOT_NUMERIC', `Target '${col.name}' is treated as regression but holds the value '${bad}', which is not a number.`);
      }
      for (let i = 0; i < n; i++) values[i] = col.codes[i] < 0 ? Number.NaN : parsed[col.codes[i]];
    } else values.set(col.values);
    return { name: col.name, task, values };
  }
  if (!classes || classes.length < 2) {
    throw new DataError('MW_TARGET_SINGLE_CLASS', `Target '${col.name}' needs at least two classes for ${task} classification; found ${classes?.length ?? 0}.`);
  }
  const index = new Map(classes.map((c, k) => [c, k]));
  if (col.dtype === 'categorical') {
    const remap = col.categories.map((c) => index.get(c) ?? Number.NaN);
    for (let i = 0; i < n; i++) values[i] = col.codes[i] < 0 ? Number.NaN : remap[col.codes[i]];
  } else {
    for (let i = 0; i < n; i++) {
      const t = labelText(col, i);
      values[i] = t === null ? Number.NaN : (index.get(t) ?? Number.NaN);
    }
  }
  return { name: col.name, task, values, classes: [...classes] };
}

/** Indices of rows whose encoded target is present. */
export function rowsWithTarget(target: Target): Int32Array {
  const keep: number[] = [];
  for (let i = 0; i < target.values.length; i++) if (!Number.isNaN(target.values[i])) keep.push(i);
  return Int32Array.from(keep);
}

/** The target restricted to `rows`. */
export function takeTarget(target: Target, rows: ArrayLike<number>): Target {
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) values[i] = target.values[rows[i]];
  return { ...target, values };
}
