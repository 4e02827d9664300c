/**
 * @module ingest/relation
 * Turns a file or SQL source into the DuckDB query that produces its columns, with the
 * columns' names and types (from preparing the query, without running it) and, when cheap,
 * an estimate of its row count.
 */
import type { DuckDBConnection, DuckDBType } from '@duckdb/node-api';
import { type CsvDialect, readCsvCall, sniffDialect } from './csv-dialect.js';
import { TypeConversionFailure, csvError, sourceError } from './duckdb-error.js';
import { sqlString } from './duckdb.js';
import { estimateRows, inspectFile, statDataFile } from './file-check.js';
import { type DataSource, type ReadOptions, detectFormat } from './source.js';
import type { DataError } from '../../errors.js';

export interface Relation {
  /** A query producing the source's columns. */
  readonly sql: string;
  readonly names: readonly string[];
  readonly types: readonly DuckDBType[];
  /** Rows expected (a guess, or exact for Parquet); sizes the first buffers. */
  readonly estimatedRows: number | undefined;
  /** The source, for messages: a path or "the SQL query". */
  readonly where: string;
  /** True for delimited files, whose empty result means "header only". */
  readonly delimited: boolean;
  /** True when a LIMIT over `sql` is cheap (files), so its first rows can be sampled. */
  readonly sampleable: boolean;
  /** Map an error raised while running `sql` to a Modelwright error (or a retryable failure). */
  readonly classify: (err: unknown) => DataError | TypeConversionFailure;
  /** Delimited files only: the same read with `columns` typed as text (after a late type mismatch). */
  readonly withTextColumns?: (columns: readonly string[]) => Promise<Relation>;
}

/** Column names and types of `sql`, from preparing it (nothing runs). */
async function describe(con: DuckDBConnection, sql: string): Promise<{ names: string[]; types: DuckDBType[] }> {
  // Prepared as given, not wrapped in a subquery: a subquery would rename repeated column
  // names (a, a_1), hiding the duplicate from the check in planRelation.
  const prepared = await con.prepare(sql);
  const names: string[] = [];
  const types: DuckDBType[] = [];
  for (let i = 0; i < prepared.columnCount; i++) {
    names.push(prepared.columnName(i));
    types.push(prepared.columnType(i));
  }
  return { names, types };
}

async function csvRelation(
  con: DuckDBConnection,
  path: string,
  dialect: CsvDialect,
  textColumns: ReadonlySet<string>,
  estimatedRows: number,
): Promise<Relation> {
  const overrides = new Map<string, string>();
  for (const c of dialect.columns) if (textColumns.has(c.name)) overrides.set(c.name, 'VARCHAR');
  const sql = readCsvCall(path, dialect, overrides);
  const classify = (err: unknown) => csvError(err, path);
  let shape: { names: string[]; types: DuckDBType[] };
  try {
    shape = await describe(con, sql);
  } catch (err) {
    const e = classify(err);
    throw e instanceof TypeConversionFailure ? sourceError('MW_DATA_UNREADABLE', err, path) : e;
  }
  return {
    sql,
    ...shape,
    estimatedRows,
    where: path,
    delimited: true,
    sampleable: true,
    classify,
    withTextColumns: (cols) => csvRelation(con, path, dialect, new Set([...textColumns, ...cols]), estimatedRows),
  };
}

/** Resolve a file or SQL source (not PostgreSQL) into a Relation. */
export async function resolveRelation(con: DuckDBConnection, source: DataSource, opts: ReadOptions): Promise<Relation> {
  if (source.kind === 'sql') {
    const sql = source.query.trim().replace(/;\s*$/, '');
    const classify = (err: unknown) => sourceError('MW_DATA_SQL', err, 'the SQL query');
    try {
      return { sql, ...(await describe(con, sql)), estimatedRows: undefined, where: 'the SQL query', delimited: false, sampleable: false, classify };
    } catch (err) {
      throw classify(err);
    }
  }
  if (source.kind !== 'file') throw new Error('resolveRelation: PostgreSQL sources are read by readPostgres');
  const path = source.path;
  await statDataFile(path); // a missing file or a folder is reported before its extension
  const format = detectFormat(path, opts.format);
  const file = await inspectFile(path, format);
  if (format === 'csv' || format === 'tsv') {
    const dialect = await sniffDialect(con, file, opts, format === 'tsv' ? '\t' : undefined);
    return csvRelation(con, path, dialect, new Set(opts.categorical ?? []), estimateRows(file));
  }
  const classify = (err: unknown) => sourceError('MW_DATA_UNREADABLE', err, path);
  try {
    let sql: string;
    let estimatedRows: number | undefined;
    if (format === 'parquet') {
      sql = `SELECT * FROM read_parquet(${sqlString(path)})`;
      // Parquet keeps row counts in its footer: this reads metadata only.
      const res = await con.run(`SELECT count(*)::DOUBLE AS n FROM read_parquet(${sqlString(path)})`);
      estimatedRows = Number((await res.getRows())[0][0]);
    } else {
      const fmt = format === 'ndjson' ? ", format='newline_delimited'" : '';
      sql = `SELECT * FROM read_json_auto(${sqlString(path)}${fmt})`;
      estimatedRows = format === 'ndjson' ? estimateRows(file) : undefined;
    }
    return { sql, ...(await describe(con, sql)), estimatedRows, where: path, delimited: false, sampleable: true, classify };
  } catch (err) {
    throw classify(err);
  }
}
