/**
 * @module column
 * The column types a Frame holds. Storage is chosen for learners, not for display:
 *  - `float64`: numbers (and integers) as a Float64Array, missing = NaN;
 *  - `categorical`: strings (and booleans) dictionary-encoded as Int32Array codes into
 *    `categories`, missing = -1. Text columns use this storage too; the semantic type
 *    (categorical, text, identifier…) lives in the schema, not here;
 *  - `datetime`: epoch milliseconds (UTC) as a Float64Array, missing = NaN.
 */

export type Float64Column = { readonly dtype: 'float64'; readonly name: string; readonly values: Float64Array };
export type CategoricalColumn = {
  readonly dtype: 'categorical';
  readonly name: string;
  readonly codes: Int32Array;
  readonly categories: readonly string[];
};
export type DatetimeColumn = { readonly dtype: 'datetime'; readonly name: string; readonly values: Float64Array };
export type Column = Float64Column | CategoricalColumn | DatetimeColumn;
export type Dtype = Column['dtype'];

/** The code a categorical column uses for a missing value. */
export const MISSING_CODE = -1;

export function float64Column(name: string, values: Float64Array): Float64Column {
  return { dtype: 'float64', name, values };
}

export function categoricalColumn(name: string, codes: Int32Array, categories: readonly string[]): CategoricalColumn {
  return { dtype: 'categorical', name, codes, categories };
}

export function datetimeColumn(name: string, values: Float64Array): DatetimeColumn {
  return { dtype: 'datetime', name, values };
}

export function columnLength(col: Column): number {
  return col.dtype === 'categorical' ? col.codes.length : col.values.length;
}

export function isMissingAt(col: Column, i: number): boolean {
  return col.dtype === 'categorical' ? col.codes[i] < 0 : Number.isNaN(col.values[i]);
}

export function countMissing(col: Column): number {
  let n = 0;
  if (col.dtype === 'categorical') {
    for (let i = 0; i < col.codes.length; i++) if (col.codes[i] < 0) n++;
  } else {
    for (let i = 0; i < col.values.length; i++) if (col.values[i] !== col.values[i]) n++;
  }
  return n;
}

/** The value at row `i` as a plain JS value: number, string, ISO date string, or null. */
export function valueAt(col: Column, i: number): number | string | null {
  switch (col.dtype) {
    case 'float64': {
      const v = col.values[i];
      return Number.isNaN(v) ? null : v;
    }
    case 'categorical': {
      const c = col.codes[i];
      return c < 0 ? null : col.categories[c];
    }
    case 'datetime': {
      const v = col.values[i];
      return Number.isNaN(v) ? null : new Date(v).toISOString();
    }
  }
}

/** A new column holding the rows at `indices`, in that order. */
export function takeRows(col: Column, indices: ArrayLike<number>): Column {
  const n = indices.length;
  if (col.dtype === 'categorical') {
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = col.codes[indices[i]];
    return categoricalColumn(col.name, codes, col.categories);
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = col.values[indices[i]];
  return col.dtype === 'float64' ? float64Column(col.name, values) : datetimeColumn(col.name, values);
}

/** The rows [start, end) as a column sharing memory with `col`. */
export function sliceRows(col: Column, start: number, end: number): Column {
  if (col.dtype === 'categorical') return categoricalColumn(col.name, col.codes.subarray(start, end), col.categories);
  const values = col.values.subarray(start, end);
  return col.dtype === 'float64' ? float64Column(col.name, values) : datetimeColumn(col.name, values);
}

export function renameColumn(col: Column, name: string): Column {
  return { ...col, name };
}

/**
 * Build a column from plain JS values (rows from JSON, a request body…). Numbers (and
 * numeric strings when every present value parses) become float64; Date objects become
 * datetime; anything else becomes categorical with categories in first-seen order.
 */
export function columnFromValues(name: string, values: ArrayLike<unknown>): Column {
  const n = values.length;
  let allNumeric = true;
  let allDates = true;
  let present = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    present++;
    if (!(v instanceof Date)) allDates = false;
    if (typeof v === 'number') continue;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) continue;
    allNumeric = false;
  }
  if (present > 0 && allDates) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      out[i] = v instanceof Date ? v.getTime() : Number.NaN;
    }
    return datetimeColumn(name, out);
  }
  if (allNumeric) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      out[i] = v === null || v === undefined ? Number.NaN : Number(v);
    }
    return float64Column(name, out);
  }
  const index = new Map<string, number>();
  const categories: string[] = [];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
      codes[i] = MISSING_CODE;
      continue;
    }
    const s = v instanceof Date ? v.toISOString() : String(v);
    let code = index.get(s);
    if (code === undefined) {
      code = categories.length;
      categories.push(s);
      index.set(s, code);
    }
    codes[i] = code;
  }
  return categoricalColumn(name, codes, categories);
}

/** Concatenate same-named, same-dtype columns (chunks of one source); categories are merged. */
export function concatColumns(parts: readonly Column[]): Column {
  if (parts.length === 0) throw new Error('concatColumns needs at least one column');
  const first = parts[0];
  const total = parts.reduce((s, c) => s + columnLength(c), 0);
  if (first.dtype === 'categorical') {
    const index = new Map<string, number>();
    const categories: string[] = [];
    const codes = new Int32Array(total);
    let off = 0;
    for (const part of parts) {
      if (part.dtype !== 'categorical') throw new Error(`column '${first.name}' changes type between chunks`);
      const remap = new Int32Array(part.categories.length);
      part.categories.forEach((cat, k) => {
        let code = index.get(cat);
        if (code === undefined) {
          code = categories.length;
          categories.push(cat);
          index.set(cat, code);
        }
        remap[k] = code;
      });
      for (let i = 0; i < part.codes.length; i++) {
        const c = part.codes[i];
        codes[off + i] = c < 0 ? MISSING_CODE : remap[c];
      }
      off += part.codes.length;
    }
    return categoricalColumn(first.name, codes, categories);
  }
  const values = new Float64Array(total);
  let off = 0;
  for (const part of parts) {
    if (part.dtype !== first.dtype) throw new Error(`column '${first.name}' changes type between chunks`);
    values.set(part.values, off);
    off += part.values.length;
  }
  return first.dtype === 'float64' ? float64Column(first.name, values) : datetimeColumn(first.name, values);
}
