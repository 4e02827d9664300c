/**
 * @module monitor/reference/build-reference-profile
 * `buildReferenceProfile`: a table (the training data) + the model's schema → ReferenceProfile.
 * Each feature column is summarised by its semantic type (numeric, categorical/boolean, text);
 * dates and identifiers are skipped with a reason — dates always move forward in live traffic,
 * identifiers are unique per row, so neither has a distribution to compare. Predictions, when
 * given (a `prediction` column and `proba_<class>` columns), become the prediction reference.
 */
import { type CategoricalColumn, type Column, valueAt } from '../../data/frame/column.js';
import type { Frame } from '../../data/frame/frame.js';
import type { DatasetSchema, FeatureType, Task } from '../../data/schema/types.js';
import { categoryKey } from './category-key.js';
import { numericSummary } from './numeric-reference.js';
import { textReference } from './text-reference.js';
import {
  type CategoricalReference, type FeatureReference, type NumericReference, type PredictionReference, REFERENCE_FORMAT, REFERENCE_FORMAT_VERSION, type ReferenceProfile,
} from './types.js';

/** Categories stored per column; rarer ones are pooled as `other`. */
export const MAX_CATEGORIES = 1000;

export interface BuildReferenceOptions {
  readonly target?: string;
  readonly task?: Task;
  readonly classes?: readonly string[];
  /** Values sampled per numeric column (default 5000). */
  readonly sampleSize?: number;
  readonly seed?: number;
  /** Prediction columns (`prediction`, `proba_<class>`) for some rows, and where those rows come from. */
  readonly predictions?: { readonly frame: Frame; readonly source: PredictionReference['source'] };
  /** Headline metrics on held-out rows (the performance baseline). */
  readonly metrics?: ReferenceProfile['metrics'];
  readonly model?: ReferenceProfile['model'];
}

function asNumbers(col: Column): Float64Array {
  if (col.dtype !== 'categorical') return col.values;
  const out = new Float64Array(col.codes.length);
  const parsed = col.categories.map((c) => (c.trim() === '' ? Number.NaN : Number(c)));
  for (let i = 0; i < out.length; i++) out[i] = col.codes[i] < 0 ? Number.NaN : parsed[col.codes[i]];
  return out;
}

/** Category counts of a column, most frequent first. */
export function categoricalReference(name: string, col: Column, boolean = false, maxCategories = MAX_CATEGORIES): CategoricalReference {
  const counts = new Map<string, number>();
  let missing = 0;
  const add = (key: string | null, k = 1) => {
    if (key === null) missing += k;
    else counts.set(key, (counts.get(key) ?? 0) + k);
  };
  if (col.dtype === 'categorical') {
    const byCode = new Float64Array(col.categories.length);
    for (let i = 0; i < col.codes.length; i++) {
      if (col.codes[i] < 0) missing++;
      else byCode[col.codes[i]]++;
    }
    (col as CategoricalColumn).categories.forEach((c, k) => byCode[k] > 0 && add(categoryKey(c, boolean), byCode[k]));
  } else {
    for (let i = 0; i < col.values.length; i++) add(categoryKey(valueAt(col, i), boolean));
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = sorted.slice(0, maxCategories);
  const other = sorted.slice(maxCategories).reduce((s, [, c]) => s + c, 0);
  return {
    kind: 'categorical', name, n: col.dtype === 'categorical' ? col.codes.length : col.values.length, missing,
    categories: kept.map(([k]) => k), counts: kept.map(([, c]) => c), other, ...(boolean ? { boolean: true } : {}),
  };
}

function featureReference(col: Column, type: FeatureType, opts: BuildReferenceOptions): FeatureReference | string {
  switch (type) {
    case 'numeric':
      return { kind: 'numeric', name: col.name, ...numericSummary(asNumbers(col), opts) };
    case 'categorical':
    case 'boolean':
      return categoricalReference(col.name, col, type === 'boolean');
    case 'text': {
      const n = col.dtype === 'categorical' ? col.codes.length : col.values.length;
      return textReference(col.name, Array.from({ length: n }, (_, i) => {
        const v = valueAt(col, i);
        return v === null ? null : String(v);
      }), opts);
    }
    case 'datetime':
      return 'dates move forward in live traffic; their distribution is not compared';
    default:
      return 'identifiers are unique per row; there is no distribution to compare';
  }
}

/** The prediction reference from prediction columns. */
export function predictionReference(frame: Frame, task: Task | undefined, classes: readonly string[] | undefined, source: PredictionReference['source'], opts: BuildReferenceOptions = {}): PredictionReference | undefined {
  if (!frame.has('prediction')) return undefined;
  const pred = frame.column('prediction');
  if (task === 'regression') {
    return { source, rows: frame.nRows, score: { kind: 'numeric', name: 'prediction', ...numericSummary(asNumbers(pred), opts) } };
  }
  const label = categoricalReference('prediction', pred);
  const positive = task === 'binary' && classes?.length === 2 ? `proba_${classes[1]}` : undefined;
  const score: NumericReference | undefined = positive && frame.has(positive)
    ? { kind: 'numeric', name: positive, ...numericSummary(asNumbers(frame.column(positive)), opts) }
    : undefined;
  return { source, rows: frame.nRows, label, ...(score ? { score } : {}) };
}

/**
 * Summarise `frame`'s feature columns (role 'feature' in `schema`) as a reference profile.
 * @example buildReferenceProfile(train, model.schema, { target: 'churn', task: 'binary', classes: ['no', 'yes'] })
 */
export function buildReferenceProfile(frame: Frame, schema: DatasetSchema, opts: BuildReferenceOptions = {}): ReferenceProfile {
  const features: FeatureReference[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const c of schema.columns) {
    if (c.role !== 'feature' || c.name === opts.target) continue;
    if (!frame.has(c.name)) {
      skipped.push({ name: c.name, reason: 'not in the reference data' });
      continue;
    }
    const ref = featureReference(frame.column(c.name), c.type, opts);
    if (typeof ref === 'string') skipped.push({ name: c.name, reason: ref });
    else features.push(ref);
  }
  const prediction = opts.predictions ? predictionReference(opts.predictions.frame, opts.task, opts.classes, opts.predictions.source, opts) : undefined;
  return {
    format: REFERENCE_FORMAT,
    formatVersion: REFERENCE_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    ...(opts.model ? { model: opts.model } : {}),
    rows: frame.nRows,
    ...(opts.target ? { target: opts.target } : {}),
    ...(opts.task ? { task: opts.task } : {}),
    ...(opts.classes ? { classes: opts.classes } : {}),
    features,
    skipped,
    ...(prediction ? { prediction } : {}),
    ...(opts.metrics ? { metrics: opts.metrics } : {}),
  };
}
