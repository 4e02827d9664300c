/**
 * @module serve/batch/batch-reader
 * A predict-batch body as batches of row objects, read as it streams in: NDJSON (one JSON
 * object per line) or CSV (a header line, then records). The byte count is checked against
 * the batch body limit as bytes arrive, so a body is never held whole; a malformed line or a
 * ragged record is an error naming its row.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { DataError } from '../../errors.js';
import { parseJsonBody } from '../parse-json-body.js';
import { CsvRecordReader } from './csv-records.js';

export type BatchFormat = 'ndjson' | 'csv';

export interface RowBatch {
  /** Row number (0-based, over the whole body) of the batch's first row. */
  readonly offset: number;
  readonly rows: Record<string, unknown>[];
}

/** Text chunks of a byte stream, failing with 413 once `limit` bytes have arrived. */
async function* textChunks(stream: Readable, limit: number): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    bytes += buf.length;
    if (bytes > limit) {
      throw new DataError('MW_SERVE_BODY_TOO_LARGE', `The predict-batch body is larger than the limit of ${limit} bytes.`, { details: { limit } });
    }
    yield decoder.write(buf);
  }
  yield decoder.end();
}

async function* ndjsonRows(chunks: AsyncIterable<string>): AsyncGenerator<Record<string, unknown>> {
  let rest = '';
  let row = 0;
  const parse = (line: string): Record<string, unknown> | null => {
    if (line.trim() === '') return null;
    const v = parseJsonBody(line, `Row ${row} (an NDJSON line)`);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw new DataError('MW_SERVE_BAD_REQUEST', `Row ${row} must be a JSON object of field values.`, { details: { row } });
    }
    return v as Record<string, unknown>;
  };
  for await (const text of chunks) {
    rest += text;
    let nl = rest.indexOf('\n');
    let start = 0;
    while (nl >= 0) {
      const r = parse(rest.slice(start, nl));
      if (r) (yield r, row++);
      start = nl + 1;
      nl = rest.indexOf('\n', start);
    }
    rest = rest.slice(start);
  }
  const last = parse(rest);
  if (last) yield last;
}

async function* csvRows(chunks: AsyncIterable<string>): AsyncGenerator<Record<string, unknown>> {
  const reader = new CsvRecordReader();
  let header: string[] | null = null;
  let row = 0;
  const toRow = (rec: string[]): Record<string, unknown> | null => {
    if (header === null) {
      header = rec.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
      return null;
    }
    if (rec.length === 1 && rec[0] === '') return null; // a blank line
    if (rec.length !== header.length) {
      throw new DataError('MW_DATA_RAGGED_ROW', `Row ${row} has ${rec.length} fields but the CSV header has ${header.length}.`, { details: { row } });
    }
    const o: Record<string, unknown> = {};
    for (let j = 0; j < rec.length; j++) o[header[j]] = rec[j];
    return o;
  };
  for await (const text of chunks) {
    for (const rec of reader.push(text)) {
      const o = toRow(rec);
      if (o) (yield o, row++);
    }
  }
  for (const rec of reader.end()) {
    const o = toRow(rec);
    if (o) yield o;
  }
}

/**
 * Batches of at most `batchRows` rows from a streamed body.
 * @example for await (const b of readBatches(req.raw, 'csv', 1 << 30, 4096)) score(b.rows)
 */
export async function* readBatches(stream: Readable, format: BatchFormat, limit: number, batchRows: number): AsyncGenerator<RowBatch> {
  const rows = format === 'csv' ? csvRows(textChunks(stream, limit)) : ndjsonRows(textChunks(stream, limit));
  let batch: Record<string, unknown>[] = [];
  let offset = 0;
  for await (const r of rows) {
    batch.push(r);
    if (batch.length >= batchRows) {
      yield { offset, rows: batch };
      offset += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) yield { offset, rows: batch };
}
