/**
 * @module learners/feature-schema
 * The input contract of a fitted model: which columns it reads, in which order, and how each
 * is treated. Written into every model file and checked on every predict. Categorical
 * features keep their training dictionary so that a Frame read later (whose dictionary may
 * list categories in another order, or new ones) is re-coded to the training codes.
 */
import { didYouMean } from '../common/closest-match.js';
import { SchemaMismatchError } from '../errors.js';
import type { Column } from '../data/frame/column.js';
import { MISSING_CODE } from '../data/frame/column.js';
import type { Frame } from '../data/frame/frame.js';

export type FeatureKind = 'numeric' | 'categorical';

export interface FeatureSpec {
  readonly name: string;
  readonly kind: FeatureKind;
  /** Training categories, code order (categorical features only). */
  readonly categories?: readonly string[];
}

export interface FeatureSchema {
  readonly features: readonly FeatureSpec[];
}

/** Describe the columns of `X` as a feature schema (categorical columns keep their dictionary). */
export function featureSchemaOf(X: Frame): FeatureSchema {
  return {
    features: X.columns.map((c) =>
      c.dtype === 'categorical' ? { name: c.name, kind: 'categorical', categories: [...c.categories] } : { name: c.name, kind: 'numeric' },
    ),
  };
}

/** Features as arrays aligned to a schema: numeric as Float64Array, categorical as training codes. */
export interface AlignedFeatures {
  readonly nRows: number;
  /** One entry per schema feature, in schema order. */
  readonly columns: readonly (Float64Array | Int32Array)[];
}

/**
 * Re-code `col` to `categories` (the training dictionary). Unseen categories become missing
 * (-1); a numeric column given for a categorical feature is matched by its text.
 */
export function recodeCategorical(col: Column, categories: readonly string[]): Int32Array {
  const index = new Map<string, number>();
  categories.forEach((c, i) => index.set(c, i));
  if (col.dtype === 'categorical') {
    if (col.categories === categories) return col.codes;
    const remap = col.categories.map((c) => index.get(c) ?? MISSING_CODE);
    const out = new Int32Array(col.codes.length);
    for (let i = 0; i < out.length; i++) {
      const c = col.codes[i];
      out[i] = c < 0 ? MISSING_CODE : remap[c];
    }
    return out;
  }
  const out = new Int32Array(col.values.length);
  for (let i = 0; i < out.length; i++) {
    const v = col.values[i];
    out[i] = Number.isNaN(v) ? MISSING_CODE : (index.get(String(v)) ?? MISSING_CODE);
  }
  return out;
}

/**
 * Align a Frame to a model's input schema. Extra columns are ignored; a missing column or a
 * text column where a number is expected is a SchemaMismatchError naming the column.
 */
export function alignFeatures(X: Frame, schema: FeatureSchema, modelName = 'the model'): AlignedFeatures {
  const columns = schema.features.map((f) => {
    if (!X.has(f.name)) {
      throw new SchemaMismatchError('MW_SCHEMA_MISMATCH', `Column '${f.name}' that ${modelName} was trained on is missing from the data.${didYouMean(f.name, X.names)}`, {
        details: { column: f.name, expected: schema.features.map((s) => s.name) },
      });
    }
    const col = X.column(f.name);
    if (f.kind === 'categorical') return recodeCategorical(col, f.categories ?? []);
    if (col.dtype === 'categorical') return categoricalAsNumbers(col, f.name, modelName);
    return col.values;
  });
  return { nRows: X.nRows, columns };
}

/** A categorical column given where a number is expected: accept it when every value parses. */
function categoricalAsNumbers(col: Extract<Column, { dtype: 'categorical' }>, name: string, modelName: string): Float64Array {
  const parsed = col.categories.map((c) => (c.trim() === '' ? Number.NaN : Number(c)));
  const bad = col.categories.findIndex((c, i) => Number.isNaN(parsed[i]) && c.trim() !== '');
  if (bad >= 0) {
    throw new SchemaMismatchError('MW_SCHEMA_MISMATCH', `Column '${name}' must be numeric for ${modelName}, but holds the text '${col.categories[bad]}'.`, {
      details: { column: name, expected: 'numeric', got: col.categories[bad] },
    });
  }
  const out = new Float64Array(col.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = col.codes[i] < 0 ? Number.NaN : parsed[col.codes[i]];
  return out;
}
