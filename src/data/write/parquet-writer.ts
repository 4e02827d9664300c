/**
 * @module write/parquet-writer
 * Frames into a Parquet file through DuckDB: batches are appended to a temporary in-memory
 * table (vectors filled directly from the typed arrays), and `commit` copies the table to a
 * temporary file beside the target and renames it over the target — atomic, like every write.
 * float64 → DOUBLE (NaN → NULL), categorical → VARCHAR, datetime → TIMESTAMP (UTC).
 */
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type DuckDBAppender, type DuckDBConnection, DuckDBDataChunk, DuckDBDoubleType, DuckDBVarCharType } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { ModelwrightError } from '../../errors.js';
import type { Column } from '../frame/column.js';
import type { Frame } from '../frame/frame.js';
import { openConnection, sqlIdent, sqlString } from '../ingest/duckdb.js';

const CHUNK = 2048;
const encoder = new TextEncoder();

function writeFailed(target: string, reason: string, cause?: unknown): ModelwrightError {
  return new ModelwrightError('MW_WRITE_FAILED', `Could not write '${target}': ${reason}`, { cause, details: { path: target } });
}

/** Clear the validity bits of `rows` (making them NULL). */
function setNull(vec: duckdb.Vector, n: number, rows: readonly number[]): void {
  if (rows.length === 0) return;
  duckdb.vector_ensure_validity_writable(vec);
  const bytes = Math.ceil(n / 64) * 8;
  const mask = duckdb.vector_get_validity(vec, bytes);
  if (!mask) return;
  for (const i of rows) mask[i >> 3] &= ~(1 << (i & 7));
  // vector_get_validity hands back a copy: write the edited mask back.
  duckdb.copy_data_to_vector_validity(vec, 0, mask.buffer as ArrayBuffer, mask.byteOffset, bytes);
}

/** Fill vector `vec` with rows [start, start+n) of `col`. */
function fillVector(vec: duckdb.Vector, col: Column, start: number, n: number, catBytes: Uint8Array[] | undefined): void {
  const nulls: number[] = [];
  if (col.dtype === 'categorical') {
    for (let i = 0; i < n; i++) {
      const c = col.codes[start + i];
      if (c < 0) nulls.push(i);
      else duckdb.vector_assign_string_element_len(vec, i, catBytes![c]);
    }
  } else {
    const part = col.values.subarray(start, start + n);
    const copy = new Float64Array(part);
    for (let i = 0; i < n; i++) if (copy[i] !== copy[i]) nulls.push(i);
    duckdb.copy_data_to_vector(vec, 0, copy.buffer, 0, n * 8);
  }
  setNull(vec, n, nulls);
}

export class ParquetFrameWriter {
  private readonly table = `mw_write_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  private appender: DuckDBAppender | undefined;
  private columns: readonly { name: string; dtype: Column['dtype'] }[] | undefined;
  private closed = false;
  private released = false;

  private constructor(
    readonly target: string,
    private readonly con: DuckDBConnection,
  ) {}

  static async open(target: string): Promise<ParquetFrameWriter> {
    return new ParquetFrameWriter(target, await openConnection());
  }

  async write(frame: Frame): Promise<void> {
    if (this.closed) throw writeFailed(this.target, 'the writer is closed.');
    if (this.columns === undefined) {
      this.columns = frame.columns.map((c) => ({ name: c.name, dtype: c.dtype }));
      const defs = frame.columns.map((c) => `${sqlIdent(c.name)} ${c.dtype === 'categorical' ? 'VARCHAR' : 'DOUBLE'}`);
      await this.con.run(`CREATE TEMP TABLE ${this.table} (${defs.join(', ')})`);
      this.appender = await this.con.createAppender(this.table);
    } else if (frame.columns.length !== this.columns.length || frame.columns.some((c, j) => c.name !== this.columns![j].name || c.dtype !== this.columns![j].dtype)) {
      throw writeFailed(this.target, 'a batch has different columns than the first batch.');
    }
    const types = frame.columns.map((c) => (c.dtype === 'categorical' ? DuckDBVarCharType.instance : DuckDBDoubleType.instance));
    const catBytes = frame.columns.map((c) => (c.dtype === 'categorical' ? c.categories.map((s) => encoder.encode(s)) : undefined));
    for (let start = 0; start < frame.nRows; start += CHUNK) {
      const n = Math.min(CHUNK, frame.nRows - start);
      const chunk = DuckDBDataChunk.create(types, n);
      frame.columns.forEach((col, j) => fillVector(duckdb.data_chunk_get_vector(chunk.chunk, j), col, start, n, catBytes[j]));
      this.appender!.appendDataChunk(chunk);
    }
  }

  async commit(): Promise<void> {
    if (this.closed) throw writeFailed(this.target, 'the writer is closed.');
    if (this.columns === undefined) throw writeFailed(this.target, 'no rows were written.');
    this.closed = true;
    const tmp = join(dirname(this.target), `.${basename(this.target)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
    try {
      this.appender!.closeSync();
      const select = this.columns
        .map((c) => (c.dtype === 'datetime' ? `epoch_ms(CAST(${sqlIdent(c.name)} AS BIGINT)) AS ${sqlIdent(c.name)}` : sqlIdent(c.name)))
        .join(', ');
      await this.con.run(`COPY (SELECT ${select} FROM ${this.table}) TO ${sqlString(tmp)} (FORMAT parquet)`);
      await rename(tmp, this.target);
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw writeFailed(this.target, err instanceof Error ? err.message.split('\n')[0] : String(err), err);
    } finally {
      await this.release();
    }
  }

  async abort(): Promise<void> {
    this.closed = true;
    await this.release();
  }

  private async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      this.appender?.closeSync();
    } catch {
      // already closed
    }
    this.appender = undefined;
    await this.con.run(`DROP TABLE IF EXISTS ${this.table}`).catch(() => undefined);
    this.con.closeSync();
  }
}
