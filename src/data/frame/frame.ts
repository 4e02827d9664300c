/**
 * @module frame
 * `Frame`: the in-memory table every part of Modelwright passes around. Columns are typed
 * arrays (see column.ts); a Frame is immutable — every operation returns a new Frame that
 * shares the untouched columns' memory.
 */
import { didYouMean } from '../../common/closest-match.js';
import { DataError } from '../../errors.js';
import {
  type Column,
  columnFromValues,
  columnLength,
  concatColumns,
  renameColumn,
  sliceRows,
  takeRows,
  valueAt,
} from './column.js';

export type Row = Record<string, number | string | null>;

export class Frame {
  readonly nRows: number;
  readonly columns: readonly Column[];
  private readonly byName: ReadonlyMap<string, Column>;

  private constructor(columns: readonly Column[], nRows: number) {
    this.columns = columns;
    this.nRows = nRows;
    this.byName = new Map(columns.map((c) => [c.name, c]));
  }

  /** A Frame from columns of equal length and distinct names. */
  static fromColumns(columns: readonly Column[]): Frame {
    const seen = new Set<string>();
    for (const c of columns) {
      if (seen.has(c.name)) {
        throw new DataError('MW_DATA_DUPLICATE_COLUMN', `Column '${c.name}' appears more than once.`, { details: { column: c.name } });
      }
      seen.add(c.name);
    }
    const nRows = columns.length === 0 ? 0 : columnLength(columns[0]);
    for (const c of columns) {
      if (columnLength(c) !== nRows) {
        throw new Error(`Frame.fromColumns: column '${c.name}' has ${columnLength(c)} rows, expected ${nRows}`);
      }
    }
    return new Frame(columns, nRows);
  }

  /**
   * A Frame from plain row objects; column order follows first appearance.
   * @example Frame.fromRows([{ age: 31, city: 'Oslo' }, { age: null, city: 'Rome' }])
   */
  static fromRows(rows: readonly Record<string, unknown>[], columnOrder?: readonly string[]): Frame {
    const names: string[] = columnOrder ? [...columnOrder] : [];
    if (!columnOrder) {
      const seen = new Set<string>();
      for (const r of rows) for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), names.push(k));
    }
    return Frame.fromColumns(names.map((n) => columnFromValues(n, rows.map((r) => r[n]))));
  }

  /** A Frame from a record of arrays. */
  static fromArrays(arrays: Record<string, ArrayLike<unknown>>): Frame {
    return Frame.fromColumns(Object.entries(arrays).map(([n, v]) => columnFromValues(n, v)));
  }

  /** Stack frames with the same columns (chunks of one source) into one. */
  static concat(frames: readonly Frame[]): Frame {
    if (frames.length === 0) return Frame.fromColumns([]);
    if (frames.length === 1) return frames[0];
    const names = frames[0].names;
    return Frame.fromColumns(names.map((n) => concatColumns(frames.map((f) => f.column(n)))));
  }

  get names(): string[] {
    return this.columns.map((c) => c.name);
  }

  get nCols(): number {
    return this.columns.length;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The column called `name`; a DataError suggesting close names when there is none. */
  column(name: string): Column {
    const col = this.byName.get(name);
    if (!col) {
      throw new DataError('MW_DATA_COLUMN_NOT_FOUND', `Column '${name}' is not in the data.${didYouMean(name, this.names)}`, {
        details: { column: name, available: this.names },
      });
    }
    return col;
  }

  select(names: readonly string[]): Frame {
    return new Frame(
      names.map((n) => this.column(n)),
      this.nRows,
    );
  }

  drop(names: readonly string[]): Frame {
    for (const n of names) this.column(n); // fail loudly on a misspelt name
    const gone = new Set(names);
    return new Frame(
      this.columns.filter((c) => !gone.has(c.name)),
      this.nRows,
    );
  }

  /** Add a column, or replace the one of the same name in place. */
  withColumn(col: Column): Frame {
    if (columnLength(col) !== this.nRows && this.columns.length > 0) {
      throw new Error(`withColumn: '${col.name}' has ${columnLength(col)} rows, frame has ${this.nRows}`);
    }
    const cols = this.has(col.name) ? this.columns.map((c) => (c.name === col.name ? col : c)) : [...this.columns, col];
    return new Frame(cols, this.columns.length === 0 ? columnLength(col) : this.nRows);
  }

  rename(mapping: Record<string, string>): Frame {
    return Frame.fromColumns(this.columns.map((c) => (mapping[c.name] ? renameColumn(c, mapping[c.name]) : c)));
  }

  /** The rows at `indices`, in that order. */
  take(indices: ArrayLike<number>): Frame {
    return new Frame(
      this.columns.map((c) => takeRows(c, indices)),
      indices.length,
    );
  }

  /** Rows [start, end), sharing memory with this frame. */
  slice(start: number, end = this.nRows): Frame {
    const s = Math.max(0, Math.min(start, this.nRows));
    const e = Math.max(s, Math.min(end, this.nRows));
    return new Frame(
      this.columns.map((c) => sliceRows(c, s, e)),
      e - s,
    );
  }

  row(i: number): Row {
    const out: Row = {};
    for (const c of this.columns) out[c.name] = valueAt(c, i);
    return out;
  }

  /** Plain row objects (for display, JSON output and tests); `limit` caps the count. */
  toRows(limit = this.nRows): Row[] {
    const n = Math.min(limit, this.nRows);
    const rows: Row[] = new Array(n);
    for (let i = 0; i < n; i++) rows[i] = this.row(i);
    return rows;
  }
}
