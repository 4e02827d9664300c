/**
 * @module ingest/read-data
 * `readData` and `scanData`: the two entry points of ingestion. Files and SQL go through the
 * embedded DuckDB; PostgreSQL through `pg`.
 */
import { DuckDBTypeId } from '@duckdb/node-api';
import { InvalidParamError } from '../../errors.js';
import type { Frame } from '../frame/frame.js';
import { TypeConversionFailure, conversionError } from './duckdb-error.js';
import { openConnection, withConnection } from './duckdb.js';
import { readPostgres, scanPostgres } from './postgres.js';
import { readRelation, scanRelation } from './read-relation.js';
import { type Relation, resolveRelation } from './relation.js';
import { type DataSource, type ReadOptions, type ScanOptions, toSource } from './source.js';

/** Default rows per batch of `scanData`. */
export const DEFAULT_BATCH_ROWS = 65_536;

/**
 * Read a whole source into a Frame.
 *
 * Numbers become float64 (missing → NaN), text / booleans / enums categorical (missing → −1),
 * dates and timestamps datetime (epoch ms, UTC). A CSV column whose later values do not fit
 * the type sniffed from its first rows is read again as text, so it arrives categorical.
 * @example const frame = await readData('train.csv', { categorical: ['zip'] });
 * @example await readData({ kind: 'sql', query: "select * from 'a.parquet' join 'b.csv' using (id)" });
 */
export async function readData(source: DataSource | string, options: ReadOptions = {}): Promise<Frame> {
  const src = toSource(source);
  if (src.kind === 'postgres') return readPostgres(src, options);
  return withConnection(async (con) => {
    let rel = await resolveRelation(con, src, options);
    for (;;) {
      try {
        return await readRelation(con, rel, options);
      } catch (err) {
        const e = rel.classify(err);
        if (!(e instanceof TypeConversionFailure)) throw e;
        // Retry once per column at most: each retry turns one more column into text.
        if (rel.withTextColumns === undefined) throw conversionError(e, rel.where);
        rel = await retryAsText(rel, e);
      }
    }
  });
}

async function retryAsText(rel: Relation, failure: TypeConversionFailure): Promise<Relation> {
  const idx = rel.names.indexOf(failure.column);
  if (idx < 0 || rel.types[idx].typeId === DuckDBTypeId.VARCHAR /* already text: nothing left to relax */) {
    throw conversionError(failure, rel.where);
  }
  return rel.withTextColumns!([failure.column]);
}

/**
 * Read a source in Frames of at most `batchRows` rows, streaming, so a file larger than
 * memory can be processed batch by batch.
 *
 * Each batch has its own category dictionaries: the same code may mean different strings in
 * two batches. Map categories by their string when combining batches (`Frame.concat` does).
 * @example for await (const batch of scanData('big.csv', { batchRows: 100_000 })) total += batch.nRows;
 */
export async function* scanData(source: DataSource | string, options: ScanOptions = {}): AsyncGenerator<Frame> {
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  if (!Number.isInteger(batchRows) || batchRows < 1) {
    throw new InvalidParamError('MW_PARAM_INVALID', `The 'batchRows' parameter of scanData must be an integer in [1, inf). Got ${batchRows} instead.`, {
      details: { param: 'batchRows', value: batchRows },
    });
  }
  const src = toSource(source);
  if (src.kind === 'postgres') {
    yield* scanPostgres(src, options, batchRows);
    return;
  }
  const con = await openConnection();
  try {
    const rel = await resolveRelation(con, src, options);
    try {
      yield* scanRelation(con, rel, options, batchRows);
    } catch (err) {
      const e = rel.classify(err);
      throw e instanceof TypeConversionFailure ? conversionError(e, rel.where) : e;
    }
  } finally {
    con.closeSync();
  }
}
