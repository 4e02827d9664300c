/**
 * @module ingest/csv-dialect
 * Delimited files: DuckDB's sniffer finds the delimiter, quote, header and column types once
 * (`sniff_csv`), and the read itself runs with `auto_detect=false` and those settings, in
 * strict mode — so the file is not sniffed twice and a ragged row is an error with its line
 * number, never silently padded.
 *
 * When rows disagree on their field count inside the sniffer's sample, DuckDB cannot find a
 * dialect and falls back to one column (or gives up). The header line then still shows the
 * delimiter; reading with it in strict mode makes DuckDB name the offending line.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DataError } from '../../errors.js';
import { csvError, errorText, sourceError } from './duckdb-error.js';
import { sqlString } from './duckdb.js';
import type { FileHead } from './file-check.js';
import { guessDialect } from './guess-dialect.js';
import type { ReadOptions } from './source.js';

export interface CsvColumn {
  readonly name: string;
  /** DuckDB type name, e.g. BIGINT, DOUBLE, VARCHAR, DATE. */
  readonly type: string;
}

export interface CsvDialect {
  readonly delimiter: string;
  readonly quote: string;
  readonly escape: string;
  readonly newline: string;
  readonly comment: string;
  readonly skip: number;
  readonly header: boolean;
  readonly dateFormat: string | null;
  readonly timestampFormat: string | null;
  readonly columns: readonly CsvColumn[];
}

const DELIMITER_CANDIDATES = [',', '\t', ';', '|'];

function sniffValue(v: unknown): string {
  return v === '(empty)' || v === null || v === undefined ? '' : String(v);
}

/** sniff_csv's named arguments from the user's explicit options. */
function userArgs(opts: ReadOptions, delimiter = opts.delimiter): string {
  const args: string[] = [];
  if (delimiter !== undefined) args.push(`delim=${sqlString(delimiter)}`);
  if (opts.quote !== undefined) args.push(`quote=${sqlString(opts.quote)}`);
  if (opts.header !== undefined) args.push(`header=${opts.header}`);
  return args.map((a) => `, ${a}`).join('');
}

async function runSniff(con: DuckDBConnection, path: string, args: string): Promise<CsvDialect> {
  const res = await con.run(`SELECT * FROM sniff_csv(${sqlString(path)}${args})`);
  const [row] = (await res.getRowObjectsJson()) as Record<string, unknown>[];
  const columns = (row.Columns as { name: string; type: string }[]).map((c) => ({ name: c.name, type: c.type }));
  return {
    delimiter: sniffValue(row.Delimiter),
    quote: sniffValue(row.Quote),
    escape: sniffValue(row.Escape),
    newline: sniffValue(row.NewLineDelimiter),
    comment: sniffValue(row.Comment),
    skip: Number(row.SkipRows ?? 0),
    header: Boolean(row.HasHeader),
    dateFormat: row.DateFormat ? String(row.DateFormat) : null,
    timestampFormat: row.TimestampFormat ? String(row.TimestampFormat) : null,
    columns,
  };
}

