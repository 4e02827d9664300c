/**
 * @module monitor/log-store/log-migrations
 * The prediction log's schema (applied by registry/migrations.ts's `applyMigrations` with its
 * own bookkeeping table `monitor_migrations`, so the log may share a PostgreSQL database and
 * schema with the registry):
 *
 *   prediction_batches   one row per append and model version: window bounds + binary payload;
 *                        (model, t_max) finds where a window starts, (model, id) reads it in order
 *   feedback             one row per label (row_index -1 = every row of the request)
 *   monitor_checks       one row per scheduled check (the dashboard's history)
 *
 * Times are epoch milliseconds in BIGINT columns (pg returns them as strings: callers Number()).
 */
import type { Migration } from '../../registry/migrations.js';

export const LOG_MIGRATIONS_TABLE = 'monitor_migrations';

export const LOG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'prediction batches, feedback, monitor checks',
    statements: [
      `CREATE TABLE prediction_batches (
        id {{serial}}, model TEXT NOT NULL, version INTEGER, shadow INTEGER NOT NULL,
        n_rows INTEGER NOT NULL, t_min BIGINT NOT NULL, t_max BIGINT NOT NULL, created_at BIGINT NOT NULL,
        payload {{blob}} NOT NULL)`,
      'CREATE INDEX prediction_batches_window ON prediction_batches (model, t_max)',
      'CREATE INDEX prediction_batches_order ON prediction_batches (model, id)',
      `CREATE TABLE feedback (
        id {{serial}}, request_id TEXT NOT NULL, row_index INTEGER NOT NULL, label TEXT NOT NULL,
        label_is_number INTEGER NOT NULL, label_time BIGINT NOT NULL, received_at BIGINT NOT NULL)`,
      'CREATE INDEX feedback_received ON feedback (received_at)',
      `CREATE TABLE monitor_checks (
        id {{serial}}, model TEXT NOT NULL, version INTEGER, at BIGINT NOT NULL, since_ms BIGINT, until_ms BIGINT,
        n_current INTEGER NOT NULL, dataset_drift INTEGER NOT NULL, drift_share DOUBLE PRECISION NOT NULL,
        prediction_drift INTEGER NOT NULL, performance TEXT, alerts TEXT NOT NULL, summary TEXT NOT NULL)`,
      'CREATE INDEX monitor_checks_model ON monitor_checks (model, at)',
    ],
  },
];
