/**
 * @module learners/unsupervised/select-features
 * Which columns of a raw table an unsupervised learner should use: the inferred schema (with
 * the user's overrides: --drop, --categorical, --id …) decides. Kept: feature columns of type
 * numeric, boolean, categorical or datetime, converted to their schema storage. Left out, each
 * with its reason: identifiers (a row counter would otherwise become the main "cluster"
 * axis), free text, and columns given another role (target, weight, dropped …).
 */
import type { Frame } from '../../data/frame/frame.js';
import { applySchema } from '../../data/schema/apply-schema.js';
import { inferSchema } from '../../data/schema/infer-schema.js';
import type { SchemaOverrides } from '../../data/schema/overrides.js';
import { DataError } from '../../errors.js';
import type { SkippedColumn } from './preprocess.js';

const USABLE = new Set(['numeric', 'boolean', 'categorical', 'datetime']);

export interface SelectedFeatures {
  /** The usable columns, in data order, stored as their schema types say. */
  readonly X: Frame;
  readonly ignored: readonly SkippedColumn[];
}

/**
 * Feature columns of `frame` for unsupervised learning; a DataError (MW_DATA_NO_FEATURES)
 * when none is left.
 * @example selectFeatures(frame, { drop: ['customer_name'] }).X
 */
export function selectFeatures(frame: Frame, overrides: SchemaOverrides = {}): SelectedFeatures {
  const schema = inferSchema(frame, overrides);
  const ignored: SkippedColumn[] = [];
  const keep: string[] = [];
  for (const c of schema.columns) {
    if (c.role !== 'feature') ignored.push({ name: c.name, reason: c.role === 'ignored' ? 'dropped' : `role ${c.role} (${c.reason})` });
    else if (!USABLE.has(c.type)) ignored.push({ name: c.name, reason: `${c.type} (${c.reason})` });
    else keep.push(c.name);
  }
  if (keep.length === 0) {
    throw new DataError('MW_DATA_NO_FEATURES', `No column is left to learn from: ${ignored.map((s) => `'${s.name}' (${s.reason})`).join(', ')}.`, {
      details: { ignored },
    });
  }
  const kept = new Set(keep);
  return { X: applySchema(frame.select(keep), { columns: schema.columns.filter((c) => kept.has(c.name)) }), ignored };
}
