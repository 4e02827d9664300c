/**
 * @module ingest/postgres-columns
 * PostgreSQL values (received as text) into Frame columns, by the column's type OID:
 * integer / float / numeric types → float64, date / timestamp[tz] → datetime (epoch ms UTC),
 * boolean → categorical 'false'/'true', everything else (text, varchar, uuid, enums, json…)
 * → categorical text.
 */
import { categoricalColumn, type Column, datetimeColumn, float64Column } from '../frame/column.js';
import { float64Builder, int32Builder, type TypedBuilder } from './column-builder.js';

/** pg_type OIDs (stable across PostgreSQL versions). */
const NUMERIC_OIDS = new Set([20, 21, 23, 26, 700, 701, 1700]); // int8 int2 int4 oid float4 float8 numeric
const BOOL_OID = 16;
const DATE_OID = 1082;
const TIMESTAMP_OID = 1114;
const TIMESTAMPTZ_OID = 1184;

export type PgKind = 'float64' | 'datetime' | 'bool' | 'text';

export function pgKind(oid: number, forcedText: boolean): PgKind {
  if (forcedText) return 'text';
  if (NUMERIC_OIDS.has(oid)) return 'float64';
  if (oid === DATE_OID || oid === TIMESTAMP_OID || oid === TIMESTAMPTZ_OID) return 'datetime';
  if (oid === BOOL_OID) return 'bool';
  return 'text';
}

/**
 * Epoch ms of PostgreSQL's text form of a date or timestamp: '2024-01-02', '2024-01-02
 * 03:04:05.123456', '2024-01-02 03:04:05+05:30' or '…+05'. Times without a zone are UTC.
 * 'infinity' and BC dates become NaN.
 */
export function parsePgTimestamp(s: string): number {
  let iso = s.length === 10 ? `${s}T00:00:00` : s.replace(' ', 'T');
  const zone = /([+-]\d{2})(:?\d{2})?(:?\d{2})?$/.exec(iso.slice(19));
  if (zone) {
    // '+05' → '+05:00'; seconds in an offset (historic zones) are dropped.
    const mm = zone[2] ? zone[2].replace(':', '') : '00';
    iso = `${iso.slice(0, 19 + zone.index)}${zone[1]}:${mm}`;
  } else iso += 'Z';
  return Date.parse(iso);
}

/** Accumulates one column's text values across fetched batches. */
export class PgColumnBuilder {
  private readonly values?: TypedBuilder<Float64Array>;
  private readonly codes?: TypedBuilder<Int32Array>;
  private readonly index = new Map<string, number>();
  private readonly categories: string[] = [];

  constructor(
    readonly name: string,
    readonly kind: PgKind,
    capacity: number,
  ) {
    if (kind === 'float64' || kind === 'datetime') this.values = float64Builder(capacity);
    else this.codes = int32Builder(capacity);
    if (kind === 'bool') this.categories.push('false', 'true');
  }

  /** Append column `j` of `rows` (arrays of text or null). */
  append(rows: readonly (readonly (string | null)[])[], j: number): void {
    const n = rows.length;
    if (this.values) {
      const out = this.values.reserve(n);
      const off = this.values.length;
      const parse = this.kind === 'datetime' ? parsePgTimestamp : Number;
      for (let i = 0; i < n; i++) {
        const v = rows[i][j];
        out[off + i] = v === null ? Number.NaN : parse(v);
      }
      this.values.length += n;
      return;
    }
    const codes = this.codes!;
    const out = codes.reserve(n);
    const off = codes.length;
    for (let i = 0; i < n; i++) {
      const v = rows[i][j];
      if (v === null) out[off + i] = -1;
      else if (this.kind === 'bool') out[off + i] = v === 't' || v === 'true' ? 1 : 0;
      else {
        let code = this.index.get(v);
        if (code === undefined) {
          code = this.categories.length;
          this.categories.push(v);
          this.index.set(v, code);
        }
        out[off + i] = code;
      }
    }
    codes.length += n;
  }

  finish(): Column {
    if (this.values) {
      const v = this.values.finish();
      return this.kind === 'datetime' ? datetimeColumn(this.name, v) : float64Column(this.name, v);
    }
    return categoricalColumn(this.name, this.codes!.finish(), this.categories);
  }
}
