/**
 * @module features/dates/expand-dates
 * Datetime columns become numeric features learners can split on: year, month, day of month,
 * day of week, hour (when any value has a time of day), and elapsed days since a reference
 * instant fixed at training time. Stateless apart from that reference, so it is applied the
 * same way inside every CV fold and at prediction time (the reference is saved with the model).
 */
import { type Column, float64Column } from '../../data/frame/column.js';
import { Frame } from '../../data/frame/frame.js';

const DAY_MS = 86_400_000;

export interface DateExpansion {
  /** Datetime columns expanded, with the reference instant (epoch ms) and whether hours vary. */
  readonly columns: readonly { readonly name: string; readonly referenceMs: number; readonly withHour: boolean }[];
}

/** Decide how to expand the datetime columns of `X` (fitted on training data). */
export function fitDateExpansion(X: Frame): DateExpansion {
  const columns = [];
  for (const col of X.columns) {
    if (col.dtype !== 'datetime') continue;
    let min = Number.POSITIVE_INFINITY;
    let withHour = false;
    for (const v of col.values) {
      if (Number.isNaN(v)) continue;
      if (v < min) min = v;
      if (!withHour && v % DAY_MS !== 0) withHour = true;
    }
    columns.push({ name: col.name, referenceMs: Number.isFinite(min) ? min : 0, withHour });
  }
  return { columns };
}

function part(name: string, values: Float64Array, fn: (d: Date, v: number) => number): Column {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = Number.isNaN(v) ? Number.NaN : fn(new Date(v), v);
  }
  return float64Column(name, out);
}

/** Replace each expanded datetime column by its parts (`<col>_year`, `<col>_month`, …). */
export function applyDateExpansion(X: Frame, expansion: DateExpansion): Frame {
  if (expansion.columns.length === 0) return X;
  const spec = new Map(expansion.columns.map((c) => [c.name, c]));
  const cols: Column[] = [];
  for (const col of X.columns) {
    const s = spec.get(col.name);
    if (!s || col.dtype !== 'datetime') {
      cols.push(col);
      continue;
    }
    const v = col.values;
    cols.push(
      part(`${col.name}_year`, v, (d) => d.getUTCFullYear()),
      part(`${col.name}_month`, v, (d) => d.getUTCMonth() + 1),
      part(`${col.name}_day`, v, (d) => d.getUTCDate()),
      part(`${col.name}_dayofweek`, v, (d) => d.getUTCDay()),
      part(`${col.name}_elapsed_days`, v, (_d, ms) => (ms - s.referenceMs) / DAY_MS),
    );
    if (s.withHour) cols.push(part(`${col.name}_hour`, v, (d) => d.getUTCHours()));
  }
  return Frame.fromColumns(cols);
}
