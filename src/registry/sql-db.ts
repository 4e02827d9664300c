/**
 * @module registry/sql-db
 * The small SQL surface the registry needs from a database driver, so that one store body
 * (sql-store.ts) runs on SQLite and PostgreSQL alike:
 *
 *   all(sql, params)      rows (also for INSERT/UPDATE … RETURNING)
 *   run(sql, params)      number of rows changed
 *   transaction(fn)       a write transaction, retried on transient conflicts
 *
 * SQL is written once with `?` placeholders (turned into `$1…` for PostgreSQL) in the common
 * subset of both dialects: TEXT, INTEGER, ON CONFLICT … DO NOTHING / DO UPDATE, RETURNING.
 * A driver serves one call at a time (SerialQueue), so a transaction on a shared connection
 * is never interleaved with another caller's statements.
 */

/** Bound values; Uint8Array is stored as BLOB (SQLite) / BYTEA (PostgreSQL) and read back as a Buffer. */
export type SqlValue = string | number | null | Uint8Array;
export type Row = Record<string, unknown>;

export interface SqlDb {
  readonly dialect: 'sqlite' | 'postgres';
  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Run `fn` in one write transaction; the handle it gets must be used for every statement. */
  transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Runs async jobs one after another (a mutex for one connection). */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job, job);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** `?` placeholders → `$1, $2, …` (the registry's SQL has no '?' inside string literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Sleep with jitter before retrying a conflicting transaction (attempt 0, 1, …). */
export function backoff(attempt: number): Promise<void> {
  const ms = Math.min(200, 5 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Attempts before a conflicting transaction gives up (with backoff, well over a minute of waiting is never reached). */
export const MAX_TX_ATTEMPTS = 60;
