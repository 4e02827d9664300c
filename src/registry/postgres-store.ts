/**
 * @module registry/postgres-store
 * The shared registry: PostgreSQL through `pg`, selected with `MODELWRIGHT_DB=postgres://…`.
 * A `schema` query parameter (`postgres://host/db?schema=team_a`) keeps the registry's
 * tables in that schema (created when missing), so several registries — or test runs — can
 * share one database. Transactions run at READ COMMITTED; the version counter row is locked
 * by its UPDATE, so concurrent registrations queue on it and get distinct numbers. Serialisation
 * failures, deadlocks and unique violations are retried with backoff.
 */
import pg from 'pg';
import { redactUrl } from '../data/ingest/postgres.js';
import { ModelwrightError } from '../errors.js';
import { applyMigrations } from './migrations.js';
import { MAX_TX_ATTEMPTS, type Row, SerialQueue, type SqlDb, type SqlValue, backoff, numberedPlaceholders } from './sql-db.js';
import { SqlRegistryStore } from './sql-store.js';

/** SQLSTATEs worth retrying: serialization_failure, deadlock_detected, unique_violation. */
const RETRY_CODES = new Set(['40001', '40P01', '23505']);

function dbError(err: unknown, where: string): unknown {
  if (err instanceof ModelwrightError) return err;
  const reason = err instanceof AggregateError && err.errors.length > 0 ? String(err.errors[0]?.message ?? err.errors[0]) : err instanceof Error ? err.message || (err as NodeJS.ErrnoException).code || err.name : String(err);
  return new ModelwrightError('MW_REGISTRY_DB', `The registry database ${where} failed: ${reason}`, { cause: err, details: { url: where, pgCode: (err as { code?: unknown })?.code } });
}

class PgDb implements SqlDb {
  readonly dialect = 'postgres' as const;
  private readonly queue = new SerialQueue();

  constructor(
    private readonly client: pg.Client,
    private readonly where: string,
  ) {}

  private async allNow<T>(sql: string, params: readonly SqlValue[]): Promise<T[]> {
    return (await this.client.query(numberedPlaceholders(sql), params as SqlValue[])).rows as T[];
  }

  private async runNow(sql: string, params: readonly SqlValue[]): Promise<number> {
    return (await this.client.query(numberedPlaceholders(sql), params as SqlValue[])).rowCount ?? 0;
  }

  all<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.queue.run(() => this.allNow<T>(sql, params).catch((err) => Promise.reject(dbError(err, this.where))));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.queue.run(() => this.runNow(sql, params).catch((err) => Promise.reject(dbError(err, this.where))));
  }

  transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T> {
    const tx: SqlDb = {
      dialect: 'postgres',
      all: <R extends Row = Row>(sql: string, params: readonly SqlValue[] = []) => this.allNow<R>(sql, params),
      run: (sql, params = []) => this.runNow(sql, params),
      transaction: () => Promise.reject(new Error('nested registry transactions are not supported')),
      close: async () => undefined,
    };
    return this.queue.run(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          await this.client.query('BEGIN');
          const out = await fn(tx);
          await this.client.query('COMMIT');
          return out;
        } catch (err) {
          await this.client.query('ROLLBACK').catch(() => undefined);
          const code = (err as { code?: unknown })?.code;
          if (typeof code === 'string' && RETRY_CODES.has(code) && attempt < MAX_TX_ATTEMPTS) {
            await backoff(attempt);
            continue;
          }
          throw dbError(err, this.where);
        }
      }
    });
  }

  close(): Promise<void> {
    return this.queue.run(() => this.client.end());
  }
}

/** Split `?schema=NAME` off a connection URL (pg would pass unknown parameters to the server). */
export function splitSchemaParam(url: string): { url: string; schema: string | undefined } {
  const m = /([?&])schema=([^&]*)(&?)/.exec(url);
  if (!m) return { url, schema: undefined };
  const rest = url.slice(0, m.index) + (m[3] ? m[1] : '') + url.slice(m.index + m[0].length);
  return { url: rest.replace(/[?&]$/, ''), schema: decodeURIComponent(m[2]) };
}

const quoteIdent = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * Connect to PostgreSQL at `url` as a `SqlDb`, in the URL's `schema` (created when missing).
 * @example const db = await openPostgresDb('postgres://mw@db.internal/mlops?schema=registry');
 */
export async function openPostgresDb(url: string): Promise<SqlDb> {
  const { url: connectionString, schema } = splitSchemaParam(url);
  const where = redactUrl(url);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (err) {
    throw dbError(err, where);
  }
  try {
    if (schema) {
      // Concurrent first opens may race on CREATE SCHEMA; the loser sees a duplicate and moves on.
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`).catch((err: { code?: string }) => {
        if (err.code !== '23505' && err.code !== '42P06') throw err;
      });
      await client.query(`SET search_path TO ${quoteIdent(schema)}`);
    }
    return new PgDb(client, where);
  } catch (err) {
    await client.end().catch(() => undefined);
    throw dbError(err, where);
  }
}

/**
 * Connect to the PostgreSQL registry at `url` and bring its schema up to date.
 * @example const store = await openPostgresStore('postgres://mw@db.internal/mlops?schema=registry');
 */
export async function openPostgresStore(url: string): Promise<SqlRegistryStore> {
  const where = redactUrl(url);
  const db = await openPostgresDb(url);
  try {
    await applyMigrations(db, where);
    return new SqlRegistryStore(db, where);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw dbError(err, where);
  }
}
