/**
 * @module ingest
 * Reading data into Frames. PLACEHOLDER SIGNATURES — being implemented (DuckDB-backed).
 */
import type { Frame } from '../frame/frame.js';

/** Where data comes from: a file path, a SQL query over files, or PostgreSQL. */
export type DataSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'sql'; readonly query: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly table?: string; readonly query?: string };

export type FileFormat = 'csv' | 'tsv' | 'parquet' | 'json' | 'ndjson';

export interface ReadOptions {
  /** Force a format instead of guessing from the extension. */
  readonly format?: FileFormat;
  /** CSV delimiter; sniffed when absent. */
  readonly delimiter?: string;
  /** Whether the first CSV line is a header; sniffed when absent. */
  readonly header?: boolean;
  /** CSV quote character; sniffed when absent. */
  readonly quote?: string;
  /** Read only these columns (in this order). */
  readonly columns?: readonly string[];
  /** Stop after this many rows. */
  readonly limitRows?: number;
  /** Columns to read as categorical even when their values look numeric. */
  readonly categorical?: readonly string[];
}

export interface ScanOptions extends ReadOptions {
  /** Rows per yielded Frame. */
  readonly batchRows?: number;
}

/** Parse a CLI data argument: a path, or a `postgres://` / `postgresql://` URL. */
export function parseSource(arg: string, opts: { sql?: string; table?: string; query?: string } = {}): DataSource {
  if (opts.sql) return { kind: 'sql', query: opts.sql };
  if (/^postgres(ql)?:\/\//i.test(arg)) return { kind: 'postgres', url: arg, table: opts.table, query: opts.query };
  return { kind: 'file', path: arg };
}

export async function readData(_source: DataSource | string, _options: ReadOptions = {}): Promise<Frame> {
  throw new Error('readData: not implemented yet');
}

export async function* scanData(_source: DataSource | string, _options: ScanOptions = {}): AsyncGenerator<Frame> {
  throw new Error('scanData: not implemented yet');
}
