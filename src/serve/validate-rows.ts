/**
 * @module serve/validate-rows
 * From request rows to the Frame a model scores, checked value by value against the model's
 * input contract (input-fields.ts). Every rejection is a 4xx error naming the row (0-based)
 * and the field: a missing field, a value of the wrong type, NaN/Infinity, an unknown
 * category (when the model's policy rejects them), or an extra column (when rejected).
 *
 * Columns are built straight into typed arrays; categorical codes index the model's own
 * training dictionary, so the model re-codes nothing. Two reading modes: 'json' (values as
 * JSON types: numbers must be numbers) and 'text' (CSV cells: numbers are parsed).
 */
import { didYouMean } from '../common/closest-match.js';
import { type Column, categoricalColumn, datetimeColumn, float64Column } from '../data/frame/column.js';
import { Frame } from '../data/frame/frame.js';
import { formatNumberLabel } from '../data/schema/convert-column.js';
import { parseIsoDate } from '../data/schema/iso-date.js';
import { DataError, SchemaMismatchError } from '../errors.js';
import type { ExtraColumnsPolicy, UnknownCategoryPolicy } from './config.js';
import type { InputContract, InputField } from './input-fields.js';
import { isNonFiniteText, nonFiniteLabel } from './parse-json-body.js';

export interface InputPolicy {
  readonly unknownCategory: UnknownCategoryPolicy;
  readonly extraColumns: ExtraColumnsPolicy;
}

export type ReadMode = 'json' | 'text';

