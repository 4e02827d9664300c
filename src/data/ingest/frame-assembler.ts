/**
 * @module ingest/frame-assembler
 * Copies DuckDB result chunks into Frame columns. Every planned output is DOUBLE, INTEGER or
 * VARCHAR (+ its uint64 hash), so a chunk column is one bulk byte copy, or one pass of the
 * string encoder over the 16-byte string slots — no per-cell JavaScript values.
 */
import type { DuckDBDataChunk } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { categoricalColumn, type Column, datetimeColumn, float64Column } from '../frame/column.js';
import { Frame } from '../frame/frame.js';
import { float64Builder, int32Builder, type TypedBuilder } from './column-builder.js';
import type { PlannedColumn } from './column-plan.js';
import { StringEncoder } from './string-encoder.js';

type Slot =
  | { readonly col: PlannedColumn; readonly values: TypedBuilder<Float64Array> }
  | { readonly col: PlannedColumn; readonly codes: TypedBuilder<Int32Array>; readonly encoder?: StringEncoder };

/** DuckDB's validity mask for `n` rows, or null when all are valid. */
function validityOf(vector: duckdb.Vector, n: number): Uint8Array | null {
  return duckdb.vector_get_validity(vector, Math.ceil(n / 64) * 8) ?? null;
}

/** The validity bits of rows [start, start+n) moved to bit 0 (only for chunks split across batches). */
function shiftBits(mask: Uint8Array, start: number, n: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(n / 8) + 1);
  for (let i = 0; i < n; i++) {
    const j = start + i;
    if ((mask[j >> 3] >> (j & 7)) & 1) out[i >> 3] |= 1 << (i & 7);
  }
  return out;
}

export class FrameAssembler {
  private readonly slots: Slot[];
  rows = 0;

  /** @param capacity expected rows (sizes the first buffers) */
  constructor(columns: readonly PlannedColumn[], capacity: number) {
    this.slots = columns.map((col): Slot => {
      if (col.kind === 'float64' || col.kind === 'datetime') return { col, values: float64Builder(capacity) };
      if (col.kind === 'codes') return { col, codes: int32Builder(capacity) };
      return { col, codes: int32Builder(capacity), encoder: new StringEncoder() };
    });
  }

  /** Append rows [start, start+count) of `chunk`. */
  append(chunk: DuckDBDataChunk, start: number, count: number): void {
    const raw = chunk.chunk;
    const total = chunk.rowCount;
    for (const slot of this.slots) {
      const vec = duckdb.data_chunk_get_vector(raw, slot.col.index);
      if ('values' in slot) {
        slot.values.appendBytes(duckdb.vector_get_data(vec, total * 8).subarray(start * 8), count);
      } else if (slot.encoder === undefined) {
        slot.codes.appendBytes(duckdb.vector_get_data(vec, total * 4).subarray(start * 4), count);
      } else {
        const data = duckdb.vector_get_data(vec, total * 16).subarray(start * 16);
        let hashes: Uint32Array | null = null;
        if (slot.col.hashIndex >= 0) {
          const hashVec = duckdb.data_chunk_get_vector(raw, slot.col.hashIndex);
          const bytes = duckdb.vector_get_data(hashVec, total * 8).subarray(start * 8, (start + count) * 8);
          const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
          hashes = new Uint32Array(aligned.buffer, aligned.byteOffset, count * 2);
        }
        let validity = validityOf(vec, total);
        if (validity !== null && start !== 0) validity = shiftBits(validity, start, count);
        const out = slot.codes.reserve(count);
        slot.encoder.encode(data, hashes, validity, count, out, slot.codes.length);
        slot.codes.length += count;
      }
    }
    // A native call on the chunk keeps it reachable (not collectable) until the string slots,
    // which point into its memory, have all been read.
    if (chunk.rowCount !== total) throw new Error('FrameAssembler: a DuckDB chunk changed size while being read');
    this.rows += count;
  }

  /** The Frame of every appended row. */
  finish(): Frame {
    const cols: Column[] = this.slots.map((slot) => {
      const { name, kind } = slot.col;
      if ('values' in slot) {
        const values = slot.values.finish();
        return kind === 'datetime' ? datetimeColumn(name, values) : float64Column(name, values);
      }
      const categories = slot.encoder ? slot.encoder.categories : slot.col.categories;
      return categoricalColumn(name, slot.codes.finish(), categories);
    });
    return Frame.fromColumns(cols);
  }
}
