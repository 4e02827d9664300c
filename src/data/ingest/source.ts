/**
 * @module ingest/source
 * What can be read (a file, a SQL query over files, a PostgreSQL table or query), the options
 * of a read, and how a file's format follows from its name.
 */
import { DataError } from '../../errors.js';

/** Where data comes from: a file path, a SQL query over files, or PostgreSQL. */
export type DataSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'sql'; readonly query: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly table?: string; readonly query?: string };

export type FileFormat = 'csv' | 'tsv' | 'parquet' | 'json' | 'ndjson';

export const FILE_FORMATS: readonly FileFormat[] = ['csv', 'tsv', 'parquet', 'json', 'ndjson'];

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
  /** Rows per yielded Frame (default 65,536). */
  readonly batchRows?: number;
}

/**
 * Parse a CLI data argument: a path, or a `postgres://` / `postgresql://` URL.
 * @example parseSource('train.csv') // { kind: 'file', path: 'train.csv' }
 * @example parseSource('', { sql: "select * from 'a.parquet'" }) // { kind: 'sql', … }
 */
export function parseSource(arg: string, opts: { sql?: string; table?: string; query?: string } = {}): DataSource {
  if (opts.sql) return { kind: 'sql', query: opts.sql };
  if (/^postgres(ql)?:\/\//i.test(arg)) return { kind: 'postgres', url: arg, table: opts.table, query: opts.query };
  return { kind: 'file', path: arg };
}

/** A source given as a string is parsed like a CLI argument. */
export function toSource(source: DataSource | string): DataSource {
  return typeof source === 'string' ? parseSource(source) : source;
}

/** File name endings and their formats; `.gz` is allowed after the text formats. */
const EXTENSIONS: readonly [string, FileFormat][] = [
  ['.csv', 'csv'],
  ['.tsv', 'tsv'],
  ['.tab', 'tsv'],
  ['.parquet', 'parquet'],
  ['.pq', 'parquet'],
  ['.json', 'json'],
  ['.ndjson', 'ndjson'],
  ['.jsonl', 'ndjson'],
];

/** The supported endings, for messages: ".csv, .csv.gz, .tsv, …". */
export function supportedExtensions(): string {
  return EXTENSIONS.flatMap(([ext, fmt]) => (fmt === 'parquet' ? [ext] : [ext, `${ext}.gz`])).join(', ');
}

/** The format of `path`: `forced` when given, otherwise from its extension. */
export function detectFormat(path: string, forced?: FileFormat): FileFormat {
  if (forced !== undefined) {
    if (!FILE_FORMATS.includes(forced)) {
      throw new DataError('MW_DATA_UNSUPPORTED_FORMAT', `Unsupported format '${String(forced)}'. Must be one of: ${FILE_FORMATS.join(', ')}.`, {
        details: { format: forced, allowed: FILE_FORMATS },
      });
    }
    return forced;
  }
  const lower = path.toLowerCase().replace(/\.(gz|gzip)$/, '');
  const compressed = lower.length !== path.length;
  for (const [ext, fmt] of EXTENSIONS) {
    if (lower.endsWith(ext) && !(compressed && fmt === 'parquet')) return fmt;
  }
  const ext = /\.[^./\\]+(\.gz)?$/i.exec(path)?.[0] ?? '(none)';
  throw new DataError(
    'MW_DATA_UNSUPPORTED_FORMAT',
    `Cannot read '${path}': the extension ${ext} is not a supported format. Supported: ${supportedExtensions()}.`,
    {
      hint: `Rename the file, or pass --format with one of: ${FILE_FORMATS.join(', ')}.`,
      details: { path, extension: ext, allowed: FILE_FORMATS },
    },
  );
}
