/**
 * @module ingest/file-check
 * Checks made in JavaScript before DuckDB sees a file, so that the common mistakes get a
 * precise message instead of a database error: a missing file (with close names from its
 * folder), a folder, an unreadable or empty file, a binary file given as text, a `.gz` that
 * is not gzip, a "Parquet" file without Parquet's magic bytes. The first 64 KiB (decompressed
 * for gzip) are kept for the CSV checks and the row-count estimate.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { didYouMean } from '../../common/closest-match.js';
import { DataError } from '../../errors.js';
import type { FileFormat } from './source.js';

const HEAD_BYTES = 64 * 1024;

export interface FileHead {
  readonly path: string;
  /** Size on disk in bytes. */
  readonly size: number;
  readonly gzip: boolean;
  /** The first bytes of the (decompressed) content. */
  readonly head: Buffer;
  /** True when `head` holds the whole (decompressed) content. */
  readonly complete: boolean;
}

function unreadable(path: string, reason: string, cause?: unknown, hint?: string): DataError {
  return new DataError('MW_DATA_UNREADABLE', `Cannot read '${path}': ${reason}`, { cause, hint, details: { path } });
}

async function notFound(path: string): Promise<DataError> {
  let siblings: string[] = [];
  try {
    siblings = await readdir(dirname(path));
  } catch {
    // the folder itself is missing: no suggestions
  }
  const near = didYouMean(basename(path), siblings);
  return new DataError('MW_DATA_FILE_NOT_FOUND', `Data file '${path}' does not exist.${near}`, { details: { path } });
}

/** The size of the file at `path`; a DataError when it is missing or a directory. */
export async function statDataFile(path: string): Promise<number> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw unreadable(path, 'it is a directory, not a file.', undefined, 'Give the path of a data file inside it.');
    return st.size;
  } catch (err) {
    if (err instanceof DataError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw await notFound(path);
    throw unreadable(path, `${(err as Error).message}.`, err);
  }
}

/** Stat and sample `path`; throws the matching DataError for every bad case. */
export async function inspectFile(path: string, format: FileFormat): Promise<FileHead> {
  const size = await statDataFile(path);
  if (size === 0) {
    throw new DataError('MW_DATA_EMPTY', `Data file '${path}' is empty (0 bytes).`, { details: { path } });
  }
  let raw: Buffer;
  try {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(Math.min(size, HEAD_BYTES));
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      raw = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw unreadable(path, `${(err as Error).message}.`, err, 'Check the file permissions.');
  }
  if (format === 'parquet') {
    if (raw.subarray(0, 4).toString('latin1') !== 'PAR1') {
      throw unreadable(path, 'it is not a Parquet file (no PAR1 magic bytes at its start).', undefined, 'Check the file, or pass --format to read it as another format.');
    }
    return { path, size, gzip: false, head: raw, complete: size <= HEAD_BYTES };
  }
  const gzip = raw[0] === 0x1f && raw[1] === 0x8b;
  if (/\.gz(ip)?$/i.test(path) && !gzip) throw unreadable(path, 'its name ends in .gz but it is not gzip-compressed.');
  let head = raw;
  if (gzip) {
    try {
      // Z_SYNC_FLUSH lets a truncated stream (we only read its start) decompress without error.
      head = gunzipSync(raw, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).subarray(0, HEAD_BYTES);
    } catch (err) {
      throw unreadable(path, `it is not a valid gzip file (${(err as Error).message}).`, err);
    }
  }
  if (head.length === 0) throw new DataError('MW_DATA_EMPTY', `Data file '${path}' is empty.`, { details: { path } });
  if (head.includes(0)) {
    throw unreadable(path, `it looks like a binary file, not ${format.toUpperCase()} text (it contains NUL bytes).`, undefined,
      'Check that the file is the data you meant and that its extension matches its format.');
  }
  return { path, size, gzip, head, complete: !gzip && size <= HEAD_BYTES };
}

/**
 * A guess at the number of data rows from the sampled head: exact when the head is the whole
 * file, else file size / average line length (gzip assumed to compress about 4×). Only used
 * to size the first buffers, so being off costs a reallocation, not a wrong answer.
 */
export function estimateRows(file: FileHead): number {
  let lines = 0;
  for (let i = 0; i < file.head.length; i++) if (file.head[i] === 10) lines++;
  if (file.complete) return lines + 1;
  const perLine = file.head.length / Math.max(1, lines);
  const bytes = file.gzip ? file.size * 4 : file.size;
  return Math.ceil((bytes / perLine) * 1.1) + 1024;
}