/** Split one line on `delim`, honouring double quotes (enough for a header line). */
export function splitLine(line: string, delim: string, quote = '"'): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote && ch === quote) {
      if (inQuotes && line[i + 1] === quote) (cur += quote, i++);
      else inQuotes = !inQuotes;
    } else if (ch === delim && !inQuotes) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function firstLine(file: FileHead): string {
  const text = file.head.toString('utf8');
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

/** The candidate delimiter splitting the first line into the most fields, if any does. */
function headerDelimiter(file: FileHead, given?: string): string | undefined {
  const line = firstLine(file);
  if (given !== undefined) return given;
  let best: string | undefined;
  let bestCount = 1;
  for (const d of DELIMITER_CANDIDATES) {
    const n = splitLine(line, d).length;
    if (n > bestCount) (best = d, bestCount = n);
  }
  return best;
}

/**
 * Read the whole file in strict mode with `delim` and text columns: DuckDB stops at the first
 * row with the wrong field count and names its line. Resolves when every row agrees.
 */
async function strictCheck(con: DuckDBConnection, file: FileHead, delim: string, quote: string): Promise<void> {
  const n = splitLine(firstLine(file), delim, quote).length;
  const cols = Array.from({ length: n }, (_, i) => `${sqlString(`c${i}`)}: 'VARCHAR'`).join(', ');
  const q = quote === '' ? "quote=''" : `quote=${sqlString(quote)}, escape=${sqlString(quote)}`;
  try {
    await con.run(
      `SELECT count(*) FROM read_csv(${sqlString(file.path)}, auto_detect=false, delim=${sqlString(delim)}, ${q}, header=false, strict_mode=true, columns={${cols}})`,
    );
  } catch (err) {
    throw csvError(err, file.path);
  }
}

/** Sniff the dialect and column types of a delimited file; ragged files throw with the line. */
export async function sniffDialect(con: DuckDBConnection, file: FileHead, opts: ReadOptions, defaultDelimiter?: string): Promise<CsvDialect> {
  const delimiter = opts.delimiter ?? defaultDelimiter;
  let dialect: CsvDialect | undefined;
  let failure: unknown;
  const guess = guessDialect(file.head, file.complete, { delimiter, quote: opts.quote });
  if (guess !== undefined) {
    const quote = opts.quote === undefined ? `, quote='"', escape='"'` : '';
    try {
      dialect = await runSniff(con, file.path, `${userArgs(opts, guess.delimiter)}${quote}, new_line=${sqlString(guess.newline)}`);
    } catch {
      // the guess did not hold beyond the sample: let the sniffer search on its own
    }
  }
  if (dialect === undefined) {
    try {
      dialect = await runSniff(con, file.path, userArgs(opts, delimiter));
    } catch (err) {
      failure = err;
    }
  }
  // One column, or lines skipped at the top although the first line splits into fields,
  // is how the sniffer reacts to rows with unequal field counts: look closer.
  const skipped = dialect !== undefined && dialect.skip > 0 && splitLine(firstLine(file), dialect.delimiter, dialect.quote || '"').length > 1;
  const suspicious = dialect === undefined || dialect.columns.length === 1 || skipped;
  if (suspicious) {
    const delim = skipped ? dialect!.delimiter : headerDelimiter(file, delimiter);
    if (delim !== undefined) {
      await strictCheck(con, file, delim, opts.quote ?? '"');
      // Every row agrees with the header's delimiter: sniff again with it fixed.
      if (dialect === undefined || dialect.delimiter !== delim || skipped) {
        try {
          dialect = await runSniff(con, file.path, userArgs(opts, delim));
        } catch (err) {
          failure = err;
        }
      }
    }
  }
  if (dialect === undefined) {
    const reason = /not possible to automatically detect/i.test(errorText(failure))
      ? 'DuckDB could not detect its delimiter, quote or header (is it really delimited text?).'
      : undefined;
    if (reason) {
      throw new DataError('MW_DATA_UNREADABLE', `Cannot read '${file.path}': ${reason}`, {
        cause: failure,
        hint: 'Check the file, or pass --delimiter, --quote and --header explicitly.',
        details: { path: file.path },
      });
    }
    throw sourceError('MW_DATA_UNREADABLE', failure, file.path);
  }
  checkDuplicateHeader(file, dialect);
  return dialect;
}

/** DuckDB renames a repeated header name to `name_1`; a repeated name is an error here. */
function checkDuplicateHeader(file: FileHead, dialect: CsvDialect): void {
  if (!dialect.header) return;
  const names = new Set(dialect.columns.map((c) => c.name));
  const renamed = dialect.columns.some((c) => /_\d+$/.test(c.name) && names.has(c.name.replace(/_\d+$/, '')));
  if (!renamed) return;
  const raw = splitLine(firstLine(file), dialect.delimiter, dialect.quote).map((s) => s.trim());
  const seen = new Set<string>();
  for (const name of raw) {
    if (seen.has(name)) {
      throw new DataError('MW_DATA_DUPLICATE_COLUMN', `Column '${name}' appears more than once in the header of '${file.path}'.`, {
        details: { path: file.path, column: name },
      });
    }
    seen.add(name);
  }
}

const INTEGER_TYPES = /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|UHUGEINT)$/;

/**
 * Integer columns are read as DOUBLE: they become float64 anyway, and a decimal value past
 * the sniffer's sample ("12.5" after a run of whole numbers) then parses instead of failing
 * the read.
 */
function readType(sniffed: string): string {
  // Columns DuckDB sniffs as BOOLEAN ('yes'/'no', 'T'/'F', 'true'/'false') are read as text so
  // labels keep the spelling the user wrote: a 'yes'/'no' target predicts 'yes'/'no'.
  if (sniffed === 'BOOLEAN') return 'VARCHAR';
  return INTEGER_TYPES.test(sniffed) ? 'DOUBLE' : sniffed;
}

/**
 * The `read_csv(…)` call for `dialect`, with `types` overriding the sniffed column types
 * (e.g. VARCHAR for columns forced to categorical).
 */
export function readCsvCall(path: string, dialect: CsvDialect, types: ReadonlyMap<string, string>): string {
  const cols = dialect.columns
    .map((c) => `${sqlString(c.name)}: ${sqlString(types.get(c.name) ?? readType(c.type))}`)
    .join(', ');
  const args = [
    sqlString(path),
    'auto_detect=false',
    `delim=${sqlString(dialect.delimiter)}`,
    `quote=${sqlString(dialect.quote)}`,
    `escape=${sqlString(dialect.escape)}`,
    `comment=${sqlString(dialect.comment)}`,
    `skip=${dialect.skip}`,
    `header=${dialect.header}`,
    'strict_mode=true',
    `columns={${cols}}`,
  ];
  // new_line is left to DuckDB on purpose: with strict_mode, an explicit new_line='\r\n'
  // makes DuckDB 1.5 return no rows at all for CRLF files (no error), while its own line
  // ending detection reads them correctly.
  if (dialect.dateFormat) args.push(`dateformat=${sqlString(dialect.dateFormat)}`);
  if (dialect.timestampFormat) args.push(`timestampformat=${sqlString(dialect.timestampFormat)}`);
  return `SELECT * FROM read_csv(${args.join(', ')})`;
}

