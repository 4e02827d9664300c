/**
 * @module monitor/log-store/open-prediction-log
 * Open the prediction log the environment selects, beside the registry:
 *
 *   MODELWRIGHT_DB=postgres://…   the same PostgreSQL database (and `?schema=`) as the registry
 *   otherwise                     SQLite at `$MODELWRIGHT_HOME/monitor.db` (WAL; synchronous=NORMAL:
 *                                 a crash never corrupts the file, a power cut may lose the last
 *                                 appends — the right trade for a high-volume log; 64 KiB pages,
 *                                 so a batch payload spans a few pages instead of sixty)
 *   { memory: true }              nothing on disk (tests)
 */
import { resolve } from 'node:path';
import { redactUrl } from '../../data/ingest/postgres.js';
import { type Env, modelwrightHome, postgresUrl } from '../../registry/home.js';
import { applyMigrations } from '../../registry/migrations.js';
import { openPostgresDb } from '../../registry/postgres-store.js';
import type { SqlDb } from '../../registry/sql-db.js';
import { openSqliteDb } from '../../registry/sqlite-store.js';
import { MemoryLogBackend } from './log-backend.js';
import { LOG_MIGRATIONS, LOG_MIGRATIONS_TABLE } from './log-migrations.js';
import type { MonitorStore } from './monitor-store.js';
import { PredictionLog } from './prediction-log.js';
import { SqlLogBackend } from './sql-log-backend.js';

export interface OpenPredictionLogOptions {
  readonly env?: Env;
  /** A SQLite file to use instead of `$MODELWRIGHT_HOME/monitor.db`. */
  readonly path?: string;
  /** Keep everything in memory (tests). */
  readonly memory?: boolean;
}

/** `$MODELWRIGHT_HOME/monitor.db`. */
export function monitorDbPath(env: Env = process.env): string {
  return resolve(modelwrightHome(env), 'monitor.db');
}

/** Where the log lives, in words (passwords removed). */
export function predictionLogLocation(env: Env = process.env): string {
  const url = postgresUrl(env);
  return url ? redactUrl(url) : monitorDbPath(env);
}

/**
 * Open (creating when needed) the prediction log.
 * @example const log = await openPredictionLog(); try { await log.append(rows); } finally { await log.close(); }
 */
export async function openPredictionLog(options: OpenPredictionLogOptions = {}): Promise<MonitorStore> {
  if (options.memory) return new PredictionLog(new MemoryLogBackend());
  const env = options.env ?? process.env;
  const url = options.path ? undefined : postgresUrl(env);
  const where = url ? redactUrl(url) : resolve(options.path ?? monitorDbPath(env));
  const db: SqlDb = url ? await openPostgresDb(url) : await openSqliteDb(where, { synchronous: 'NORMAL', pageSize: 65_536 });
  try {
    await applyMigrations(db, where, LOG_MIGRATIONS, LOG_MIGRATIONS_TABLE);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return new PredictionLog(new SqlLogBackend(db, where));
}

/** Run `fn` with an open prediction log and always close it. */
export async function withPredictionLog<T>(fn: (log: MonitorStore) => Promise<T>, options: OpenPredictionLogOptions = {}): Promise<T> {
  const log = await openPredictionLog(options);
  try {
    return await fn(log);
  } finally {
    await log.close();
  }
}
