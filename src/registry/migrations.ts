/**
 * @module registry/migrations
 * The registry's one schema, as numbered migrations applied in order when a store opens; the
 * `schema_migrations` table records which ran. Add a migration to change the schema, never
 * edit an applied one. DDL is shared by SQLite and PostgreSQL except the auto-increment id
 * (`{{serial}}`) and binary columns (`{{blob}}`). JSON values (lineage, params, metrics) are
 * TEXT in both. Other stores on the same database (the prediction log) pass their own list and
 * bookkeeping table to `applyMigrations`.
 */
import { ModelwrightError } from '../errors.js';
import type { SqlDb } from './sql-db.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'models, versions, aliases, tags, audit log, experiments and runs',
    statements: [
      `CREATE TABLE registered_models (
        name TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        next_version INTEGER NOT NULL, description TEXT)`,
      `CREATE TABLE model_versions (
        name TEXT NOT NULL REFERENCES registered_models(name), version INTEGER NOT NULL,
        kind TEXT NOT NULL, artifact_sha256 TEXT NOT NULL, artifact_entry TEXT NOT NULL,
        created_at TEXT NOT NULL, run_id TEXT, parent_version INTEGER,
        lineage TEXT NOT NULL, metrics TEXT NOT NULL, params TEXT NOT NULL,
        PRIMARY KEY (name, version))`,
      'CREATE INDEX model_versions_artifact ON model_versions (artifact_sha256)',
      `CREATE TABLE version_tags (
        name TEXT NOT NULL, version INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (name, version, key))`,
      `CREATE TABLE model_aliases (
        name TEXT NOT NULL, alias TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (name, alias))`,
      `CREATE TABLE model_events (
        id {{serial}}, name TEXT NOT NULL, version INTEGER, action TEXT NOT NULL, alias TEXT,
        previous_version INTEGER, detail TEXT NOT NULL, user_name TEXT NOT NULL, at TEXT NOT NULL)`,
      'CREATE INDEX model_events_name ON model_events (name, alias)',
      'CREATE TABLE experiments (name TEXT PRIMARY KEY, created_at TEXT NOT NULL)',
      `CREATE TABLE runs (
        id TEXT PRIMARY KEY, experiment TEXT NOT NULL REFERENCES experiments(name), name TEXT,
        status TEXT NOT NULL, start_time TEXT NOT NULL, end_time TEXT, params TEXT NOT NULL,
        metrics TEXT NOT NULL, tags TEXT NOT NULL, artifact_sha256 TEXT, user_name TEXT NOT NULL)`,
      'CREATE INDEX runs_experiment ON runs (experiment)',
    ],
  },
];

const DIALECT_TYPES = {
  sqlite: { serial: 'INTEGER PRIMARY KEY AUTOINCREMENT', blob: 'BLOB' },
  postgres: { serial: 'SERIAL PRIMARY KEY', blob: 'BYTEA' },
} as const;

/** An arbitrary constant: the PostgreSQL advisory lock that serialises migrations. */
const PG_MIGRATION_LOCK = 72_927_001;

async function appliedVersions(db: SqlDb, table: string): Promise<Set<number> | undefined> {
  try {
    const rows = await db.all<{ version: number }>(`SELECT version FROM ${table}`);
    return new Set(rows.map((r) => Number(r.version)));
  } catch {
    return undefined; // no table yet
  }
}

/** Bring the schema up to date (idempotent; safe when several processes open at once). */
export async function applyMigrations(db: SqlDb, where: string, migrations: readonly Migration[] = MIGRATIONS, table = 'schema_migrations'): Promise<void> {
  const known = migrations[migrations.length - 1].version;
  const before = await appliedVersions(db, table);
  if (before && migrations.every((m) => before.has(m.version))) {
    const newest = Math.max(...before);
    if (newest > known) {
      throw new ModelwrightError('MW_REGISTRY_DB', `The registry at ${where} has schema version ${newest}, newer than this Modelwright knows (${known}).`, {
        hint: 'Upgrade Modelwright to use this registry.',
      });
    }
    return;
  }
  await db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(?)', [PG_MIGRATION_LOCK]);
    await tx.run(`CREATE TABLE IF NOT EXISTS ${table} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    // Re-read inside the transaction: another process may have migrated meanwhile.
    const done = new Set((await tx.all<{ version: number }>(`SELECT version FROM ${table}`)).map((r) => Number(r.version)));
    const types = DIALECT_TYPES[tx.dialect];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      for (const sql of m.statements) await tx.run(sql.replace(/\{\{serial\}\}/g, types.serial).replace(/\{\{blob\}\}/g, types.blob));
      await tx.run(`INSERT INTO ${table} (version, name, applied_at) VALUES (?, ?, ?)`, [m.version, m.name, new Date().toISOString()]);
    }
  });
}
