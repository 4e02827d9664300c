/**
 * @module write/frame-writer
 * Writing Frames to files, whole (`writeFrame`) or batch by batch (`openFrameWriter`, for
 * chunked prediction output). The format follows the extension: .csv / .tsv (RFC 4180 text,
 * streamed through AtomicFileWriter) or .parquet (through DuckDB). Either way the target
 * appears only on `commit`, complete; `abort` leaves it untouched.
 */
import { DataError, ModelwrightError } from '../../errors.js';
import { AtomicFileWriter } from '../../io/atomic-write.js';
import type { Frame } from '../frame/frame.js';
import { csvHeader, csvRows } from './csv-format.js';
import { ParquetFrameWriter } from './parquet-writer.js';

export type WriteFormat = 'csv' | 'tsv' | 'parquet';
export const WRITE_FORMATS: readonly WriteFormat[] = ['csv', 'tsv', 'parquet'];

export interface WriteOptions {
  /** Output format; from the extension when absent (.csv, .tsv, .parquet / .pq). */
  readonly format?: WriteFormat;
}

/** A sink for batches of one table: `write` each batch, then `commit` (or `abort`). */
export interface FrameWriter {
  readonly target: string;
  write(frame: Frame): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Rows formatted per write call: bounds the size of one string. */
const ROWS_PER_SLAB = 20_000;

/** The output format of `path`: `forced` when given, else from its extension. */
export function writeFormatOf(path: string, forced?: WriteFormat): WriteFormat {
  if (forced !== undefined && WRITE_FORMATS.includes(forced)) return forced;
  const lower = path.toLowerCase();
  if (forced === undefined) {
    if (lower.endsWith('.csv')) return 'csv';
    if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return 'tsv';
    if (lower.endsWith('.parquet') || lower.endsWith('.pq')) return 'parquet';
  }
  const what = forced === undefined ? `the extension of '${path}'` : `format '${String(forced)}'`;
  throw new DataError('MW_DATA_UNSUPPORTED_FORMAT', `Cannot write ${what}: supported output formats are .csv, .tsv and .parquet.`, {
    hint: 'Give an output path ending in .csv, .tsv or .parquet.',
    details: { path, allowed: WRITE_FORMATS },
  });
}

class CsvFrameWriter implements FrameWriter {
  private names: readonly string[] | undefined;

  constructor(
    private readonly file: AtomicFileWriter,
    private readonly delimiter: string,
  ) {}

  get target(): string {
    return this.file.target;
  }

  async write(frame: Frame): Promise<void> {
    if (this.names === undefined) {
      this.names = frame.names;
      await this.file.write(csvHeader(this.names, this.delimiter));
    } else if (frame.names.join('\u0000') !== this.names.join('\u0000')) {
      await this.abort();
      throw new ModelwrightError('MW_WRITE_FAILED', `Could not write '${this.target}': a batch has different columns than the first batch.`, {
        details: { path: this.target, expected: this.names, got: frame.names },
      });
    }
    for (let start = 0; start < frame.nRows; start += ROWS_PER_SLAB) {
      await this.file.write(csvRows(frame, start, Math.min(frame.nRows, start + ROWS_PER_SLAB), this.delimiter));
    }
  }

  async commit(): Promise<void> {
    await this.file.commit();
  }

  async abort(): Promise<void> {
    await this.file.abort();
  }
}

/**
 * Open a batch writer for `path`.
 * @example
 * const out = await openFrameWriter('predictions.csv');
 * try { for await (const b of batches) await out.write(b); await out.commit(); } catch (e) { await out.abort(); throw e; }
 */
export async function openFrameWriter(path: string, options: WriteOptions = {}): Promise<FrameWriter> {
  const format = writeFormatOf(path, options.format);
  if (format === 'parquet') return ParquetFrameWriter.open(path);
  return new CsvFrameWriter(await AtomicFileWriter.open(path), format === 'tsv' ? '\t' : ',');
}

/**
 * Write `frame` to `path` atomically, in the format of its extension.
 * @example await writeFrame(frame, 'clean.parquet');
 */
export async function writeFrame(frame: Frame, path: string, options: WriteOptions = {}): Promise<void> {
  const writer = await openFrameWriter(path, options);
  try {
    await writer.write(frame);
    await writer.commit();
  } catch (err) {
    await writer.abort().catch(() => undefined);
    throw err;
  }
}
