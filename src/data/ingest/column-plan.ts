/**
 * @module ingest/column-plan
 * How each DuckDB column becomes a Frame column, decided once per read from the column
 * types. DuckDB does the per-cell work in SQL, on its own threads, so that JavaScript only
 * copies fixed-width vectors:
 *  - numbers of any width (ints, floats, decimals)  → `DOUBLE`, NULL → NaN        (float64)
 *  - DATE / TIMESTAMP[_S|_MS|_NS|TZ]                → epoch ms as `DOUBLE`         (datetime)
 *  - BOOLEAN                                        → code 0/1/-1, 'false'/'true'  (categorical)
 *  - ENUM                                           → its own code, its own values (categorical)
 *  - VARCHAR and everything else (cast to VARCHAR)  → dictionary-encoded in JS     (categorical)
 * Text columns whose values run longer than 12 bytes also get DuckDB's `hash()`: the string
 * encoder then keys them without fetching their bytes (string-encoder.ts).
 */
import { type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import { sqlIdent } from './duckdb.js';

export type ColumnKind = 'float64' | 'datetime' | 'codes' | 'strings';

export interface PlannedColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Position of the value in the planned SELECT. */
  readonly index: number;
  /** Position of DuckDB's uint64 `hash()` of the value (`strings` with long values), else -1. */
  readonly hashIndex: number;
  /** Fixed dictionary of `codes` columns. */
  readonly categories: readonly string[];
}

export interface ColumnPlan {
  readonly columns: readonly PlannedColumn[];
  /** `SELECT … FROM (relation)`: one DOUBLE, INTEGER or VARCHAR per column, then the hashes. */
  readonly sql: string;
}

const NUMERIC = new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL,
  DuckDBTypeId.BIGNUM,
  DuckDBTypeId.SQLNULL,
]);

const DATETIME = new Set([
  DuckDBTypeId.DATE,
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.TIMESTAMP_TZ,
]);

const NAN = "'NaN'::DOUBLE";

/** True when DuckDB's type becomes a float64 column. */
export function isNumericType(type: DuckDBType): boolean {
  return NUMERIC.has(type.typeId);
}

/**
 * Plan the read of `relation` whose columns are `names`/`types`; `categorical` names are
 * forced to categorical (their values rendered as text).
 * @param limit appended as `LIMIT n` when given
 * @param hashed text columns that also get DuckDB's `hash()` (those holding strings longer
 *   than 12 bytes): 'all', or a set of names
 */
export function planColumns(
  relation: string,
  names: readonly string[],
  types: readonly DuckDBType[],
  categorical: ReadonlySet<string>,
  limit: number | undefined,
  hashed: ReadonlySet<string> | 'all',
): ColumnPlan {
  const exprs: string[] = [];
  const hashes: string[] = [];
  const pending: { name: string; kind: ColumnKind; categories: readonly string[]; hash: boolean }[] = [];
  names.forEach((name, i) => {
    const type = types[i];
    const q = sqlIdent(name);
    const id = type.typeId;
    const forced = categorical.has(name);
    if (!forced && NUMERIC.has(id)) {
      exprs.push(id === DuckDBTypeId.DOUBLE ? `coalesce(${q}, ${NAN})` : `coalesce(CAST(${q} AS DOUBLE), ${NAN})`);
      pending.push({ name, kind: 'float64', categories: [], hash: false });
    } else if (!forced && DATETIME.has(id)) {
      const ts = id === DuckDBTypeId.TIMESTAMP_TZ ? q : `CAST(${q} AS TIMESTAMP)`;
      exprs.push(`coalesce(CAST(epoch_ms(${ts}) AS DOUBLE), ${NAN})`);
      pending.push({ name, kind: 'datetime', categories: [], hash: false });
    } else if (!forced && id === DuckDBTypeId.BOOLEAN) {
      exprs.push(`coalesce(CAST(${q} AS INTEGER), -1)`);
      pending.push({ name, kind: 'codes', categories: ['false', 'true'], hash: false });
    } else if (id === DuckDBTypeId.ENUM && 'values' in type) {
      exprs.push(`coalesce(CAST(enum_code(${q}) AS INTEGER), -1)`);
      pending.push({ name, kind: 'codes', categories: [...(type.values as readonly string[])], hash: false });
    } else {
      const text = id === DuckDBTypeId.VARCHAR ? q : `CAST(${q} AS VARCHAR)`;
      exprs.push(text);
      const hash = hashed === 'all' || hashed.has(name);
      if (hash) hashes.push(`hash(${text})`);
      pending.push({ name, kind: 'strings', categories: [], hash });
    }
  });
  let h = exprs.length;
  const columns = pending.map((p, i) => ({ name: p.name, kind: p.kind, index: i, hashIndex: p.hash ? h++ : -1, categories: p.categories }));
  const select = [...exprs, ...hashes].map((e, i) => `${e} AS c${i}`).join(', ');
  const sql = `SELECT ${select || '1 AS c0'} FROM (${relation})${limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(limit))}`}`;
  return { columns, sql };
}
