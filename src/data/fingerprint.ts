/**
 * @module data/fingerprint
 * A training-data fingerprint for lineage and model cards: one sha256 over the row count, the
 * schema (column names, storage, and semantic type/role when a schema is given) and every
 * value. Two reads of the same data give the same fingerprint; any changed value, column or
 * row gives another.
 *
 * Content is hashed column by column from the typed arrays (fast: no per-row strings):
 *   float64 / datetime  the 8 bytes of each value, every NaN written as one canonical NaN
 *   categorical         the dictionary in sorted order + each row's code into that order
 *                       (so the dictionary order a reader happened to produce does not matter)
 */
import { createHash } from 'node:crypto';
import type { Column } from './frame/column.js';
import type { Frame } from './frame/frame.js';
import type { DatasetSchema } from './schema/types.js';

export interface DataFingerprint {
  /** `sha256:<hex>` over row count, schema and content. */
  readonly sha256: string;
  readonly rows: number;
  readonly columns: number;
  /** `sha256:<hex>` over the schema alone (same columns and types ⇔ same value). */
  readonly schemaSha256: string;
}

function bytesOf(a: Float64Array | Int32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function hashColumn(h: ReturnType<typeof createHash>, col: Column): void {
  if (col.dtype === 'categorical') {
    const order = col.categories.map((_, i) => i).sort((a, b) => (col.categories[a] < col.categories[b] ? -1 : col.categories[a] > col.categories[b] ? 1 : 0));
    const rank = new Int32Array(col.categories.length);
    order.forEach((code, r) => (rank[code] = r));
    h.update(JSON.stringify(order.map((i) => col.categories[i])));
    const codes = new Int32Array(col.codes.length);
    for (let i = 0; i < codes.length; i++) codes[i] = col.codes[i] < 0 ? -1 : rank[col.codes[i]];
    h.update(bytesOf(codes));
    return;
  }
  let v = col.values;
  if (v.some((x) => x !== x)) v = v.map((x) => (x !== x ? Number.NaN : x));
  h.update(bytesOf(v));
}

/**
 * Fingerprint `frame` (and its schema, when given).
 * @example fingerprintFrame(frame, schema).sha256 // 'sha256:3f1c…'
 */
export function fingerprintFrame(frame: Frame, schema?: DatasetSchema): DataFingerprint {
  const types = new Map((schema?.columns ?? []).map((c) => [c.name, c]));
  const schemaText = JSON.stringify(
    frame.columns.map((c) => {
      const s = types.get(c.name);
      return s ? [c.name, c.dtype, s.type, s.role] : [c.name, c.dtype];
    }),
  );
  const schemaSha256 = `sha256:${createHash('sha256').update(schemaText).digest('hex')}`;
  const h = createHash('sha256');
  h.update(`modelwright-data-v1\n${frame.nRows}\n${schemaText}\n`);
  for (const col of frame.columns) hashColumn(h, col);
  return { sha256: `sha256:${h.digest('hex')}`, rows: frame.nRows, columns: frame.nCols, schemaSha256 };
}
