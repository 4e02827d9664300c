/**
 * @module schema/column-facts
 * The few numbers schema inference decides on, gathered in one pass over a column (plus one
 * sort of its present values for numbers and dates). Profiling computes the same sorted copy
 * and category counts anyway, so it passes them in and nothing is computed twice.
 */
import { sortedNonNaN } from '../../common/sort-float64.js';
import type { CategoricalColumn, Column, Dtype } from '../frame/column.js';
import { looksLikeIsoDate } from './iso-date.js';

export interface ColumnFacts {
  readonly name: string;
  readonly dtype: Dtype;
  readonly rows: number;
  readonly missing: number;
  /** rows − missing. */
  readonly present: number;
  /** Distinct present values. */
  readonly unique: number;
  /** Numbers and dates: every present value is a whole number. */
  readonly integerValued: boolean;
  /** Numbers: no missing value and row i holds start + i, start ∈ {0, 1} (a row counter). */
  readonly rowCounter: boolean;
  /** Numbers and dates: smallest and largest present value (NaN when none). */
  readonly min: number;
  readonly max: number;
  /** Strings: share of present values that parse as finite numbers. */
  readonly numericShare: number;
  /** Strings: share of present values that look like ISO dates (2024-01-31, 2024-01-31T12:00…). */
  readonly dateShare: number;
  /** Strings: mean length in characters over present values. */
  readonly meanLength: number;
  /** Strings: share of present values that contain whitespace. */
  readonly spaceShare: number;
}

/** Work already done by the caller, reused here. */
export interface FactInputs {
  /** Sorted present values of a float64/datetime column (see `sortedPresent`). */
  readonly sorted?: Float64Array;
  /** Per-category row counts of a categorical column (see `categoryCounts`). */
  readonly counts?: Int32Array;
}

/** The non-missing values of `values`, sorted ascending (a copy). */
export function sortedPresent(values: Float64Array): Float64Array {
  return sortedNonNaN(values);
}

/** Rows per category code of a categorical column (missing rows are not counted). */
export function categoryCounts(col: CategoricalColumn): Int32Array {
  const counts = new Int32Array(col.categories.length);
  const codes = col.codes;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c >= 0) counts[c]++;
  }
  return counts;
}

/** Count distinct values of a sorted array. */
export function countDistinctSorted(sorted: Float64Array): number {
  if (sorted.length === 0) return 0;
  let n = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) n++;
  return n;
}

const NUMBER_RE = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const SPACE_RE = /\s/;

/** Whether a string reads as a plain decimal number ("3", "-0.5", "1e3"; not "0x1f", "Infinity"). */
export function looksNumeric(s: string): boolean {
  return NUMBER_RE.test(s);
}

export function columnFacts(col: Column, inputs: FactInputs = {}): ColumnFacts {
  if (col.dtype === 'categorical') return stringFacts(col, inputs.counts ?? categoryCounts(col));
  const values = col.values;
  const sorted = inputs.sorted ?? sortedPresent(values);
  const present = sorted.length;
  let integerValued = present > 0;
  for (let i = 0; i < present; i++) {
    if (!Number.isInteger(sorted[i])) {
      integerValued = false;
      break;
    }
  }
  return {
    name: col.name,
    dtype: col.dtype,
    rows: values.length,
    missing: values.length - present,
    present,
    unique: countDistinctSorted(sorted),
    integerValued,
    rowCounter: col.dtype === 'float64' && isRowCounter(values),
    min: present > 0 ? sorted[0] : Number.NaN,
    max: present > 0 ? sorted[present - 1] : Number.NaN,
    numericShare: 0,
    dateShare: 0,
    meanLength: 0,
    spaceShare: 0,
  };
}

/** 0,1,2,… or 1,2,3,… in row order: a row number written into the file. */
function isRowCounter(values: Float64Array): boolean {
  if (values.length < 2) return false;
  const start = values[0];
  if (start !== 0 && start !== 1) return false;
  for (let i = 1; i < values.length; i++) if (values[i] !== start + i) return false;
  return true;
}

function stringFacts(col: CategoricalColumn, counts: Int32Array): ColumnFacts {
  let present = 0;
  let unique = 0;
  let numeric = 0;
  let dates = 0;
  let length = 0;
  let spaces = 0;
  // Facts are weighted by row counts but each distinct string is inspected once.
  for (let c = 0; c < counts.length; c++) {
    const n = counts[c];
    if (n === 0) continue;
    const s = col.categories[c];
    present += n;
    unique++;
    length += n * s.length;
    if (looksNumeric(s)) numeric += n;
    if (looksLikeIsoDate(s)) dates += n;
    if (SPACE_RE.test(s.trim())) spaces += n;
  }
  const share = (k: number) => (present > 0 ? k / present : 0);
  return {
    name: col.name,
    dtype: 'categorical',
    rows: col.codes.length,
    missing: col.codes.length - present,
    present,
    unique,
    integerValued: false,
    rowCounter: false,
    min: Number.NaN,
    max: Number.NaN,
    numericShare: share(numeric),
    dateShare: share(dates),
    meanLength: share(length),
    spaceShare: share(spaces),
  };
}
