/**
 * @module fit/feature-frame
 * From a raw table and its schema to what learners take: the feature columns (numbers as
 * float64, categories as categorical, datetimes as epoch-ms numbers) and the list of columns
 * left out, each with the reason. Used by `fit`, `train` and `predict` alike so a model sees
 * the same columns at training and prediction time.
 */
import { type Column, categoricalColumn, float64Column } from '../data/frame/column.js';
import { Frame } from '../data/frame/frame.js';
import type { ColumnSchema, DatasetSchema } from '../data/schema/types.js';

export interface DroppedColumn {
  readonly column: string;
  readonly reason: string;
}

/** Render a number as it would appear in a CSV (3 not 3.0). */
function numberText(v: number): string {
  return String(v);
}

/** A float64/datetime column as categorical, categories in first-seen order. */
export function asCategorical(col: Column): Column {
  if (col.dtype === 'categorical') return col;
  const index = new Map<string, number>();
  const categories: string[] = [];
  const codes = new Int32Array(col.values.length);
  for (let i = 0; i < codes.length; i++) {
    const v = col.values[i];
    if (Number.isNaN(v)) {
      codes[i] = -1;
      continue;
    }
    const s = col.dtype === 'datetime' ? new Date(v).toISOString() : numberText(v);
    let c = index.get(s);
    if (c === undefined) (c = categories.length), categories.push(s), index.set(s, c);
    codes[i] = c;
  }
  return categoricalColumn(col.name, codes, categories);
}

/** A categorical column whose categories are numbers, as float64 (unparseable → NaN). */
export function asNumeric(col: Column): Column {
  if (col.dtype !== 'categorical') return col.dtype === 'datetime' ? float64Column(col.name, col.values) : col;
  const parsed = col.categories.map((c) => (c.trim() === '' ? Number.NaN : Number(c)));
  const values = new Float64Array(col.codes.length);
  for (let i = 0; i < values.length; i++) values[i] = col.codes[i] < 0 ? Number.NaN : parsed[col.codes[i]];
  return float64Column(col.name, values);
}

function whyNotFeature(c: ColumnSchema): string | null {
  if (c.role !== 'feature') return c.role === 'target' ? null : `role '${c.role}' (${c.reason})`;
  if (c.type === 'identifier') return `identifier column (${c.reason}): it names rows, it does not describe them`;
  if (c.type === 'text') return `free-text column (${c.reason}): text features are not used by this learner yet`;
  return null;
}

/** The feature columns of `frame` by `schema`, and the non-target columns left out with reasons. */
export function featureFrame(frame: Frame, schema: DatasetSchema): { X: Frame; dropped: DroppedColumn[] } {
  const cols: Column[] = [];
  const dropped: DroppedColumn[] = [];
  for (const c of schema.columns) {
    if (c.role === 'target') continue;
    const reason = whyNotFeature(c);
    if (reason) {
      dropped.push({ column: c.name, reason });
      continue;
    }
    if (!frame.has(c.name)) continue;
    const col = frame.column(c.name);
    cols.push(c.type === 'categorical' || c.type === 'boolean' ? asCategorical(col) : asNumeric(col));
  }
  return { X: Frame.fromColumns(cols), dropped };
}
