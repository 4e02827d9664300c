/**
 * @module ingest/duckdb-error
 * Turns DuckDB's error text into Modelwright errors: a ragged row or an unclosed quote names
 * its line, a value that does not fit the sniffed type names its column (so the reader can
 * retry it as text), a SQL error quotes DuckDB's message without a stack. DuckDB's messages
 * are long and list its own options ("Disable the parser's strict mode…"); only the part a
 * Modelwright user can act on is kept.
 */
import { DataError, type ErrorCode, ModelwrightError } from '../../errors.js';

/** A value later in a CSV file did not parse as the type sniffed from its first rows. */
export class TypeConversionFailure extends Error {
  constructor(
    readonly column: string,
    readonly line: number | undefined,
    readonly value: string,
    readonly type: string,
    readonly original: unknown,
  ) {
    super(`column '${column}': could not convert '${value}' to ${type}`);
  }
}

/** The message of any thrown value. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** DuckDB's first paragraph, without its "Possible fixes" list, settings dump and SQL caret. */
export function duckdbReason(text: string): string {
  const cut = text.split(/\n\s*\n|\nPossible (?:fixes|solutions):|\nLINE \d+:/)[0] ?? text;
  return cut.replace(/^[A-Za-z ]+ Error: /, '').trim();
}

function lineOf(text: string): number | undefined {
  const m = /CSV Error on Line: (\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * Classify an error raised while reading the delimited file `path`: a DataError for ragged
 * rows / unclosed quotes / other CSV faults, or a TypeConversionFailure the caller may retry.
 */
export function csvError(err: unknown, path: string): DataError | TypeConversionFailure {
  if (err instanceof ModelwrightError) return err as DataError;
  const text = errorText(err);
  const line = lineOf(text);
  const conv = /Error when converting column "((?:[^"]|"")*)"\. Could not convert string "((?:[^"]|"")*)" to '([^']+)'/.exec(text);
  if (conv) return new TypeConversionFailure(conv[1].replaceAll('""', '"'), line, conv[2], conv[3], err);
  const fields = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(text);
  if (fields && line !== undefined) {
    const [expected, found] = [Number(fields[1]), Number(fields[2])];
    return new DataError(
      'MW_DATA_RAGGED_ROW',
      `Line ${line} of '${path}' has ${found} field${found === 1 ? '' : 's'}; the header has ${expected}.`,
      { cause: err, details: { path, line, expected, found } },
    );
  }
  if (/unterminated quote/i.test(text) && line !== undefined) {
    return new DataError('MW_DATA_RAGGED_ROW', `Line ${line} of '${path}' opens a quote that is never closed.`, {
      cause: err,
      details: { path, line },
      hint: 'Close or escape the quote on that line, or pass --quote with the quote character the file uses.',
    });
  }
  return sourceError('MW_DATA_UNREADABLE', err, path);
}

/** A late type mismatch that could not be retried (a scan already handed out batches). */
export function conversionError(f: TypeConversionFailure, where: string): DataError {
  const at = f.line === undefined ? '' : ` on line ${f.line}`;
  return new DataError(
    'MW_DATA_UNREADABLE',
    `Column '${f.column}' of '${where}' looked like ${f.type} in its first rows, but holds '${f.value}'${at}.`,
    {
      cause: f.original,
      hint: `Read it as text: pass categorical: ['${f.column}'] (CLI: --categorical ${f.column}).`,
      details: { source: where, column: f.column, line: f.line, value: f.value },
    },
  );
}

/** A DataError quoting DuckDB's reason, for errors with no more specific meaning. */
export function sourceError(code: ErrorCode, err: unknown, where: string): DataError {
  if (err instanceof DataError) return err;
  const text = errorText(err);
  if (/No files found that match the pattern "([^"]*)"/.test(text)) {
    const file = /No files found that match the pattern "([^"]*)"/.exec(text)?.[1] ?? '';
    return new DataError('MW_DATA_FILE_NOT_FOUND', `Data file '${file}' does not exist (named in ${where}).`, {
      cause: err,
      details: { path: file },
    });
  }
  const reason = duckdbReason(text);
  const message =
    code === 'MW_DATA_SQL' ? `The SQL query failed: ${reason}` : `Cannot read '${where}': ${reason}`;
  return new DataError(code, message, { cause: err, details: { source: where, duckdb: reason } });
}
