/**
 * @module ingest/read-relation
 * Runs a Relation through DuckDB's streaming result and hands out Frames: the whole result
 * (readData) or batches of a fixed row count (scanData). Shared by both so that they read
 * exactly the same values.
 *
 *   source → Relation (sniffed, typed) → ColumnPlan (SQL casts) → streamed chunks → FrameAssembler → Frame
 */
import type { DuckDBConnection, DuckDBDataChunk, DuckDBResult } from '@duckdb/node-api';
import { didYouMean } from '../../common/closest-match.js';
import { DataError } from '../../errors.js';
import type { Frame } from '../frame/frame.js';
import { type ColumnPlan, planColumns } from './column-plan.js';
import { FrameAssembler } from './frame-assembler.js';
import type { Relation } from './relation.js';
import type { ReadOptions } from './source.js';
import { sqlIdent } from './duckdb.js';

function columnNotFound(name: string, rel: Relation, option: string): DataError {
  return new DataError(
    'MW_DATA_COLUMN_NOT_FOUND',
    `Column '${name}' (in ${option}) is not in ${rel.where}.${didYouMean(name, rel.names)}`,
    { details: { column: name, available: rel.names } },
  );
}

/** Rows sampled to find text columns with long values. */
const LENGTH_SAMPLE_ROWS = 2048;

/**
 * The text columns of `plan` whose first rows hold values longer than 12 bytes: they get
 * DuckDB's hash (see column-plan). File sources only — a LIMIT over a file reads only its
 * start (about 10 ms), while a LIMIT over a SQL query may run all of it; SQL results get the
 * hash for every text column.
 */
async function longTextColumns(con: DuckDBConnection, rel: Relation, plan: ColumnPlan): Promise<ReadonlySet<string> | 'all'> {
  if (!rel.sampleable) return 'all';
  const text = plan.columns.filter((c) => c.kind === 'strings').map((c) => c.name);
  if (text.length === 0) return new Set();
  const lengths = text.map((n) => `max(strlen(CAST(${sqlIdent(n)} AS VARCHAR)))`).join(', ');
  const res = await con.run(`SELECT ${lengths} FROM (SELECT * FROM (${rel.sql}) LIMIT ${LENGTH_SAMPLE_ROWS})`);
  const [row] = await res.getRowsJson();
  return new Set(text.filter((_, i) => Number(row?.[i] ?? 0) > 12));
}

/** The plan for `rel` under `opts` (column selection, forced categoricals, row limit). */
export async function planRead(con: DuckDBConnection, rel: Relation, opts: ReadOptions): Promise<ColumnPlan> {
  const draft = planRelation(rel, opts, new Set());
  return planRelation(rel, opts, await longTextColumns(con, rel, draft));
}

function planRelation(rel: Relation, opts: ReadOptions, hashed: ReadonlySet<string> | 'all'): ColumnPlan {
  const seen = new Set<string>();
  for (const n of rel.names) {
    if (seen.has(n)) {
      throw new DataError('MW_DATA_DUPLICATE_COLUMN', `Column '${n}' appears more than once in ${rel.where}.`, {
        details: { column: n },
      });
    }
    seen.add(n);
  }
  if (rel.names.length === 0) throw new DataError('MW_DATA_EMPTY', `${rel.where} has no columns.`, { details: { source: rel.where } });
  for (const n of opts.categorical ?? []) if (!seen.has(n)) throw columnNotFound(n, rel, 'categorical');
  let names = rel.names;
  let types = rel.types;
  if (opts.columns !== undefined) {
    const index = new Map(rel.names.map((n, i) => [n, i]));
    const picked = opts.columns.map((n) => {
      const i = index.get(n);
      if (i === undefined) throw columnNotFound(n, rel, 'columns');
      return i;
    });
    names = picked.map((i) => rel.names[i]);
    types = picked.map((i) => rel.types[i]);
  }
  return planColumns(rel.sql, names, types, new Set(opts.categorical ?? []), opts.limitRows, hashed);
}

export function emptyError(rel: Relation): DataError {
  const message = rel.delimited
    ? `Data file '${rel.where}' has a header but no data rows.`
    : rel.where === 'the SQL query'
      ? 'The SQL query returned no rows.'
      : `Data file '${rel.where}' has no rows.`;
  return new DataError('MW_DATA_EMPTY', message, { details: { source: rel.where } });
}

/** Read the whole relation into one Frame. */
export async function readRelation(con: DuckDBConnection, rel: Relation, opts: ReadOptions): Promise<Frame> {
  const plan = await planRead(con, rel, opts);
  const capacity = Math.min(rel.estimatedRows ?? 65_536, opts.limitRows ?? Number.POSITIVE_INFINITY);
  const result = await con.stream(plan.sql);
  const asm = new FrameAssembler(plan.columns, capacity);
  for await (const chunk of prefetched(result)) asm.append(chunk, 0, chunk.rowCount);
  if (asm.rows === 0) throw emptyError(rel);
  return asm.finish();
}

/**
 * The result's chunks, each requested before the previous one is handed out: DuckDB fetches
 * on a libuv thread while JavaScript copies, so the two overlap. A request still in flight
 * when the consumer stops is awaited, so the connection is never closed under it.
 */
async function* prefetched(result: DuckDBResult): AsyncGenerator<DuckDBDataChunk> {
  let next: Promise<DuckDBDataChunk | null> | undefined = result.fetchChunk();
  try {
    for (;;) {
      const chunk: DuckDBDataChunk | null = await next;
      next = undefined;
      if (chunk === null || chunk.rowCount === 0) return;
      next = result.fetchChunk();
      yield chunk;
    }
  } finally {
    if (next !== undefined) await next.catch(() => null);
  }
}

/** Read the relation in Frames of `batchRows` rows (the last may be shorter). */
export async function* scanRelation(con: DuckDBConnection, rel: Relation, opts: ReadOptions, batchRows: number): AsyncGenerator<Frame> {
  const plan = await planRead(con, rel, opts);
  const result = await con.stream(plan.sql);
  let asm = new FrameAssembler(plan.columns, batchRows);
  let total = 0;
  for await (const chunk of prefetched(result)) {
    const n = chunk.rowCount;
    for (let pos = 0; pos < n; ) {
      const take = Math.min(n - pos, batchRows - asm.rows);
      asm.append(chunk, pos, take);
      pos += take;
      if (asm.rows === batchRows) {
        total += asm.rows;
        yield asm.finish();
        asm = new FrameAssembler(plan.columns, batchRows);
      }
    }
  }
  if (asm.rows > 0) {
    total += asm.rows;
    yield asm.finish();
  }
  if (total === 0) throw emptyError(rel);
}