/** A validated table: the Frame to score, and each row's values as received (for the log). */
export interface ValidatedTable {
  readonly frame: Frame;
  /** Row i's model inputs as plain values (null = missing), built only when asked. */
  record(i: number): Record<string, number | string | boolean | null>;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)}`;
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

function wrongType(row: number, f: InputField, expected: string, v: unknown): SchemaMismatchError {
  return new SchemaMismatchError('MW_SCHEMA_MISMATCH', `Row ${row}, field '${f.name}': must be ${expected} (or null when missing). Got ${describe(v)}.`, {
    details: { row, field: f.name, expected: f.kind, got: typeof v === 'string' ? v : v === null ? null : typeof v },
  });
}

function nonFinite(row: number, f: InputField, v: string): DataError {
  return new DataError('MW_SERVE_BAD_REQUEST', `Row ${row}, field '${f.name}': ${nonFiniteLabel(v)} is not a value JSON can carry; send null for a missing value.`, {
    hint: 'Replace NaN/Infinity with null (missing) or a finite number.',
    details: { row, field: f.name, got: nonFiniteLabel(v) },
  });
}

function unknownCategory(row: number, f: InputField, text: string): DataError {
  const cats = f.categories ?? [];
  const shown = cats.length <= 20 ? cats.map((c) => `'${c}'`).join(', ') : `${cats.slice(0, 20).map((c) => `'${c}'`).join(', ')}, … (${cats.length} in all)`;
  return new DataError('MW_SERVE_UNKNOWN_CATEGORY', `Row ${row}, field '${f.name}': '${text}' is not a category the model was trained on. Allowed: ${shown}.${didYouMean(text, cats)}`, {
    details: { row, field: f.name, got: text, allowed: cats.length <= 100 ? cats : cats.slice(0, 100) },
  });
}

/** Reads one field's values into a typed array, checking each. */
class FieldReader {
  readonly values: Float64Array | Int32Array;
  /** Categories seen when the model carries no training dictionary for this field. */
  private readonly extra: string[] = [];
  private readonly extraIndex = new Map<string, number>();

  constructor(
    readonly field: InputField,
    n: number,
    private readonly policy: InputPolicy,
    private readonly mode: ReadMode,
  ) {
    this.values = field.kind === 'category' ? new Int32Array(n) : new Float64Array(n);
  }

  set(i: number, row: number, v: unknown): void {
    const f = this.field;
    if (f.kind === 'number') (this.values as Float64Array)[i] = this.number(row, v);
    else if (f.kind === 'datetime') (this.values as Float64Array)[i] = this.datetime(row, v);
    else (this.values as Int32Array)[i] = this.category(row, v);
  }

  private number(row: number, v: unknown): number {
    if (typeof v === 'number') return v;
    if (v === null) return Number.NaN;
    if (typeof v === 'string') {
      if (isNonFiniteText(v)) throw nonFinite(row, this.field, v);
      if (this.mode === 'text') {
        if (v.trim() === '') return Number.NaN;
        const x = Number(v);
        if (Number.isFinite(x)) return x;
      }
    }
    throw wrongType(row, this.field, 'a number', v);
  }

  private datetime(row: number, v: unknown): number {
    if (v === null || (this.mode === 'text' && v === '')) return Number.NaN;
    if (typeof v === 'number' && this.mode === 'json') return v;
    if (typeof v === 'string') {
      if (isNonFiniteText(v)) throw nonFinite(row, this.field, v);
      const t = parseIsoDate(v);
      if (!Number.isNaN(t)) return t;
      if (this.mode === 'text' && Number.isFinite(Number(v))) return Number(v);
    }
    throw wrongType(row, this.field, 'an ISO 8601 date-time string or epoch milliseconds', v);
  }

  private category(row: number, v: unknown): number {
    let text: string;
    if (typeof v === 'string') {
      if (this.mode === 'text' && v === '') return -1;
      if (isNonFiniteText(v) && v.startsWith('\u0000')) throw nonFinite(row, this.field, v);
      text = v;
    } else if (typeof v === 'number') text = formatNumberLabel(v);
    else if (typeof v === 'boolean') text = String(v);
    else if (v === null) return -1;
    else throw wrongType(row, this.field, 'a category (string, number or boolean)', v);
    const index = this.field.categoryIndex;
    if (!index) return this.dynamic(text);
    const code = index.get(text);
    if (code !== undefined) return code;
    if (typeof v === 'boolean') {
      // "True"/"TRUE" in the training file: match booleans without regard to case.
      const alt = this.field.categories?.findIndex((c) => c.toLowerCase() === text);
      if (alt !== undefined && alt >= 0) return alt;
    }
    if (this.policy.unknownCategory === 'reject') throw unknownCategory(row, this.field, text);
    return -1;
  }

  private dynamic(text: string): number {
    let code = this.extraIndex.get(text);
    if (code === undefined) {
      code = this.extra.length;
      this.extra.push(text);
      this.extraIndex.set(text, code);
    }
    return code;
  }

  column(): Column {
    const f = this.field;
    if (f.kind === 'number') return float64Column(f.name, this.values as Float64Array);
    if (f.kind === 'datetime') return datetimeColumn(f.name, this.values as Float64Array);
    return categoricalColumn(f.name, this.values as Int32Array, f.categories ?? this.extra);
  }
}

function readers(contract: InputContract, n: number, policy: InputPolicy, mode: ReadMode): FieldReader[] {
  return contract.fields.map((f) => new FieldReader(f, n, policy, mode));
}

function extraColumn(contract: InputContract, name: string, row: number | null): DataError {
  const where = row === null ? `Column '${name}'` : `Row ${row}, field '${name}'`;
  const names = contract.fields.map((f) => f.name);
  return new DataError('MW_SERVE_EXTRA_COLUMN', `${where}: the model does not take this column, and extra columns are rejected. Its inputs: ${names.join(', ')}.${didYouMean(name, names)}`, {
    details: { row, field: name, allowed: names },
  });
}

function missingField(contract: InputContract, name: string, row: number | null, present: readonly string[]): SchemaMismatchError {
  const where = row === null ? 'The columns' : `Row ${row}`;
  const msg = `${where} ${row === null ? 'lack' : 'lacks'} the field '${name}', an input of the model (send null for a missing value).${didYouMean(name, present)}`;
  return new SchemaMismatchError('MW_SCHEMA_MISMATCH', msg, { details: { row, field: name, expected: contract.fields.map((f) => f.name) } });
}

function notFinite(v: unknown): boolean {
  return typeof v === 'string' && v.startsWith('\u0000');
}

/**
 * Validate row objects (`{"rows": [...]}` or NDJSON lines); `rowOffset` numbers rows in errors.
 * @example tableFromRows([{ x: 1, color: 'red' }], contract, policy).frame.nRows // 1
 */
export function tableFromRows(rows: readonly unknown[], contract: InputContract, policy: InputPolicy, mode: ReadMode = 'json', rowOffset = 0): ValidatedTable {
  const n = rows.length;
  const rs = readers(contract, n, policy, mode);
  const objs = rows as readonly Record<string, unknown>[];
  for (let i = 0; i < n; i++) {
    const r = objs[i];
    const row = rowOffset + i;
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      throw new DataError('MW_SERVE_BAD_REQUEST', `Row ${row} must be an object of field values. Got ${describe(r)}.`, { details: { row } });
    }
    for (let j = 0; j < rs.length; j++) {
      const rd = rs[j];
      const v = r[rd.field.name];
      if (v === undefined) throw missingField(contract, rd.field.name, row, Object.keys(r));
      rd.set(i, row, v);
    }
    if (policy.extraColumns === 'reject') {
      for (const k of Object.keys(r)) if (!contract.known.has(k)) throw extraColumn(contract, k, row);
    }
  }
  const frame = Frame.fromColumns(rs.map((r) => r.column()));
  return {
    frame,
    record: (i) => Object.fromEntries(contract.fields.map((f) => [f.name, logValue(objs[i][f.name])])),
  };
}

function logValue(v: unknown): number | string | boolean | null {
  if (v === undefined || v === null || notFinite(v)) return null;
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;
}

/** Validate a columnar body (`{"columns": {"x": [...], ...}}`): equal lengths, every input present. */
export function tableFromColumns(columns: Record<string, unknown>, contract: InputContract, policy: InputPolicy): ValidatedTable {
  const names = Object.keys(columns);
  let n = -1;
  let first = '';
  for (const name of names) {
    const a = columns[name];
    if (!Array.isArray(a)) throw new DataError('MW_SERVE_BAD_REQUEST', `Column '${name}' must be an array of values. Got ${describe(a)}.`, { details: { field: name } });
    if (n < 0) (n = a.length), (first = name);
    else if (a.length !== n) {
      throw new DataError('MW_SERVE_BAD_REQUEST', `Column '${name}' has ${a.length} values but column '${first}' has ${n}: every column needs one value per row.`, { details: { field: name } });
    }
    if (policy.extraColumns === 'reject' && !contract.known.has(name)) throw extraColumn(contract, name, null);
  }
  if (n <= 0) throw new DataError('MW_SERVE_BAD_REQUEST', `"columns" holds no rows.`, { hint: 'Send {"columns": {"field": [value, …], …}} with at least one value per column.' });
  const rs = readers(contract, n, policy, 'json');
  for (const rd of rs) {
    const a = columns[rd.field.name] as unknown[] | undefined;
    if (a === undefined) throw missingField(contract, rd.field.name, null, names);
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (v === undefined) throw missingField(contract, rd.field.name, i, names);
      rd.set(i, i, v);
    }
  }
  return {
    frame: Frame.fromColumns(rs.map((r) => r.column())),
    record: (i) => Object.fromEntries(contract.fields.map((f) => [f.name, logValue((columns[f.name] as unknown[])[i])])),
  };
}

/** Which of the two body shapes a request used (the response mirrors it). */
export type BodyShape = 'rows' | 'columns';

/** Validate a predict body: `{"rows": [...]}` or `{"columns": {...}}`. */
export function tableFromBody(body: unknown, contract: InputContract, policy: InputPolicy, maxRows = Number.POSITIVE_INFINITY): ValidatedTable & { shape: BodyShape } {
  if (body === undefined || body === null || (typeof body === 'string' && body === '')) {
    throw new DataError('MW_SERVE_BAD_REQUEST', 'The request body is empty.', { hint: 'Send {"rows": [{...}]} or {"columns": {...}} with Content-Type: application/json.' });
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new DataError('MW_SERVE_BAD_REQUEST', `The request body must be a JSON object with "rows" or "columns". Got ${describe(body)}.`);
  }
  const b = body as Record<string, unknown>;
  if (b.rows !== undefined) {
    if (!Array.isArray(b.rows)) throw new DataError('MW_SERVE_BAD_REQUEST', `"rows" must be an array of row objects. Got ${describe(b.rows)}.`);
    if (b.rows.length === 0) throw new DataError('MW_SERVE_BAD_REQUEST', '"rows" is empty: send at least one row.');
    if (b.rows.length > maxRows) throw new DataError('MW_SERVE_BAD_REQUEST', `"rows" holds ${b.rows.length} rows; at most ${maxRows} per request. Use predict-batch for more.`);
    return { ...tableFromRows(b.rows, contract, policy), shape: 'rows' };
  }
  if (b.columns !== undefined) {
    if (typeof b.columns !== 'object' || b.columns === null || Array.isArray(b.columns)) {
      throw new DataError('MW_SERVE_BAD_REQUEST', `"columns" must be an object of arrays. Got ${describe(b.columns)}.`);
    }
    return { ...tableFromColumns(b.columns as Record<string, unknown>, contract, policy), shape: 'columns' };
  }
  const keys = Object.keys(b);
  throw new DataError('MW_SERVE_BAD_REQUEST', `The request body needs "rows" or "columns"; it has ${keys.length ? keys.map((k) => `"${k}"`).join(', ') : 'no fields'}.${didYouMean(keys[0] ?? '', ['rows', 'columns'])}`, {
    hint: 'Send {"rows": [{"field": value, …}]} or {"columns": {"field": [value, …]}}.',
  });
}
