/**
 * @module registry/sqlite-store
 * The embedded registry: one SQLite file (`$MODELWRIGHT_HOME/registry.db`) through
 * better-sqlite3, in WAL mode so that readers never block the writer and many processes can
 * use it at once. Write transactions start with BEGIN IMMEDIATE (they take the write lock up
 * front, so two writers queue instead of deadlocking) and are retried with backoff when the
 * lock stays busy past `busy_timeout`. `synchronous=FULL`: a committed version survives a
 * crash of the process and of the machine.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ModelwrightError } from '../errors.js';
import { applyMigrations } from './migrations.js';
import { MAX_TX_ATTEMPTS, type Row, SerialQueue, type SqlDb, type SqlValue, backoff } from './sql-db.js';
import { SqlRegistryStore } from './sql-store.js';

/** How long one statement waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

function dbError(err: unknown, path: string): unknown {
  if (err instanceof ModelwrightError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ModelwrightError('MW_REGISTRY_DB', `The registry database '${path}' failed: ${message}`, { cause: err, details: { path, code: (err as { code?: unknown })?.code } });
}

class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  private readonly queue = new SerialQueue();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
  ) {}

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private allNow<T>(sql: string, params: readonly SqlValue[]): T[] {
    const s = this.statement(sql);
    if (s.reader) return s.all(...params) as T[];
    s.run(...params);
    return [];
  }

  private runNow(sql: string, params: readonly SqlValue[]): number {
    const s = this.statement(sql);
    if (s.reader) return s.all(...params).length;
    return s.run(...params).changes;
  }

  all<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.queue.run(async () => this.retrying(() => this.allNow<T>(sql, params)));
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.queue.run(async () => this.retrying(() => this.runNow(sql, params)));
  }

  /** A single statement outside a transaction, retried while another process holds the lock. */
  private async retrying<T>(fn: () => T): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return fn();
      } catch (err) {
        if (!isBusy(err) || attempt >= MAX_TX_ATTEMPTS) throw dbError(err, this.path);
        await backoff(attempt);
      }
    }
  }

  transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T> {
    const tx: SqlDb = {
      dialect: 'sqlite',
      all: async <R extends Row = Row>(sql: string, params: readonly SqlValue[] = []) => this.allNow<R>(sql, params),
      run: async (sql, params = []) => this.runNow(sql, params),
      transaction: () => Promise.reject(new Error('nested registry transactions are not supported')),
      close: async () => undefined,
    };
    return this.queue.run(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          this.db.exec('BEGIN IMMEDIATE');
        } catch (err) {
          if (isBusy(err) && attempt < MAX_TX_ATTEMPTS) {
            await backoff(attempt);
            continue;
          }
          throw dbError(err, this.path);
        }
        try {
          const out = await fn(tx);
          this.db.exec('COMMIT');
          return out;
        } catch (err) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          if (isBusy(err) && attempt < MAX_TX_ATTEMPTS) {
            await backoff(attempt);
            continue;
          }
          throw dbError(err, this.path);
        }
      }
    });
  }

  close(): Promise<void> {
    return this.queue.run(async () => {
      if (this.db.open) this.db.close();
    });
  }
}

async function withBusyRetry<T>(fn: () => T, path: string): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return fn();
    } catch (err) {
      if (!isBusy(err) || attempt >= MAX_TX_ATTEMPTS) throw dbError(err, path);
      await backoff(attempt);
    }
  }
}

export interface OpenSqliteDbOptions {
  /**
   * 'FULL' (default): a committed transaction survives a machine crash. 'NORMAL': in WAL mode the
   * file never corrupts, but the last transactions may be lost on power failure — what a
   * high-volume log (the prediction log) chooses for speed.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** Page size in bytes for a new file (SQLite's default 4096); large blobs read faster with fewer, larger pages. */
  readonly pageSize?: number;
}

/**
 * Open (creating when needed) a SQLite file in WAL mode as a `SqlDb` (the registry, the
 * prediction log).
 * @example const db = await openSqliteDb('.modelwright/monitor.db', { synchronous: 'NORMAL' });
 */
export async function openSqliteDb(path: string, options: OpenSqliteDbOptions = {}): Promise<SqlDb> {
  let db: Database.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw dbError(err, path);
  }
  try {
    // The page size only takes effect on a new, empty file, before it switches to WAL.
    if (options.pageSize) db.pragma(`page_size = ${Math.floor(options.pageSize)}`);
    // Switching to WAL needs a moment of exclusive access: retry while another process opens.
    await withBusyRetry(() => db.pragma('journal_mode = WAL'), path);
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    return new SqliteDb(db, path);
  } catch (err) {
    db.close();
    throw dbError(err, path);
  }
}

/**
 * Open (creating when needed) the SQLite registry at `path` and bring its schema up to date.
 * @example const store = await openSqliteStore('.modelwright/registry.db');
 */
export async function openSqliteStore(path: string): Promise<SqlRegistryStore> {
  const sql = await openSqliteDb(path);
  try {
    await applyMigrations(sql, path);
    return new SqlRegistryStore(sql, path);
  } catch (err) {
    await sql.close();
    throw dbError(err, path);
  }
}
