/**
 * @module ingest/postgres
 * Reading a PostgreSQL table or query through `pg`. Rows are streamed with a server-side
 * cursor (DECLARE … / FETCH n) inside a read-only transaction, so a large table is never held
 * whole by the client; values arrive as text and are converted per column (postgres-columns).
 */
import pg from 'pg';
import { didYouMean } from '../../common/closest-match.js';
import { DataError } from '../../errors.js';
import { Frame } from '../frame/frame.js';
import { PgColumnBuilder, pgKind } from './postgres-columns.js';
import type { DataSource, ReadOptions } from './source.js';

type PgSource = Extract<DataSource, { kind: 'postgres' }>;

const FETCH_ROWS = 10_000;
const CURSOR = 'modelwright_read';
/** Every value as PostgreSQL's text form: conversion is ours, per column, by type OID. */
const RAW_TEXT = { getTypeParser: () => (v: string) => v } as unknown as pg.CustomTypesConfig;

/** The URL with its password masked, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

function reasonOf(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return reasonOf(err.errors[0]);
  if (err instanceof Error) return err.message || (err as NodeJS.ErrnoException).code || err.name;
  return String(err);
}

function pgError(what: string, err: unknown, src: PgSource): DataError {
  if (err instanceof DataError) return err;
  const reason = reasonOf(err);
  return new DataError('MW_DATA_POSTGRES', `${what}: ${reason}`, {
    cause: err,
    details: { url: redactUrl(src.url), table: src.table, pgCode: (err as { code?: string }).code },
  });
}

function baseQuery(src: PgSource, client: pg.Client): string {
  if (src.query) return src.query.trim().replace(/;\s*$/, '');
  if (src.table) return `SELECT * FROM ${src.table.split('.').map((p) => client.escapeIdentifier(p)).join('.')}`;
  throw new DataError('MW_DATA_POSTGRES', `No table or query given for ${redactUrl(src.url)}.`, {
    hint: 'Pass --table NAME or --query "select …" with a postgres:// URL.',
  });
}

/** Batches of at most `batchRows` rows from the source, as Frames. */
async function* pgBatches(src: PgSource, opts: ReadOptions, batchRows: number): AsyncGenerator<Frame> {
  const client = new pg.Client({ connectionString: src.url, connectionTimeoutMillis: 10_000, types: RAW_TEXT });
  client.on('error', () => undefined); // a dropped connection surfaces on the next query instead
  try {
    await client.connect();
  } catch (err) {
    throw pgError(`Cannot connect to PostgreSQL at ${redactUrl(src.url)}`, err, src);
  }
  const limit = opts.limitRows ?? Number.POSITIVE_INFINITY;
  try {
    const sql = baseQuery(src, client);
    await client.query('BEGIN READ ONLY');
    try {
      await client.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${sql}`);
    } catch (err) {
      throw pgError(`PostgreSQL rejected the ${src.query ? 'query' : `read of table '${src.table}'`}`, err, src);
    }
    let total = 0;
    let plan: { names: string[]; picked: number[]; builders: () => PgColumnBuilder[] } | undefined;
    while (total < limit) {
      const want = Math.min(batchRows, limit - total);
      const res = await client.query<(string | null)[]>({ text: `FETCH FORWARD ${want} FROM ${CURSOR}`, rowMode: 'array' });
      plan ??= planFields(res.fields, opts, src, want);
      if (res.rows.length === 0) break;
      const builders = plan.builders();
      plan.picked.forEach((j, k) => builders[k].append(res.rows, j));
      total += res.rows.length;
      yield Frame.fromColumns(builders.map((b) => b.finish()));
      if (res.rows.length < want) break;
    }
    await client.query(`CLOSE ${CURSOR}`);
    await client.query('COMMIT');
    if (total === 0) {
      throw new DataError('MW_DATA_EMPTY', `The PostgreSQL ${src.query ? 'query' : `table '${src.table}'`} returned no rows.`, {
        details: { url: redactUrl(src.url), table: src.table },
      });
    }
  } catch (err) {
    throw pgError('Reading from PostgreSQL failed', err, src);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function planFields(fields: readonly pg.FieldDef[], opts: ReadOptions, src: PgSource, capacity: number) {
  const names = fields.map((f) => f.name);
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new DataError('MW_DATA_DUPLICATE_COLUMN', `Column '${n}' appears more than once in the PostgreSQL result.`, { details: { column: n } });
    seen.add(n);
  }
  const where = src.query ? 'the PostgreSQL query' : `PostgreSQL table '${src.table}'`;
  const missing = (n: string, option: string) =>
    new DataError('MW_DATA_COLUMN_NOT_FOUND', `Column '${n}' (in ${option}) is not in ${where}.${didYouMean(n, names)}`, {
      details: { column: n, available: names },
    });
  for (const n of opts.categorical ?? []) if (!seen.has(n)) throw missing(n, 'categorical');
  const picked = opts.columns
    ? opts.columns.map((n) => {
        const j = names.indexOf(n);
        if (j < 0) throw missing(n, 'columns');
        return j;
      })
    : names.map((_, j) => j);
  const forced = new Set(opts.categorical ?? []);
  const builders = () => picked.map((j) => new PgColumnBuilder(names[j], pgKind(fields[j].dataTypeID, forced.has(names[j])), capacity));
  return { names, picked, builders };
}

/** Read a PostgreSQL table or query into one Frame. */
export async function readPostgres(src: PgSource, opts: ReadOptions): Promise<Frame> {
  const parts: Frame[] = [];
  for await (const batch of pgBatches(src, opts, 50_000)) parts.push(batch);
  return Frame.concat(parts);
}

/** Scan a PostgreSQL table or query in batches (each with its own category dictionaries). */
export function scanPostgres(src: PgSource, opts: ReadOptions, batchRows: number): AsyncGenerator<Frame> {
  return pgBatches(src, opts, batchRows);
}
